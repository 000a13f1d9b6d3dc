using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace Upon.Core.Tests.Packaging;

/// <summary>Inspects the upon tool's package, Upon.Cli.</summary>
[Collection(PackagingTests.Name)]
public sealed class ToolPackageTests(PackedArtifacts artifacts)
{
    [Fact]
    public void Manifest_DescribesEveryCommandGroup_AndHasTags()
    {
        // A tool's manifest has package types, so NuGet writes it in the 2012/06 namespace: take the root's.
        XElement root = ReadManifest().Root!;
        XNamespace nuspec = root.Name.Namespace;
        XElement metadata = root.Element(nuspec + "metadata")!;
        string description = metadata.Element(nuspec + "description")!.Value;
        string[] tags = metadata.Element(nuspec + "tags")!.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // One phrase for each command group of 'upon --help': holidays, workdays, eligibility, timeline, turnover, tenure, cohort, demo.
        Assert.All(
            new[] { "bank holidays", "working days", "eligibility", "timelines", "turnover", "tenure", "cohort", "demo" },
            phrase => Assert.Contains(phrase, description, StringComparison.Ordinal));
        Assert.DoesNotContain("as the library grows", description, StringComparison.Ordinal);
        Assert.Contains("dotnet-tool", tags);
        Assert.Contains("dcs", tags);
    }

    private XDocument ReadManifest()
    {
        using ZipArchive zip = ZipFile.OpenRead(artifacts.ToolPackage);
        using Stream stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }
}
