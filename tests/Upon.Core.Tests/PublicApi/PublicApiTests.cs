using System;
using System.Reflection;
using PublicApiGenerator;
using Upon.Core.Calendars;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.PublicApi;

/// <summary>
/// Guards the public API of every package this repository packs: Upon.Core, Upon.Core.Testing and the Upon.Cli tool
/// (whose surface is empty: a tool exposes commands, not types). Each surface, written by PublicApiGenerator as C#,
/// is compared with its approved file in tests/Upon.Core.Tests/PublicApi (NAME.approved.txt). When an API changes on
/// purpose, copy the NAME.received.txt the failing test writes beside it over the approved file and review the diff.
/// </summary>
public sealed class PublicApiTests
{
    /// <summary>Assembly attributes are left out: they name test assemblies and build metadata, not API.</summary>
    private static readonly ApiGeneratorOptions Options = new() { IncludeAssemblyAttributes = false };

    [Fact]
    public void PublicApi_MatchesTheApprovedFile() => AssertMatchesApproved(typeof(WorkingDayCalendar).Assembly, "Upon.Core");

    [Fact]
    public void TestingPublicApi_MatchesTheApprovedFile() => AssertMatchesApproved(typeof(UponProperty).Assembly, "Upon.Core.Testing");

    [Fact]
    public void CliPublicApi_MatchesTheApprovedFile() => AssertMatchesApproved(typeof(Upon.Cli.CliText).Assembly, "Upon.Cli");

    [Fact]
    public void CliPublicApi_IsEmpty() =>
        Assert.Empty(typeof(Upon.Cli.CliText).Assembly.GetExportedTypes());

    [Fact]
    public void Snapshots_AreWrittenByPublicApiGenerator_AsCSharp()
    {
        string api = typeof(UponProperty).Assembly.GeneratePublicApi(Options);
        Assert.Contains("public static class UponProperty", api, StringComparison.Ordinal);
        Assert.Contains("public const int DefaultMaxTest = 1000;", api, StringComparison.Ordinal);
    }

    private static void AssertMatchesApproved(Assembly assembly, string name)
    {
        string approvedPath = Repository.PathOf("tests", "Upon.Core.Tests", "PublicApi", name + ".approved.txt");
        string receivedPath = Repository.PathOf("tests", "Upon.Core.Tests", "PublicApi", name + ".received.txt");
        ApprovedFile.AssertMatches(
            Normalise(assembly.GeneratePublicApi(Options)),
            approvedPath,
            receivedPath,
            Normalise,
            $"The public API of {name} differs from {approvedPath}. If the change is intended, copy {receivedPath} over it and review the diff.");
    }

    /// <summary>One line ending and a final newline, whatever the platform or a checkout did to the file.</summary>
    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
