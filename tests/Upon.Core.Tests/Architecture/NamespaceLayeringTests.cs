using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NetArchTest.Rules;

namespace Upon.Core.Tests.Architecture;

/// <summary>
/// The namespaces of Upon.Core form layers, and a namespace uses only the layers below it (docs/architecture.md):
/// Guards and Serialization (documents) ← Calendars, Eligibility ← Timelines, Cohorts, Workforce ← Charts ← the root
/// namespace (<see cref="UponJson"/>, which chains every capability's JSON metadata) ← the CLI. Namespaces of one
/// layer do not use each other either. The check reads the compiled assembly's type references (NetArchTest), so a
/// fully qualified name or a <c>using static</c> cannot hide a dependency the way it hides from a look at the usings.
/// </summary>
public sealed class NamespaceLayeringTests
{
    private const string Root = "Upon.Core";

    /// <summary>Each namespace with its layer, lowest first.</summary>
    public static readonly IReadOnlyDictionary<string, int> Layers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Upon.Core.Guards"] = 0,
        ["Upon.Core.Serialization"] = 1,
        ["Upon.Core.Calendars"] = 2,
        ["Upon.Core.Eligibility"] = 2,
        ["Upon.Core.Timelines"] = 3,
        ["Upon.Core.Cohorts"] = 3,
        ["Upon.Core.Workforce"] = 3,
        ["Upon.Core.Charts"] = 4,
        [Root] = 5,
    };

    private static readonly Assembly Library = typeof(UponJson).Assembly;

    public static TheoryData<string> Namespaces() => [.. Layers.Keys.Where(name => name != Root)];

    [Fact]
    public void EveryNamespaceOfTheLibrary_HasALayer()
    {
        string[] namespaces = [.. Library.GetTypes().Select(type => type.Namespace).OfType<string>().Where(IsOwn).Distinct().Order(StringComparer.Ordinal)];

        Assert.All(namespaces, name => Assert.True(Layers.ContainsKey(name), $"{name} has no layer in NamespaceLayeringTests.Layers and docs/architecture.md."));
        Assert.Equal(Layers.Keys.Order(StringComparer.Ordinal), namespaces);
    }

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void Namespace_UsesOnlyTheLayersBelowIt(string name)
    {
        int layer = Layers[name];
        string[] forbidden = [.. Layers.Where(other => other.Key != name && other.Key != Root && other.Value >= layer).Select(other => other.Key)];
        string[] rootTypes = [.. Library.GetTypes().Where(type => type.Namespace == Root && !type.IsNested).Select(type => type.FullName!)];

        TestResult result = Types.InAssembly(Library)
            .That().ResideInNamespace(name)
            .ShouldNot().HaveDependencyOnAny([.. forbidden, .. rootTypes])
            .GetResult();

        Assert.True(
            result.IsSuccessful,
            $"{name} (layer {layer}) must not use {string.Join(", ", forbidden.Concat(rootTypes))}; these types do: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void TheCheck_SeesDependencies_ThatAreAllowed()
    {
        // The layering check is only as good as the dependency analysis: these dependencies exist and are allowed, so the
        // same analysis must find them (a check that saw nothing would pass every rule).
        Assert.False(Types.InAssembly(Library).That().ResideInNamespace("Upon.Core.Timelines").ShouldNot().HaveDependencyOn("Upon.Core.Calendars").GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(Library).That().ResideInNamespace("Upon.Core.Charts").ShouldNot().HaveDependencyOn("Upon.Core.Workforce").GetResult().IsSuccessful);
        Assert.False(Types.InAssembly(Library).That().ResideInNamespace("Upon.Core.Serialization").ShouldNot().HaveDependencyOn("Upon.Core.Guards").GetResult().IsSuccessful);
    }

    private static bool IsOwn(string name) => name == Root || name.StartsWith(Root + ".", StringComparison.Ordinal);
}
