using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Packaging;

/// <summary>
/// Packs Upon.Core, Upon.Core.Testing, Upon.Core.AspNetCore and the upon tool once per test run, in Release, into a fresh folder: what
/// <c>dotnet pack</c> gives a publisher. Shared by the packaging tests, which run one at a time.
/// </summary>
public sealed class PackedArtifacts : IDisposable
{
    public PackedArtifacts()
    {
        Root = Directory.CreateTempSubdirectory("upon-pack-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Version = ReadVersion();

        // No restore here: the test run has restored the solution already, and restore is the same for every configuration.
        PackOutput = string.Concat(
            DotNetCli.RunOrFail(Repository.Root, "pack", Repository.PathOf("src", "Upon.Core", "Upon.Core.csproj"), "-c", "Release", "-o", Feed, "--no-restore", "-nodeReuse:false"),
            DotNetCli.RunOrFail(Repository.Root, "pack", Repository.PathOf("src", "Upon.Cli", "Upon.Cli.csproj"), "-c", "Release", "-o", Feed, "--no-restore", "-nodeReuse:false"),
            DotNetCli.RunOrFail(Repository.Root, "pack", Repository.PathOf("src", "Upon.Core.Testing", "Upon.Core.Testing.csproj"), "-c", "Release", "-o", Feed, "--no-restore", "-nodeReuse:false"),
            DotNetCli.RunOrFail(Repository.Root, "pack", Repository.PathOf("src", "Upon.Core.AspNetCore", "Upon.Core.AspNetCore.csproj"), "-c", "Release", "-o", Feed, "--no-restore", "-nodeReuse:false"));
    }

    /// <summary>What the four <c>dotnet pack</c> runs wrote, one after the other.</summary>
    public string PackOutput { get; }

    /// <summary>The temporary folder everything is written under.</summary>
    public string Root { get; }

    /// <summary>The folder the packages were written to, usable as a local NuGet feed.</summary>
    public string Feed { get; }

    /// <summary>The package version, from Directory.Build.props.</summary>
    public string Version { get; }

    public string CorePackage => Path.Combine(Feed, $"Upon.Core.{Version}.nupkg");

    public string ToolPackage => Path.Combine(Feed, $"Upon.Cli.{Version}.nupkg");

    public string TestingPackage => Path.Combine(Feed, $"Upon.Core.Testing.{Version}.nupkg");

    public string TestingSymbols => Path.Combine(Feed, $"Upon.Core.Testing.{Version}.snupkg");

    public string AspNetCorePackage => Path.Combine(Feed, $"Upon.Core.AspNetCore.{Version}.nupkg");

    public string AspNetCoreSymbols => Path.Combine(Feed, $"Upon.Core.AspNetCore.{Version}.snupkg");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file; the temporary folder is cleaned by the system.
        }
    }

    private static string ReadVersion()
    {
        XDocument props = XDocument.Load(Repository.PathOf("Directory.Build.props"));
        return props.Descendants("VersionPrefix").Single().Value.Trim();
    }
}

[CollectionDefinition(Name)]
public sealed class PackagingTests : ICollectionFixture<PackedArtifacts>
{
    public const string Name = "Packaging";
}
