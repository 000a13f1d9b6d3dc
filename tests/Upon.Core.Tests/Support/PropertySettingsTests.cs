using System.Linq;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Sdk;

namespace Upon.Core.Tests.Support;

/// <summary>The suite-wide FsCheck.Xunit setting reaches every property, and properties are written one way.</summary>
public sealed class PropertySettingsTests
{
    private static readonly Assembly Suite = typeof(PropertySettingsTests).Assembly;

    private static MethodInfo[] PropertyMethods() =>
    [
        .. Suite.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<PropertyAttribute>() is not null),
    ];

    [Fact]
    public void TheAssemblyAttribute_SetsOneThousandCases()
    {
        PropertiesAttribute attribute = Assert.Single(Suite.GetCustomAttributes<PropertiesAttribute>());
        Assert.Equal(1000, attribute.MaxTest);
        Assert.Equal(UponProperty.DefaultMaxTest, attribute.MaxTest);
    }

    [Fact]
    public void EveryProperty_RunsAtLeastOneThousandCases_AsFsCheckXunitConfiguresIt()
    {
        MethodInfo[] methods = PropertyMethods();
        Assert.True(methods.Length >= 150, $"Only {methods.Length} properties were found.");
        Assert.All(methods, method => Assert.True(
            EffectiveConfig(method).MaxTest >= 1000,
            $"{method.DeclaringType!.Name}.{method.Name} runs {EffectiveConfig(method).MaxTest} cases."));
    }

    [Fact]
    public void EveryProperty_ReturnsAnFsCheckProperty_AndTakesNoArguments()
    {
        // The generators come from Upon.Core.Testing through Prop.ForAll, not from FsCheck's reflection over parameter types.
        Assert.All(PropertyMethods(), method =>
        {
            Assert.Equal(typeof(FsCheck.Property), method.ReturnType);
            Assert.Empty(method.GetParameters());
        });
    }

    [Fact]
    public void NoClass_OverridesTheCaseCount()
    {
        Assert.All(
            Suite.GetTypes().Select(t => t.GetCustomAttribute<PropertiesAttribute>()).OfType<PropertiesAttribute>(),
            attribute => Assert.True(attribute.MaxTest is -1 or >= 1000));
    }

    /// <summary>The configuration FsCheck.Xunit's own test case builds for <paramref name="method"/> from the assembly, class and method attributes.</summary>
    private static Config EffectiveConfig(MethodInfo method)
    {
        var assembly = new TestAssembly(Reflector.Wrap(Suite));
        var collection = new TestCollection(assembly, null, "properties");
        var testClass = new TestClass(collection, Reflector.Wrap(method.DeclaringType!));
        var testMethod = new TestMethod(testClass, Reflector.Wrap(method));
        using var testCase = new PropertyTestCase(new NullMessageSink(), TestMethodDisplay.Method, TestMethodDisplayOptions.None, testMethod, testMethodArguments: null);
        return testCase.Init(new TestOutputHelper());
    }
}
