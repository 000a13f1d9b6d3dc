using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Packaging;

/// <summary>
/// Upon.Core and Upon.Core.AspNetCore stay trimmable and native-AOT-compatible: tests/Upon.Core.AotConsumer, a small
/// application that reads and writes documents through Upon.Core, and tests/Upon.Core.AspNetCore.AotHost, an ASP.NET Core
/// host with the eligibility endpoints, are published with native AOT; each publish must show no trim or AOT warning
/// (IL2xxx, IL3xxx) from the packages or their dependencies, and each native program must then pass its own checks.
/// </summary>
/// <remarks>
/// In the packaging collection because the publish builds Upon.Core in Release, as packing does: the two must not
/// run at once. Native AOT links with clang or gcc and needs zlib1g-dev; <c>.ci/install-native-aot-prerequisites</c>
/// installs them (CI runs it before the tests).
/// </remarks>
[Collection(PackagingTests.Name)]
public sealed partial class NativeAotTests(PackedArtifacts artifacts)
{
    [Fact]
    public void Consumer_PublishesWithNativeAotWithoutWarningsAndRuns()
    {
        string run = PublishAndRun("Upon.Core.AotConsumer", "aot");
        Assert.Contains("ok dateInterval", run, StringComparison.Ordinal);
    }

    [Fact]
    public void AspNetCoreHost_PublishesWithNativeAotWithoutWarningsAndServes()
    {
        // The host starts on a loopback port, calls its own endpoints (decisions, JSON Lines, problems, policies, the
        // OpenAPI document), with and without the problem details service, and prints a line per check.
        string run = PublishAndRun("Upon.Core.AspNetCore.AotHost", "aot-host");
        Assert.Contains("ok plain/invalidDocument", run, StringComparison.Ordinal);
        Assert.Contains("ok problemDetails/openApi", run, StringComparison.Ordinal);
    }

    /// <summary>
    /// Publishes tests/<paramref name="project"/> with native AOT into <paramref name="folder"/> of the artifacts, asserts
    /// no trim or AOT warning and a native program, runs it, and asserts it passed every check ("all ok", exit 0).
    /// </summary>
    private string PublishAndRun(string project, string folder)
    {
        string output = Path.Combine(artifacts.Root, folder);
        (int exitCode, string published) = DotNetCli.Run(
            Repository.Root,
            "publish",
            Repository.PathOf("tests", project, project + ".csproj"),
            "-c",
            "Release",
            "-o",
            output,
            "-nodeReuse:false");

        string[] warnings = [.. TrimOrAotCode().Matches(published).Select(m => m.Value).Distinct()];
        Assert.True(warnings.Length == 0, $"The native AOT publish reported {string.Join(", ", warnings)}:{Environment.NewLine}{published}");
        Assert.True(exitCode == 0, $"dotnet publish exited {exitCode}:{Environment.NewLine}{published}");

        string program = Path.Combine(output, OperatingSystem.IsWindows() ? project + ".exe" : project);
        Assert.True(File.Exists(program), "The publish wrote no native program.");
        Assert.False(File.Exists(Path.Combine(output, "Upon.Core.dll")), "The publish is not native: Upon.Core.dll was copied.");
        (int runExitCode, string run) = DotNetCli.RunProgram(program, output);
        Assert.True(runExitCode == 0, $"The native program exited {runExitCode}:{Environment.NewLine}{run}");
        Assert.EndsWith("all ok", run.TrimEnd(), StringComparison.Ordinal);
        return run;
    }

    [GeneratedRegex(@"\bIL[23]\d{3}\b")]
    private static partial Regex TrimOrAotCode();
}
