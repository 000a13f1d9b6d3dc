using System;
using System.Collections.Immutable;
using System.Linq;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// A record result's hash code depends on each thing its equality compares (its number, its value and its problems),
/// so that results that differ in one of them do not all collide in a set; and what a failure without a problem is told.
/// </summary>
public sealed class RecordResultEdgeTests
{
    // HashCode is seeded for each process, so any two hashes may collide; among 100 results that differ, at most a few may.
    private const int Results = 100;

    private const int FewestDistinct = 95;

    [Fact]
    public void HashCode_DependsOnTheRecordNumber() =>
        Assert.True(Enumerable.Range(0, Results).Select(n => RecordResult.Success(n, "value").GetHashCode()).Distinct().Count() >= FewestDistinct);

    [Fact]
    public void HashCode_DependsOnTheValue() =>
        Assert.True(Enumerable.Range(0, Results).Select(n => RecordResult.Success(1, "value " + n).GetHashCode()).Distinct().Count() >= FewestDistinct);

    [Fact]
    public void HashCode_DependsOnTheProblems() =>
        Assert.True(Enumerable.Range(0, Results)
            .Select(n => RecordResult.Failure<string>(1, DocumentProblem.Create($"$.a[{n}]", DocumentProblemCodes.Required, "Needed.")).GetHashCode())
            .Distinct().Count() >= FewestDistinct);

    [Fact]
    public void HashCode_OfEqualResults_IsEqual()
    {
        DocumentProblem problem = DocumentProblem.Create("$.a", DocumentProblemCodes.Required, "Needed.");
        Assert.Equal(RecordResult.Failure<string>(4, [problem, problem]).GetHashCode(), RecordResult.Failure<string>(4, [problem, problem]).GetHashCode());
        Assert.Equal(RecordResult.Success(4, "value").GetHashCode(), RecordResult.Success(4, new string("value".AsSpan())).GetHashCode());
    }

    [Fact]
    public void Failure_WithoutProblems_SaysARecordNeedsOne()
    {
        ArgumentException empty = Assert.Throws<ArgumentException>(() => RecordResult.Failure<string>(1, []));
        ArgumentException none = Assert.Throws<ArgumentException>(() => RecordResult.Failure<string>(1, default(ImmutableArray<DocumentProblem>)));

        Assert.Equal("A record that was not read needs at least one problem. (Parameter 'problems')", empty.Message);
        Assert.Equal(empty.Message, none.Message);
    }
}
