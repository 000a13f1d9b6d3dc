using System;
using System.Collections.Immutable;
using System.Linq;
using FsCheck.Xunit;
using FsCheck;
using FsCheck.Fluent;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

public class RecordResultTests
{
    private static readonly DocumentProblem First = DocumentProblem.Create("$.start", DocumentProblemCodes.DateInvalid, "Expected a date.");
    private static readonly DocumentProblem Second = DocumentProblem.Create("$.kind", DocumentProblemCodes.Required, "A record needs a \"kind\".");

    [Fact]
    public void Success_IsValidWithValueAndNoProblems()
    {
        RecordResult<string> result = RecordResult.Success(3, "value");

        Assert.True(result.IsValid);
        Assert.Equal(3, result.RecordNumber);
        Assert.Equal("value", result.Value);
        Assert.False(result.Problems.IsDefault);
        Assert.Empty(result.Problems);
        Assert.Equal("value", result.GetValueOrThrow());
        Assert.Equal("record 3: valid", result.ToString());
    }

    [Fact]
    public void Failure_IsInvalidWithProblemsInOrder()
    {
        RecordResult<string> result = RecordResult.Failure<string>(5, [First, Second]);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal([First, Second], result.Problems.ToArray());
        Assert.Equal("record 5: $.start: Expected a date. (date.invalid); $.kind: A record needs a \"kind\". (value.required)", result.ToString());
        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(result.GetValueOrThrow);
        Assert.Equal(
            "Record 5 is not valid:" + Environment.NewLine + "  " + First + Environment.NewLine + "  " + Second,
            ex.Message);
    }

    [Fact]
    public void Failure_OneProblem_IsTheSameAsAnArrayOfOne() =>
        Assert.Equal(RecordResult.Failure<string>(0, [First]), RecordResult.Failure<string>(0, First));

    [Fact]
    public void Guards_RejectMisuse()
    {
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => RecordResult.Success<string>(1, null!)).ParamName);
        Assert.Equal("recordNumber", Assert.Throws<ArgumentOutOfRangeException>(() => RecordResult.Success(-1, "value")).ParamName);
        Assert.Equal("recordNumber", Assert.Throws<ArgumentOutOfRangeException>(() => RecordResult.Failure<string>(-1, First)).ParamName);
        Assert.Equal("problems", Assert.Throws<ArgumentException>(() => RecordResult.Failure<string>(1, [])).ParamName);
        Assert.Equal("problems", Assert.Throws<ArgumentException>(() => RecordResult.Failure<string>(1, default(ImmutableArray<DocumentProblem>))).ParamName);
    }

    [Fact]
    public void Equality_ComparesNumberValueAndProblems()
    {
        Assert.Equal(RecordResult.Success(1, "a"), RecordResult.Success(1, "a"));
        Assert.NotEqual(RecordResult.Success(1, "a"), RecordResult.Success(2, "a"));
        Assert.NotEqual(RecordResult.Success(1, "a"), RecordResult.Success(1, "b"));
        Assert.NotEqual(RecordResult.Failure<string>(1, [First, Second]), RecordResult.Failure<string>(1, [Second, First]));
        Assert.False(RecordResult.Success(1, "a").Equals(null));
        Assert.False(RecordResult.Success(1, "a").Equals((object)"a"));
    }

    [Property]
    public Property EqualResults_HaveEqualHashCodes_AndEqualityIsReflexiveAndSymmetric()
    {
        Gen<RecordResult<string>> results =
            from number in Gen.Choose(0, 4)
            from valid in ArbMap.Default.GeneratorFor<bool>()
            from value in Gen.Elements("a", "b")
            from problems in Gen.Elements<ImmutableArray<DocumentProblem>>([First], [Second], [First, Second])
            select valid ? RecordResult.Success(number, value) : RecordResult.Failure<string>(number, problems);
        Gen<(RecordResult<string>, RecordResult<string>)> pairs = from a in results from b in results select (a, b);

        return Prop.ForAll(pairs.ToArbitrary(), pair =>
        {
            (RecordResult<string> a, RecordResult<string> b) = pair;
            Assert.True(a.Equals(a));
            Assert.Equal(a.Equals(b), b.Equals(a));
            if (a.Equals(b))
            {
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }
        });
    }
}
