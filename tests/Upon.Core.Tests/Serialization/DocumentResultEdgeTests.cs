using System;
using System.Collections.Immutable;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>What a failed result without a problem is told.</summary>
public sealed class DocumentResultEdgeTests
{
    [Fact]
    public void Failure_WithoutProblems_SaysAFailedResultNeedsOne()
    {
        ArgumentException empty = Assert.Throws<ArgumentException>(() => DocumentResult.Failure<string>([]));
        ArgumentException none = Assert.Throws<ArgumentException>(() => DocumentResult.Failure<string>(default(ImmutableArray<DocumentProblem>)));

        Assert.Equal("A failed result needs at least one problem. (Parameter 'problems')", empty.Message);
        Assert.Equal(empty.Message, none.Message);
    }
}
