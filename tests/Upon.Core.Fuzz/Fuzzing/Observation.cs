using System.Collections.Generic;
using System.Collections.Immutable;
using Upon.Core.Serialization;

namespace Upon.Core.Fuzz.Fuzzing;

/// <summary>One record as a reader reported it: a result (valid) or its problems. Number 0 is the file as a whole.</summary>
internal readonly record struct RecordOutcome(int Number, bool Valid, ImmutableArray<DocumentProblem> Problems);

/// <summary>A broken rule found in one document; <see cref="Rule"/> names the class of failure (no numbers), <see cref="Detail"/> the case.</summary>
internal readonly record struct Violation(string Rule, string Detail);

/// <summary>What running one document through a reader and its computation gave.</summary>
internal sealed class Observation
{
    /// <summary>Gets the reader's records, in order.</summary>
    public List<RecordOutcome> Records { get; } = [];

    /// <summary>Gets the problems reported after reading (a validation, a registry), with where they came from.</summary>
    public List<(string Source, DocumentProblem Problem)> LaterProblems { get; } = [];

    /// <summary>Gets the rules the document broke.</summary>
    public List<Violation> Violations { get; } = [];

    public void Check(bool condition, string rule, string detail)
    {
        if (!condition)
        {
            Violations.Add(new Violation(rule, detail));
        }
    }

    /// <summary>Adds a reader's record, checking that it is a result or has problems, not both and not neither.</summary>
    public void Add(int number, bool valid, ImmutableArray<DocumentProblem> problems)
    {
        ImmutableArray<DocumentProblem> list = problems.IsDefault ? [] : problems;
        Check(valid == list.IsEmpty, "a record is a result or has problems, not both and not neither", $"record {number}: valid {valid}, {list.Length} problems");
        Records.Add(new RecordOutcome(number, valid, list));
    }

    /// <summary>Adds a batch reader's records, in order, as <see cref="Add(int, bool, ImmutableArray{DocumentProblem})"/> adds one.</summary>
    public void AddAll<T>(IEnumerable<RecordResult<T>> records)
        where T : class
    {
        foreach (RecordResult<T> record in records)
        {
            Add(record.RecordNumber, record.IsValid, record.Problems);
        }
    }
}
