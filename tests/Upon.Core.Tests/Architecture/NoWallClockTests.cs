using System.Reflection;
using NetArchTest.Rules;
using Upon.Cli;

namespace Upon.Core.Tests.Architecture;

/// <summary>
/// No result of the library or the tool depends on the day it is computed: neither assembly refers to NodaTime's
/// system clock, so every as-of date and every stamp comes from an argument, an <c>IClock</c> given by the caller, or
/// the data. (The tool's defaults for <c>--as-of</c> and <c>--stamp</c> used to read it.)
/// </summary>
public sealed class NoWallClockTests
{
    public static TheoryData<string> Assemblies() => ["Upon.Core", "Upon.Cli"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void NoType_UsesTheSystemClock(string assembly)
    {
        TestResult result = Types.InAssembly(Load(assembly)).ShouldNot().HaveDependencyOn("NodaTime.SystemClock").GetResult();

        Assert.True(result.IsSuccessful, $"{assembly} must not read the system clock; these types do: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void TheCheck_SeesNodaTimeTypes_ThatAreUsed(string assembly) =>
        Assert.False(Types.InAssembly(Load(assembly)).ShouldNot().HaveDependencyOn("NodaTime.LocalDate").GetResult().IsSuccessful);

    private static Assembly Load(string name) => name == "Upon.Cli" ? typeof(UponCommandLine).Assembly : typeof(UponJson).Assembly;
}
