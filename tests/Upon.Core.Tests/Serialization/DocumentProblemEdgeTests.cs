using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>How a problem prints, an error and a warning alike, and the severity a problem may be created with.</summary>
public sealed class DocumentProblemEdgeTests
{
    [Property]
    public Property ToString_IsPathMessageAndCode_WithWarningSaidOnlyForAWarning() =>
        Prop.ForAll(
            Arb.From(Gen.Elements("$", "$.a", "$['x y'][3]")),
            Arb.From(Gen.Elements("Expected a date.", "Check the spelling.", "x")),
            Arb.From(Gen.Elements(ProblemSeverity.Error, ProblemSeverity.Warning)),
            (path, message, severity) =>
            {
                DocumentProblem problem = DocumentProblem.Create(path, DocumentProblemCodes.UnknownValue, message, severity);
                string expected = severity == ProblemSeverity.Warning
                    ? $"{path}: {message} (value.unknown, warning)"
                    : $"{path}: {message} (value.unknown)";
                Assert.Equal(expected, problem.ToString());
                Assert.Equal(severity == ProblemSeverity.Error, problem.IsError);
            });

    [Fact]
    public void ToString_OfAWarning_EndsWithTheWordWarning() =>
        Assert.Equal(
            "$.events[0]: The date falls on a weekend. (date.invalid, warning)",
            DocumentProblem.Create("$.events[0]", DocumentProblemCodes.DateInvalid, "The date falls on a weekend.", ProblemSeverity.Warning).ToString());

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Create_ASeverityThatIsNoMember_ThrowsNamingIt(int severity)
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => DocumentProblem.Create("$", DocumentProblemCodes.Required, "m", (ProblemSeverity)severity));
        Assert.Equal("severity", ex.ParamName);
    }
}
