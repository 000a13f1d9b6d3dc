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

/// <summary>Inspects the Upon.Core.AspNetCore package that <c>dotnet pack</c> builds from its project.</summary>
[Collection(PackagingTests.Name)]
public sealed class AspNetCorePackageTests(PackedArtifacts artifacts)
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    [Fact]
    public void Package_HoldsTheLibraryItsDocsAndTheServiceGuideAsReadme()
    {
        using ZipArchive zip = ZipFile.OpenRead(artifacts.AspNetCorePackage);
        string[] entries = [.. zip.Entries.Select(e => e.FullName).Where(n => !CorePackageTests.IsPackagingMetadata(n)).Order(StringComparer.Ordinal)];

        Assert.Equal(
            ["README.md", "Upon.Core.AspNetCore.nuspec", "build/Upon.Core.AspNetCore.props", "buildTransitive/Upon.Core.AspNetCore.props", "lib/net10.0/Upon.Core.AspNetCore.dll", "lib/net10.0/Upon.Core.AspNetCore.xml"],
            entries);
        using StreamReader readme = new(zip.GetEntry("README.md")!.Open());
        Assert.Equal(File.ReadAllText(Repository.PathOf("docs", "service.md")), readme.ReadToEnd());
    }

    [Fact]
    public void Library_CarriesEveryPublishedSchema_ByteForByte()
    {
        using ZipArchive zip = ZipFile.OpenRead(artifacts.AspNetCorePackage);
        using MemoryStream dll = new();
        using (Stream entry = zip.GetEntry("lib/net10.0/Upon.Core.AspNetCore.dll")!.Open())
        {
            entry.CopyTo(dll);
        }

        dll.Position = 0;
        using PEReader pe = new(dll);
        MetadataReader metadata = pe.GetMetadataReader();
        Dictionary<string, byte[]> resources = new(StringComparer.Ordinal);
        foreach (ManifestResourceHandle handle in metadata.ManifestResources)
        {
            ManifestResource resource = metadata.GetManifestResource(handle);
            string name = metadata.GetString(resource.Name);
            PEMemoryBlock block = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
            BlobReader reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
            int length = reader.ReadInt32();
            resources[name] = reader.ReadBytes(length);
        }

        string[] files = [.. Directory.GetFiles(Repository.PathOf("docs", "schemas"), "*.schema.json").Order(StringComparer.Ordinal)];
        Assert.Equal(
            files.Select(f => "Upon.Core.AspNetCore.Schemas." + Path.GetFileName(f)),
            resources.Keys.Where(k => k.StartsWith("Upon.Core.AspNetCore.Schemas.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(files, file => Assert.Equal(File.ReadAllBytes(file), resources["Upon.Core.AspNetCore.Schemas." + Path.GetFileName(file)]));
    }

    [Fact]
    public void SymbolsPackage_HoldsThePdb()
    {
        using ZipArchive zip = ZipFile.OpenRead(artifacts.AspNetCoreSymbols);

        Assert.Contains("lib/net10.0/Upon.Core.AspNetCore.pdb", zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void Manifest_CarriesMetadataFromTheBuild()
    {
        XElement metadata = ReadManifest().Root!.Element(Nuspec + "metadata")!;

        Assert.Equal("Upon.Core.AspNetCore", metadata.Element(Nuspec + "id")!.Value);
        Assert.Equal(artifacts.Version, metadata.Element(Nuspec + "version")!.Value);
        Assert.Equal("README.md", metadata.Element(Nuspec + "readme")!.Value);
        Assert.Equal("MIT", metadata.Element(Nuspec + "license")!.Value);
        XElement repository = metadata.Element(Nuspec + "repository")!;
        Assert.StartsWith("https://", repository.Attribute("url")!.Value, StringComparison.Ordinal);
        Assert.Matches(new Regex("^[0-9a-f]{40}$"), repository.Attribute("commit")!.Value);
    }

    [Fact]
    public void Dependencies_AreUponCore_TheOpenApiPackage_AndTheAspNetCoreFramework()
    {
        XElement metadata = ReadManifest().Root!.Element(Nuspec + "metadata")!;
        XElement group = Assert.Single(metadata.Element(Nuspec + "dependencies")!.Elements(Nuspec + "group"));
        Assert.Equal("net10.0", group.Attribute("targetFramework")!.Value);
        Dictionary<string, XElement> packaged = group.Elements(Nuspec + "dependency").ToDictionary(d => d.Attribute("id")!.Value);
        Dictionary<string, string> central = XDocument.Load(Repository.PathOf("Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => e.Attribute("Include")!.Value, e => e.Attribute("Version")!.Value);

        Assert.Equal(artifacts.Version, packaged["Upon.Core"].Attribute("version")!.Value);
        Assert.Equal(central["Microsoft.AspNetCore.OpenApi"], packaged["Microsoft.AspNetCore.OpenApi"].Attribute("version")!.Value);

        // The rest are transitive pins of Directory.Packages.props (Upon.Core's own dependencies), at their pinned versions.
        Assert.All(packaged.Where(d => d.Key is not "Upon.Core" and not "Microsoft.AspNetCore.OpenApi"), d => Assert.Equal(central[d.Key], d.Value.Attribute("version")!.Value));

        XElement frameworks = Assert.Single(metadata.Element(Nuspec + "frameworkReferences")!.Elements(Nuspec + "group"));
        Assert.Equal("Microsoft.AspNetCore.App", Assert.Single(frameworks.Elements(Nuspec + "frameworkReference")).Attribute("name")!.Value);
    }

    private XDocument ReadManifest()
    {
        using ZipArchive zip = ZipFile.OpenRead(artifacts.AspNetCorePackage);
        using Stream stream = zip.GetEntry("Upon.Core.AspNetCore.nuspec")!.Open();
        return XDocument.Load(stream);
    }
}
