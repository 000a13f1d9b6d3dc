using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Architecture;

/// <summary>
/// Every public method of Upon.Core that returns a task or an asynchronous sequence checks its arguments when it is
/// called, as the .NET libraries do: a null stream or a <c>maxBytes</c> of zero throws at the call, not from a faulted
/// task awaited later or from the first <c>MoveNextAsync</c> of a sequence that may never be enumerated. (Two guards of
/// <c>ProgrammeYearDocument.ReadAsync</c> could be removed without a test failing, because a reader further in checks
/// the same arguments inside an <c>async</c> method: the caller got a faulted task instead.)
/// </summary>
public sealed class AsyncArgumentTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static TheoryData<string> Methods() => [.. AsyncMethods().Select(Name)];

    [Fact]
    public void TheMethodsChecked_IncludeEveryDocumentReaderFamily()
    {
        string[] names = [.. AsyncMethods().Select(Name)];

        Assert.True(names.Length >= 24, $"only {names.Length} asynchronous methods were found");
        Assert.Contains("ProgrammeYearDocument.ReadAsync(Stream, Int32, CancellationToken)", names);
        Assert.Contains("AppointmentDocument.ReadCsvAsync(PipeReader, ProblemHandling, CancellationToken)", names);
        Assert.Contains("EligibilityBatch.EvaluateAsync(Stream, BatchFormat, CancellationToken)", names);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void NullArguments_ThrowAtTheCall(string name)
    {
        MethodInfo method = AsyncMethods().Single(m => Name(m) == name);
        ParameterInfo[] parameters = method.GetParameters();
        int checkedCount = 0;
        foreach (ParameterInfo parameter in parameters.Where(p => !p.ParameterType.IsValueType && Nullability.Create(p).WriteState == NullabilityState.NotNull))
        {
            object?[] arguments = ValidArguments(parameters);
            arguments[parameter.Position] = null;

            ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => Call(method, arguments));

            Assert.Equal(parameter.Name, thrown.ParamName);
            checkedCount++;
        }

        Assert.True(checkedCount > 0, $"{name} has no argument that must not be null");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void AMaxBytesBelowOne_ThrowsAtTheCall(string name)
    {
        MethodInfo method = AsyncMethods().Single(m => Name(m) == name);
        ParameterInfo[] parameters = method.GetParameters();
        if (parameters.SingleOrDefault(p => p.Name == "maxBytes") is not { } maxBytes)
        {
            Assert.DoesNotContain(parameters, p => p.ParameterType == typeof(int));
            return;
        }

        foreach (int value in new[] { 0, -1, int.MinValue })
        {
            object?[] arguments = ValidArguments(parameters);
            arguments[maxBytes.Position] = value;

            ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => Call(method, arguments));

            Assert.Equal("maxBytes", thrown.ParamName);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ValidArguments_GiveATaskOrSequence_WithoutThrowing(string name)
    {
        MethodInfo method = AsyncMethods().Single(m => Name(m) == name);

        object? result = method.Invoke(Target(method), ValidArguments(method.GetParameters()));

        Assert.NotNull(result);
    }

    private static IEnumerable<MethodInfo> AsyncMethods() =>
        typeof(UponJson).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => !method.IsSpecialName && IsAsync(method.ReturnType) && method.GetParameters().Any(p => !p.ParameterType.IsValueType))
            .OrderBy(Name, StringComparer.Ordinal);

    private static bool IsAsync(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)));

    private static string Name(MethodInfo method) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";

    private static void Call(MethodInfo method, object?[] arguments)
    {
        try
        {
            _ = method.Invoke(Target(method), arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    private static EligibilityBatch? Target(MethodInfo method) =>
        method.IsStatic ? null
        : method.DeclaringType == typeof(EligibilityBatch) ? new EligibilityBatch(PolicyRegistry.BuiltIn)
        : throw new InvalidOperationException($"No instance of {method.DeclaringType} to call {method.Name} on: add one here.");

    private static object?[] ValidArguments(ParameterInfo[] parameters) => [.. parameters.Select(Valid)];

    private static object? Valid(ParameterInfo parameter) =>
        parameter.ParameterType switch
        {
            Type t when t == typeof(Stream) => new MemoryStream(),
            Type t when t == typeof(PipeReader) => PipeReader.Create(new MemoryStream()),
            Type t when t == typeof(CancellationToken) => CancellationToken.None,
            _ when parameter.HasDefaultValue => parameter.DefaultValue,
            _ => throw new InvalidOperationException($"No valid value for {parameter.Name} ({parameter.ParameterType}): add one here."),
        };
}
