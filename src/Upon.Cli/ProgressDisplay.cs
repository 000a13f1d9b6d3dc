using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace Upon.Cli;

/// <summary>
/// A progress display on standard error for a batch read from a stream (Spectre.Console): how much of the input has
/// been read, shown only when the batch has taken more than a second, only on a terminal, never with <c>--quiet</c>,
/// and never while results stream to the same terminal. It is cleared when the batch is done, before anything else is
/// written to standard error.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    /// <summary>How long a batch runs before its progress is shown.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly CountingStream stream;
    private readonly ManualResetEventSlim done = new();
    private readonly Task? display;

    /// <summary>Initializes a display of the reading of <paramref name="input"/>.</summary>
    /// <param name="input">The batch's input; read it through <see cref="Stream"/>.</param>
    /// <param name="description">What the batch does, such as "Deciding applications".</param>
    /// <param name="error">Standard error where the display is shown, or null for none.</param>
    /// <param name="colour">Whether the display may use colour.</param>
    /// <param name="delay">How long to wait before showing it.</param>
    internal ProgressDisplay(Stream input, string description, TextWriter? error, bool colour, TimeSpan delay)
    {
        stream = new CountingStream(input);
        long? total = input.CanSeek ? input.Length : null;
        if (error is not null)
        {
            display = Task.Run(() => Show(error, description, total, colour, delay));
        }
    }

    /// <summary>Gets the input, counted as it is read.</summary>
    public Stream Stream => stream;

    /// <summary>Gets whether a display may be shown (standard error is a terminal, and nothing else rules it out).</summary>
    public bool IsShown => display is not null;

    /// <summary>
    /// Starts the display of a command's batch: shown when standard error is a terminal, <c>--quiet</c> is not given,
    /// and the results do not stream to a terminal as they are made (<paramref name="streamsResults"/>).
    /// </summary>
    /// <param name="run">The command's run.</param>
    /// <param name="input">The batch's input.</param>
    /// <param name="description">What the batch does.</param>
    /// <param name="streamsResults">Whether results are written to standard output while the batch runs.</param>
    /// <returns>The display; dispose of it (or <see cref="Stop"/> it) before writing anything more to standard error.</returns>
    public static ProgressDisplay Start(Commands.CommandRun run, Stream input, string description, bool streamsResults)
    {
        Terminal terminal = run.Terminal;
        return new ProgressDisplay(input, description, IsWanted(terminal, run.IsQuiet, streamsResults) ? run.Error : null, terminal.Colour, Delay);
    }

    /// <summary>
    /// Whether a batch's progress is to be shown: standard error is a terminal, <paramref name="quiet"/> is false, and
    /// results do not stream to standard output while it is a terminal too (they would be written through the display).
    /// </summary>
    /// <param name="terminal">What the standard streams are connected to.</param>
    /// <param name="quiet">Whether <c>--quiet</c> was given.</param>
    /// <param name="streamsResults">Whether results are written to standard output while the batch runs.</param>
    public static bool IsWanted(Terminal terminal, bool quiet, bool streamsResults) =>
        terminal.ErrorIsTerminal && !quiet && !(streamsResults && terminal.OutputIsTerminal);

    /// <summary>Ends the display, clearing it, and waits until it is gone.</summary>
    public void Stop()
    {
        done.Set();
        display?.Wait();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop();
        done.Dispose();
    }

    private void Show(TextWriter error, string description, long? total, bool colour, TimeSpan delay)
    {
        if (done.Wait(delay))
        {
            return;
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(error),
        });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(description, maxValue: total is long length and > 0 ? length : 1);
                task.IsIndeterminate = total is null;
                while (!done.Wait(TimeSpan.FromMilliseconds(100)))
                {
                    task.Value = total is null ? 0 : stream.BytesRead;
                }

                task.Value = task.MaxValue;
            });
    }

    /// <summary>A read-only view of a stream that counts the bytes read, for another thread to look at.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        private long read;

        public long BytesRead => Interlocked.Read(ref read);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Interlocked.Read(ref read);
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int bytes)
        {
            Interlocked.Add(ref read, bytes);
            return bytes;
        }
    }
}
