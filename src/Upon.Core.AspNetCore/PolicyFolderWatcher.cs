using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Upon.Core.AspNetCore;

/// <summary>
/// Watches the policy folder and calls back on every change: by the operating system's file events while it can give
/// them, and by polling from the first time it cannot (on Linux, when the user's inotify instances are used up, which
/// many hosts on one machine or a test runner can do). Polling is logged once, as a warning; the folder goes on being
/// watched either way, at start-up and after any change.
/// </summary>
/// <remarks>
/// The callback is registered through <see cref="ChangeToken.OnChange(Func{IChangeToken}, Action)"/>, which asks for a
/// new change token after each change and before it calls back. Asked on a thread of the file events, an exception
/// there would be lost and the callback never called again, so the folder would stop being watched without a word:
/// the token is made here, and a folder that cannot be watched by events is polled instead.
/// </remarks>
internal sealed partial class PolicyFolderWatcher : IDisposable
{
    private readonly string directory;
    private readonly string pattern;
    private readonly ILogger logger;
    private readonly Func<string, bool, IFileProvider> open;
    private readonly Lock gate = new();
    private readonly IFileProvider events;
    private readonly IDisposable registration;
    private IFileProvider? polling;
    private bool disposed;

    /// <summary>Starts watching <paramref name="directory"/> for files named by <paramref name="pattern"/>.</summary>
    /// <param name="directory">The folder, as a full path.</param>
    /// <param name="pattern">The names of the files watched (a glob, such as <c>*.json</c>).</param>
    /// <param name="changed">Called after each change.</param>
    /// <param name="logger">Where a fall back to polling is logged.</param>
    /// <param name="open">
    /// Opens the folder as a file provider: by file events when its second argument is false (or as the environment
    /// says, <c>DOTNET_USE_POLLING_FILE_WATCHER</c>), by active polling when it is true. <see cref="Open"/> outside tests.
    /// </param>
    public PolicyFolderWatcher(string directory, string pattern, Action changed, ILogger logger, Func<string, bool, IFileProvider> open)
    {
        this.directory = directory;
        this.pattern = pattern;
        this.logger = logger;
        this.open = open;
        events = open(directory, false);
        registration = ChangeToken.OnChange(Watch, changed);
    }

    /// <summary>Whether the folder is polled, because file events could not be had.</summary>
    public bool IsPolling
    {
        get
        {
            lock (gate)
            {
                return polling is not null;
            }
        }
    }

    /// <summary>
    /// The folder as a file provider: <see cref="PhysicalFileProvider"/>, polling actively (every four seconds, with
    /// callbacks) when <paramref name="poll"/> is true.
    /// </summary>
    public static IFileProvider Open(string directory, bool poll)
    {
        PhysicalFileProvider provider = new(directory);
        if (poll)
        {
            provider.UsePollingFileWatcher = true;
            provider.UseActivePolling = true;
        }

        return provider;
    }

    /// <summary>Stops watching and releases the file events or the polling.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        registration.Dispose();
        (events as IDisposable)?.Dispose();
        (polling as IDisposable)?.Dispose();
    }

    /// <summary>The token of the next change: by file events until they fail once, by polling from then on.</summary>
    private IChangeToken Watch()
    {
        lock (gate)
        {
            if (disposed)
            {
                // A change raced the disposal: a token that never changes ends the registration's loop.
                return NullChangeToken.Singleton;
            }

            if (polling is null)
            {
                try
                {
                    return events.Watch(pattern);
                }
                catch (IOException e)
                {
                    LogPolling(logger, e);
                    polling = open(directory, true);
                }
            }

            return polling.Watch(pattern);
        }
    }

    [LoggerMessage(EventId = 4, EventName = "PolicyFolderPolled", Level = LogLevel.Warning, Message = "The policy folder cannot be watched by file events, so it is polled every few seconds instead; raise fs.inotify.max_user_instances, or set DOTNET_USE_POLLING_FILE_WATCHER=true to poll from the start.")]
    private static partial void LogPolling(ILogger logger, IOException exception);
}
