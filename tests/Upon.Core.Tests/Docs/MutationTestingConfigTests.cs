using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Docs;

/// <summary>
/// Mutation testing stays runnable: every namespace of Upon.Core has a Stryker configuration, and
/// docs/mutation-testing.md gives its command; the tool comes from the repository's tool manifest.
/// </summary>
public sealed class MutationTestingConfigTests
{
    private static readonly string[] Namespaces =
        [.. Directory.GetDirectories(Repository.PathOf("src", "Upon.Core"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void ToolManifest_PinsDotnetStryker()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Repository.PathOf(".config", "dotnet-tools.json")));

        JsonElement stryker = manifest.RootElement.GetProperty("tools").GetProperty("dotnet-stryker");
        Assert.Matches(@"^\d+\.\d+\.\d+$", stryker.GetProperty("version").GetString());
    }

    [Fact]
    public void EveryNamespace_HasAConfiguration_MutatingItWithPerTestCoverage_WithoutThePackagingTests()
    {
        Assert.Contains("Eligibility", Namespaces);
        foreach (string name in Namespaces)
        {
            string file = Repository.PathOf("stryker", name.ToLowerInvariant() + ".json");
            Assert.True(File.Exists(file), $"no Stryker configuration for {name}: {file}");
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            JsonElement config = document.RootElement.GetProperty("stryker-config");

            Assert.Equal("Upon.Core.csproj", config.GetProperty("project").GetString());
            Assert.Contains($"**/{name}/**/*.cs", config.GetProperty("mutate").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("perTest", config.GetProperty("coverage-analysis").GetString());
            Assert.Contains("FullyQualifiedName!~Upon.Core.Tests.Packaging", config.GetProperty("test-case-filter").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheDocs_GiveTheCommandOfEveryNamespace()
    {
        string docs = File.ReadAllText(Repository.PathOf("docs", "mutation-testing.md"));

        foreach (string name in Namespaces)
        {
            Assert.Contains($"dotnet stryker -f ../../stryker/{name.ToLowerInvariant()}.json", docs, StringComparison.Ordinal);
        }
    }
}
