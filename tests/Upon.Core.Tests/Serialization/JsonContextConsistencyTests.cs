using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// The source generator needs the options repeated on every capability's context; this keeps the
/// copies in step with <see cref="UponJson.Options"/>, and every context chained into it.
/// </summary>
public sealed class JsonContextConsistencyTests
{
    private static readonly Type[] Contexts = [.. typeof(UponJson).Assembly.GetTypes()
        .Where(t => typeof(JsonSerializerContext).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Fact]
    public void EveryCapability_HasAContext() =>
        Assert.True(Contexts.Length >= 3, $"Found {Contexts.Length} contexts.");

    [Fact]
    public void EveryContext_HasTheLibrarysConventions()
    {
        JsonSerializerOptions expected = UponJson.Options;
        foreach (Type context in Contexts)
        {
            JsonSerializerOptions options = Default(context).Options;
            Assert.Same(JsonNamingPolicy.CamelCase, options.PropertyNamingPolicy);
            Assert.Equal(expected.DefaultIgnoreCondition, options.DefaultIgnoreCondition);
            Assert.Equal(expected.ReadCommentHandling, options.ReadCommentHandling);
            Assert.Equal(expected.RespectNullableAnnotations, options.RespectNullableAnnotations);
            Assert.Equal(expected.RespectRequiredConstructorParameters, options.RespectRequiredConstructorParameters);
            Assert.Equal(expected.UnmappedMemberHandling, options.UnmappedMemberHandling);
            Assert.Contains(options.Converters, c => c is NodaTimeConverterFactory);
        }
    }

    [Fact]
    public void EveryContext_IsChainedIntoUponJson()
    {
        foreach (Type context in Contexts)
        {
            Assert.Contains(UponJson.Options.TypeInfoResolverChain, resolver => resolver.GetType() == context);
        }
    }

    private static JsonSerializerContext Default(Type context) =>
        (JsonSerializerContext)context.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
