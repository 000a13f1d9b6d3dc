using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// The source generator needs the options repeated on the context; this keeps them in step with
/// <see cref="UponJson.Options"/>, keeps them in one place (one context for the library), and the context chained into it.
/// </summary>
public sealed class JsonContextConsistencyTests
{
    private static readonly Type[] Contexts = [.. typeof(UponJson).Assembly.GetTypes()
        .Where(t => typeof(JsonSerializerContext).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Fact]
    public void TheLibrary_HasOneContext() =>
        Assert.Equal("Upon.Core.UponJsonContext", Assert.Single(Contexts).FullName);

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
