using System.IO;
using System.Reflection;
using Upon.Core.Calendars;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.PublicApi;

/// <summary>
/// Guards the public API of Upon.Core and Upon.Core.Testing: each surface is compared with its approved file
/// in tests/Upon.Core.Tests/PublicApi (Upon.Core.approved.txt, Upon.Core.Testing.approved.txt). When an API
/// changes on purpose, copy the .received.txt written beside it over the approved file and review the diff.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedFile() => AssertMatchesApproved(typeof(WorkingDayCalendar).Assembly, "Upon.Core");

    [Fact]
    public void TestingPublicApi_MatchesTheApprovedFile() => AssertMatchesApproved(typeof(UponProperty).Assembly, "Upon.Core.Testing");

    private static void AssertMatchesApproved(Assembly assembly, string name)
    {
        string approvedPath = Repository.PathOf("tests", "Upon.Core.Tests", "PublicApi", name + ".approved.txt");
        string receivedPath = Repository.PathOf("tests", "Upon.Core.Tests", "PublicApi", name + ".received.txt");
        string received = PublicApiWriter.Write(assembly);
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
            $"The public API of {name} differs from {approvedPath}. If the change is intended, copy {receivedPath} over it and review the diff.");
    }
}
