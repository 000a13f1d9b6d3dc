using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Packaging;

/// <summary>Inspects the Upon.Core package that <c>dotnet pack</c> builds from Upon.Core.nuspec.</summary>
[Collection(PackagingTests.Name)]
public sealed class CorePackageTests(PackedArtifacts artifacts)
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    [Fact]
    public void Package_HoldsExactlyTheLibraryItsDocsAndTheReadme()
    {
        using ZipArchive zip = ZipFile.OpenRead(artifacts.CorePackage);
        string[] entries = [.. zip.Entries.Select(e => e.FullName).Where(n => !IsPackagingMetadata(n)).Order(StringComparer.Ordinal)];

        Assert.Equal(
            ["README.md", "Upon.Core.nuspec", "lib/net10.0/Upon.Core.dll", "lib/net10.0/Upon.Core.xml"],
            entries);
    }

    [Fact]
    public void Library_EmbedsItsPdb_AndNoSymbolsPackageIsBuilt()
    {
        using ZipArchive zip = ZipFile.OpenRead(artifacts.CorePackage);
        using MemoryStream dll = new();
        using (Stream entry = zip.GetEntry("lib/net10.0/Upon.Core.dll")!.Open())
        {
            entry.CopyTo(dll);
        }

        dll.Position = 0;
        using PEReader pe = new(dll);
        DebugDirectoryEntry embedded = Assert.Single(pe.ReadDebugDirectory(), e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using MetadataReaderProvider pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        Assert.NotEmpty(pdb.GetMetadataReader().Documents);
        Assert.False(File.Exists(Path.ChangeExtension(artifacts.CorePackage, ".snupkg")));
    }

    [Fact]
    public void Packing_ReportsNoPackageMissingAReadme()
    {
        Assert.Contains("Upon.Core." + artifacts.Version + ".nupkg", artifacts.PackOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("missing a readme", artifacts.PackOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Readme_LinksAreAbsolute_ToTheDeclaredRepository()
    {
        using ZipArchive zip = ZipFile.OpenRead(artifacts.CorePackage);
        using StreamReader reader = new(zip.GetEntry("README.md")!.Open());
        string readme = reader.ReadToEnd();
        string repository = XDocument.Load(Repository.PathOf("Directory.Build.props")).Descendants("RepositoryUrl").Single().Value.Trim();
        string[] targets = [.. Regex.Matches(readme, @"\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value)];

        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.StartsWith("https://", t, StringComparison.Ordinal));
        Assert.Contains(targets, t => t.StartsWith(repository + "/blob/main/docs/", StringComparison.Ordinal));
        Assert.All(
            targets.Where(t => t.StartsWith(repository + "/blob/main/", StringComparison.Ordinal)),
            t => Assert.True(File.Exists(Repository.PathOf([.. t[(repository + "/blob/main/").Length..].Split('#')[0].Split('/')])), $"{t} names no file of the repository."));
    }

    [Fact]
    public void Manifest_CarriesMetadataFromTheBuild()
    {
        XElement metadata = ReadManifest().Root!.Element(Nuspec + "metadata")!;

        Assert.Equal("Upon.Core", metadata.Element(Nuspec + "id")!.Value);
        Assert.Equal(artifacts.Version, metadata.Element(Nuspec + "version")!.Value);
        Assert.Equal("README.md", metadata.Element(Nuspec + "readme")!.Value);
        XElement license = metadata.Element(Nuspec + "license")!;
        Assert.Equal("expression", license.Attribute("type")!.Value);
        Assert.Equal("MIT", license.Value);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(Nuspec + "description")!.Value));
        Assert.DoesNotContain("$", metadata.ToString(), StringComparison.Ordinal);

        XElement repository = metadata.Element(Nuspec + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.StartsWith("https://", repository.Attribute("url")!.Value, StringComparison.Ordinal);
        string commit = repository.Attribute("commit")!.Value;
        Assert.Matches(new Regex("^[0-9a-f]{40}$"), commit);
        (int exitCode, string head) = DotNetCli.RunProgram("git", Repository.Root, "rev-parse", "HEAD");
        if (exitCode == 0)
        {
            Assert.Equal(head.Trim(), commit);
        }
    }

    [Fact]
    public void DependencyGroup_EqualsTheProjectsPackageReferences()
    {
        XElement metadata = ReadManifest().Root!.Element(Nuspec + "metadata")!;
        XElement[] groups = [.. metadata.Element(Nuspec + "dependencies")!.Elements(Nuspec + "group")];

        XElement group = Assert.Single(groups);
        Assert.Equal("net10.0", group.Attribute("targetFramework")!.Value);
        Dictionary<string, string> packaged = group.Elements(Nuspec + "dependency")
            .ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);

        Assert.Equal(ProjectPackageReferences(), packaged);
        Assert.Contains("NodaTime", packaged.Keys);
        Assert.Contains("NodaTime.Serialization.SystemTextJson", packaged.Keys);
    }

    [Fact]
    public void Library_ReferencesOnlyTheFrameworkAndNodaTime()
    {
        using ZipArchive zip = ZipFile.OpenRead(artifacts.CorePackage);
        using MemoryStream dll = new();
        using (Stream entry = zip.GetEntry("lib/net10.0/Upon.Core.dll")!.Open())
        {
            entry.CopyTo(dll);
        }

        dll.Position = 0;
        using PEReader pe = new(dll);
        MetadataReader reader = pe.GetMetadataReader();
        string[] references = [.. reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))];

        Assert.Contains("NodaTime", references);
        Assert.Contains("Ardalis.GuardClauses", references);
        Assert.All(references, name => Assert.True(
            name == "NodaTime" || name == "Ardalis.GuardClauses" || name == "NodaTime.Serialization.SystemTextJson" || name == "netstandard" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal),
            $"Upon.Core references {name}, which is neither the framework nor one of its package dependencies."));
    }

    private XDocument ReadManifest() => PackedArtifacts.ReadManifest(artifacts.CorePackage, "Upon.Core");

    /// <summary>The PackageReferences of src/Upon.Core, with versions from Directory.Packages.props.</summary>
    private static Dictionary<string, string> ProjectPackageReferences()
    {
        Dictionary<string, string> versions = XDocument.Load(Repository.PathOf("Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value);
        return XDocument.Load(Repository.PathOf("src", "Upon.Core", "Upon.Core.csproj"))
            .Descendants("PackageReference")
            .Where(e => e.Attribute("PrivateAssets")?.Value != "all")
            .Select(e => e.Attribute("Include")!.Value)
            .ToDictionary(id => id, id => versions[id]);
    }

    internal static bool IsPackagingMetadata(string entry) =>
        entry is "[Content_Types].xml" or "_rels/.rels" || entry.StartsWith("package/services/metadata/", StringComparison.Ordinal);
}
