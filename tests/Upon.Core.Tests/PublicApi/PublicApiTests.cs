using System;
using System.IO;
using Upon.Core.Calendars;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.PublicApi;

/// <summary>
/// Guards Upon.Core's public API: the surface is compared with the approved file
/// tests/Upon.Core.Tests/PublicApi/Upon.Core.approved.txt. When the API changes on purpose, copy the
/// .received.txt written beside it over the approved file and review the diff.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedFile()
    {
        string approvedPath = Repository.PathOf("tests", "Upon.Core.Tests", "PublicApi", "Upon.Core.approved.txt");
        string receivedPath = Path.ChangeExtension(approvedPath, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt";
        string received = PublicApiWriter.Write(typeof(WorkingDayCalendar).Assembly);
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : string.Empty;

        if (received != approved)
        {
            File.WriteAllText(receivedPath, received);
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }

        Assert.True(
            received == approved,
            $"The public API of Upon.Core differs from {approvedPath}. If the change is intended, copy {receivedPath} over it and review the diff.");
    }
}
