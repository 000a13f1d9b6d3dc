using System;
using System.IO;
using System.Linq;
using System.Threading;
using Upon.Cli;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary>The progress display of long batches, and <c>--quiet</c>, which turns it and every note off.</summary>
public sealed class ProgressDisplayTests
{
    [Theory]
    [InlineData(true, false, false, false, true)]
    [InlineData(true, false, true, false, true)]
    [InlineData(true, true, true, false, false)]
    [InlineData(true, true, false, false, true)]
    [InlineData(false, false, false, false, false)]
    [InlineData(true, false, false, true, false)]
    public void IsWanted_OnlyOnATerminal_NotQuiet_AndNotThroughResultsStreamingToTheTerminal(bool errorIsTerminal, bool outputIsTerminal, bool streamsResults, bool quiet, bool wanted)
    {
        Terminal terminal = new(outputIsTerminal ? 80 : null, false, errorIsTerminal);
        Assert.Equal(wanted, ProgressDisplay.IsWanted(terminal, quiet, streamsResults));
    }

    [Fact]
    public void ALongBatch_ShowsItsProgress_ThenClearsIt_AndTheBytesPassThroughUnchanged()
    {
        byte[] input = [.. Enumerable.Range(0, 10_000).Select(i => (byte)(i % 256))];
        using StringWriter text = new();
        TextWriter error = TextWriter.Synchronized(text);
        using MemoryStream read = new();
        using (ProgressDisplay progress = new(new MemoryStream(input), "Deciding applications", error, colour: false, delay: TimeSpan.Zero))
        {
            Assert.True(progress.IsShown);
            byte[] buffer = new byte[1_000];
            int n;
            while ((n = progress.Stream.Read(buffer)) > 0)
            {
                read.Write(buffer, 0, n);
                Thread.Sleep(30);
            }

            // On a loaded machine the display's thread may start late: the batch is not over until it has been seen.
            // The synchronised writer locks itself while it writes, so the text is read under the same lock.
            for (int waited = 0; waited < 200 && !Shown(error, text).Contains("Deciding applications", StringComparison.Ordinal); waited++)
            {
                Thread.Sleep(50);
            }
        }

        Assert.Equal(input, read.ToArray());
        string shown = text.ToString();
        Assert.Contains("Deciding applications", shown, StringComparison.Ordinal);
        Assert.Contains("100%", shown, StringComparison.Ordinal);
        Assert.EndsWith("\u001b[?25h", shown, StringComparison.Ordinal);
    }

    private static string Shown(TextWriter error, StringWriter text)
    {
        lock (error)
        {
            return text.ToString();
        }
    }

    [Fact]
    public void ABatchDoneWithinTheDelay_ShowsNothing()
    {
        using StringWriter error = new();
        using (ProgressDisplay progress = new(new MemoryStream(new byte[100]), "Reading appointments", error, colour: false, delay: TimeSpan.FromMinutes(1)))
        {
            progress.Stream.CopyTo(Stream.Null);
        }

        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public void NoDisplay_WhenStandardErrorIsNotATerminal()
    {
        using ProgressDisplay progress = new(new MemoryStream(new byte[10]), "Reading", error: null, colour: false, delay: TimeSpan.Zero);
        Assert.False(progress.IsShown);
        using MemoryStream copy = new();
        progress.Stream.CopyTo(copy);
        Assert.Equal(10, copy.Length);
    }

    [Fact]
    public void Quiet_SilencesTheNotes_ButNeverAProblem()
    {
        string examples = Repository.PathOf("docs", "examples");
        (int exitCode, _, string error) = InProcessCli.Run("tenure", Path.Combine(examples, "appointments.csv"));
        (int quietExit, _, string quietError) = InProcessCli.Run("tenure", Path.Combine(examples, "appointments.csv"), "--quiet");
        Assert.Equal(exitCode, quietExit);
        Assert.StartsWith("upon: as of 2024-07-01", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, quietError);

        (_, _, string summary) = InProcessCli.Run("eligibility", "check", Path.Combine(examples, "applications.jsonl"), "--format", "jsonl");
        (int checkExit, string lines, string none) = InProcessCli.Run("eligibility", "check", Path.Combine(examples, "applications.jsonl"), "--format", "csv", "-q");
        Assert.Equal("5 documents: 4 decisions (2 eligible, 1 ineligible, 1 incomplete), 1 error\n", summary);
        Assert.Equal(string.Empty, none);
        Assert.Equal(ExitCodes.InvalidInput, checkExit);
        Assert.Equal(6, lines.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        (int badExit, _, string problems) = InProcessCli.Run("turnover", "-q", Path.Combine(examples, "no-such-file.csv"), "--as-of", "2024-07-01");
        Assert.Equal(ExitCodes.Failure, badExit);
        Assert.Contains("does not exist", problems, StringComparison.Ordinal);
    }
}
