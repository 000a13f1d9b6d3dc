using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Packaging;

/// <summary>Inspects the Upon.Core.Testing package that <c>dotnet pack</c> builds from its project.</summary>
[Collection(PackagingTests.Name)]
public sealed class TestingPackageTests(PackedArtifacts artifacts)
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    [Fact]
    public void Package_HoldsTheLibraryItsDocsAndTheFixturesGuideAsReadme()
    {
        using ZipArchive zip = ZipFile.OpenRead(artifacts.TestingPackage);
        string[] entries = [.. zip.Entries.Select(e => e.FullName).Where(n => !CorePackageTests.IsPackagingMetadata(n)).Order(StringComparer.Ordinal)];

        Assert.Equal(
            ["README.md", "Upon.Core.Testing.nuspec", "lib/net10.0/Upon.Core.Testing.dll", "lib/net10.0/Upon.Core.Testing.xml"],
            entries);
        using StreamReader readme = new(zip.GetEntry("README.md")!.Open());
        Assert.Equal(File.ReadAllText(Repository.PathOf("docs", "testing.md")), readme.ReadToEnd());
    }

    [Fact]
    public void SymbolsPackage_HoldsThePdb()
    {
        using ZipArchive zip = ZipFile.OpenRead(artifacts.TestingSymbols);

        Assert.Contains("lib/net10.0/Upon.Core.Testing.pdb", zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void Manifest_CarriesMetadataFromTheBuild()
    {
        XElement metadata = ReadManifest().Root!.Element(Nuspec + "metadata")!;

        Assert.Equal("Upon.Core.Testing", metadata.Element(Nuspec + "id")!.Value);
        Assert.Equal(artifacts.Version, metadata.Element(Nuspec + "version")!.Value);
        Assert.Equal("README.md", metadata.Element(Nuspec + "readme")!.Value);
        Assert.Equal("MIT", metadata.Element(Nuspec + "license")!.Value);
        Assert.Contains("synthetic", metadata.Element(Nuspec + "description")!.Value, StringComparison.Ordinal);
        XElement repository = metadata.Element(Nuspec + "repository")!;
        Assert.StartsWith("https://", repository.Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.Matches(new Regex("^[0-9a-f]{40}$"), repository.Attribute("commit")!.Value);
    }

    [Fact]
    public void DescriptionAndGuide_GiveTheSyntheticWorkforcesCoverage()
    {
        string description = ReadManifest().Root!.Element(Nuspec + "metadata")!.Element(Nuspec + "description")!.Value;
        string guide = File.ReadAllText(Repository.PathOf("docs", "testing.md"));
        string coverage = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"from {Month(SyntheticWorkforce.CoverageStart)} to {Month(SyntheticWorkforce.CoverageEnd)}");

        Assert.Contains(coverage, description, StringComparison.Ordinal);
        Assert.Contains(coverage, guide, StringComparison.Ordinal);

        static string Month(NodaTime.LocalDate date) => date.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Dependencies_AreUponCoreOfTheSameVersion_AndFsCheckAtItsCentralVersion()
    {
        XElement group = Assert.Single(ReadManifest().Root!.Element(Nuspec + "metadata")!.Element(Nuspec + "dependencies")!.Elements(Nuspec + "group"));
        Assert.Equal("net10.0", group.Attribute("targetFramework")!.Value);
        Dictionary<string, string> packaged = group.Elements(Nuspec + "dependency").ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value);
        Dictionary<string, string> central = XDocument.Load(Repository.PathOf("Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value);

        Assert.Equal(artifacts.Version, packaged["Upon.Core"]);
        Assert.Equal(central["FsCheck"], packaged["FsCheck"]);

        // The rest are transitive pins of Directory.Packages.props (FSharp.Core for FsCheck, NodaTime for Upon.Core), at their pinned versions.
        Assert.All(packaged.Where(d => d.Key is not "Upon.Core" and not "FsCheck"), d => Assert.Equal(central[d.Key], d.Value));
    }

    private XDocument ReadManifest() => PackedArtifacts.ReadManifest(artifacts.TestingPackage, "Upon.Core.Testing");
}
