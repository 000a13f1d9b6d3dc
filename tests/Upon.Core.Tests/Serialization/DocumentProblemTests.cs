using System;
using System.Linq;
using System.Reflection;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

public class DocumentProblemTests
{
    [Fact]
    public void Create_KeepsMembers()
    {
        DocumentProblem problem = DocumentProblem.Create("$.events[3].date", DocumentProblemCodes.DateInvalid, "Expected a date.");
        Assert.Equal("$.events[3].date", problem.Path);
        Assert.Equal("date.invalid", problem.Code);
        Assert.Equal("Expected a date.", problem.Message);
        Assert.Equal(new DocumentProblem("$.events[3].date", "date.invalid", "Expected a date."), problem);
    }

    [Fact]
    public void ToString_IsPathMessageCode() =>
        Assert.Equal(
            "$['england-and-wales'].events: A division needs an \"events\" array. (value.required)",
            DocumentProblem.Create("$['england-and-wales'].events", DocumentProblemCodes.Required, "A division needs an \"events\" array.").ToString());

    [Theory]
    [InlineData(null, "c", "m", "path")]
    [InlineData("", "c", "m", "path")]
    [InlineData("$", null, "m", "code")]
    [InlineData("$", "", "m", "code")]
    [InlineData("$", "c", null, "message")]
    [InlineData("$", "c", "", "message")]
    public void Create_NullOrEmptyMember_ThrowsNamingIt(string? path, string? code, string? message, string paramName)
    {
        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(() => DocumentProblem.Create(path!, code!, message!));
        Assert.Equal(paramName, ex.ParamName);
        Assert.Equal(path is null || code is null || message is null ? typeof(ArgumentNullException) : typeof(ArgumentException), ex.GetType());
    }

    [Fact]
    public void Codes_AreTheDocumentedStableValues()
    {
        string[] codes = [.. typeof(DocumentProblemCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)];
        Assert.Equal(
            ["collection.empty", "date.duplicate", "date.end-before-start", "date.invalid", "document.empty", "document.not-found", "document.too-large", "json.invalid", "period.invalid", "property.unknown", "text.invalid", "value.empty", "value.out-of-range", "value.required", "value.type-mismatch", "value.unknown"],
            codes);
    }
}
