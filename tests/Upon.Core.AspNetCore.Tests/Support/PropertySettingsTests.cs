using System.Linq;
using System.Reflection;
using FsCheck;
using FsCheck.Xunit;
using Xunit.Sdk;

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>The assembly-wide FsCheck.Xunit setting reaches every property of this suite, as in tests/Upon.Core.Tests.</summary>
public sealed class PropertySettingsTests
{
    private static readonly Assembly Suite = typeof(PropertySettingsTests).Assembly;

    [Fact]
    public void EveryProperty_RunsAtLeastOneThousandCases_AsFsCheckXunitConfiguresIt()
    {
        MethodInfo[] methods =
        [
            .. Suite.GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(m => m.GetCustomAttribute<PropertyAttribute>() is not null),
        ];

        Assert.NotEmpty(methods);
        Assert.All(methods, method =>
        {
            Assert.Equal(typeof(Property), method.ReturnType);
            Assert.Empty(method.GetParameters());
            Assert.True(EffectiveConfig(method).MaxTest >= 1000, $"{method.DeclaringType!.Name}.{method.Name} runs {EffectiveConfig(method).MaxTest} cases.");
        });
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
