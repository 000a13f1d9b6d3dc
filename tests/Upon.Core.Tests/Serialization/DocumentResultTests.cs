using System;
using System.Collections.Immutable;
using System.Linq;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

public class DocumentResultTests
{
    private static readonly DocumentProblem First = DocumentProblem.Create("$.events[0].date", DocumentProblemCodes.DateInvalid, "Expected a date.");
    private static readonly DocumentProblem Second = DocumentProblem.Create("$.events[1].title", DocumentProblemCodes.Required, "An event needs a \"title\".");

    [Fact]
    public void Success_IsValidWithValueAndNoProblems()
    {
        string value = "document";
        DocumentResult<string> result = DocumentResult.Success(value);
        Assert.True(result.IsValid);
        Assert.Same(value, result.Value);
        Assert.False(result.Problems.IsDefault);
        Assert.Empty(result.Problems);
        Assert.Same(value, result.GetValueOrThrow());
    }

    [Fact]
    public void Success_NullValue_ThrowsArgumentNullException() =>
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => DocumentResult.Success<string>(null!)).ParamName);

    [Fact]
    public void Failure_IsInvalidWithProblemsInOrderAndNoValue()
    {
        DocumentResult<string> result = DocumentResult.Failure<string>([First, Second]);
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(new[] { First, Second }, result.Problems.ToArray());
    }

    [Fact]
    public void Failure_EmptyProblems_ThrowsArgumentException()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => DocumentResult.Failure<string>([]));
        Assert.Equal("problems", ex.ParamName);
    }

    [Fact]
    public void Failure_DefaultProblems_ThrowsArgumentException()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => DocumentResult.Failure<string>(default));
        Assert.Equal("problems", ex.ParamName);
    }

    [Fact]
    public void GetValueOrThrow_Failure_ListsEveryProblemOnItsOwnLine()
    {
        DocumentResult<string> result = DocumentResult.Failure<string>(ImmutableArray.Create(First, Second));
        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(result.GetValueOrThrow);
        Assert.Equal(
            "The document is not valid:" + Environment.NewLine
            + "  $.events[0].date: Expected a date. (date.invalid)" + Environment.NewLine
            + "  $.events[1].title: An event needs a \"title\". (value.required)",
            ex.Message);
    }
}
