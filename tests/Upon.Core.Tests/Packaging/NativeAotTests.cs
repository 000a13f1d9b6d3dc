using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Packaging;

/// <summary>
/// Upon.Core stays trimmable and native-AOT-compatible: tests/Upon.Core.AotConsumer, a small application that reads and
/// writes documents through Upon.Core, is published with native AOT, and the publish must show no trim or AOT warning
/// (IL2xxx, IL3xxx) from Upon.Core or its dependencies; the native program must then pass its own checks.
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
        string output = Path.Combine(artifacts.Root, "aot");
        (int exitCode, string published) = DotNetCli.Run(
            Repository.Root,
            "publish",
            Repository.PathOf("tests", "Upon.Core.AotConsumer", "Upon.Core.AotConsumer.csproj"),
            "-c",
            "Release",
            "-o",
            output,
            "-nodeReuse:false");

        string[] warnings = [.. TrimOrAotCode().Matches(published).Select(m => m.Value).Distinct()];
        Assert.True(warnings.Length == 0, $"The native AOT publish reported {string.Join(", ", warnings)}:{Environment.NewLine}{published}");
        Assert.True(exitCode == 0, $"dotnet publish exited {exitCode}:{Environment.NewLine}{published}");

        string program = Path.Combine(output, OperatingSystem.IsWindows() ? "Upon.Core.AotConsumer.exe" : "Upon.Core.AotConsumer");
        Assert.True(File.Exists(program), "The publish wrote no native program.");
        Assert.False(File.Exists(Path.Combine(output, "Upon.Core.dll")), "The publish is not native: Upon.Core.dll was copied.");
        (int runExitCode, string run) = DotNetCli.RunProgram(program, output);
        Assert.True(runExitCode == 0, $"The native program exited {runExitCode}:{Environment.NewLine}{run}");
        Assert.Contains("ok dateInterval", run, StringComparison.Ordinal);
        Assert.EndsWith("all ok", run.TrimEnd(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bIL[23]\d{3}\b")]
    private static partial Regex TrimOrAotCode();
}
