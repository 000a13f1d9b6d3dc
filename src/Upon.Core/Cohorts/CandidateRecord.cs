using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ardalis.GuardClauses;
using Upon.Core.Serialization;

namespace Upon.Core.Cohorts;

/// <summary>
/// One record of a candidates document: the candidate read, or the problems that stopped it from being used.
/// Exactly one of <see cref="Profile"/> and <see cref="Problems"/> is set.
/// </summary>
/// <remarks>
/// Problem paths are relative to the record (<c>$.score</c>; <c>$</c> for the whole record). Messages never repeat
/// values of the record, so no applicant id ever reaches a log. Equality is by value, with <see cref="Problems"/>
/// compared by reference.
/// </remarks>
/// <param name="RecordNumber">
/// The 1-based number of the record: the element of a JSON array, the line of JSON Lines, or 1 for a single document.
/// 0 for a problem with the input as a whole (empty input, <see cref="Upon.Core.Serialization.DocumentProblemCodes.DocumentEmpty"/>).
/// </param>
/// <param name="Profile">The candidate, when the record could be used.</param>
/// <param name="Problems">The problems, when it could not.</param>
public sealed record CandidateRecord(int RecordNumber, CandidateProfile? Profile, ImmutableArray<DocumentProblem> Problems)
{
    /// <summary>Gets the record number; checked to be 0 or more.</summary>
    public int RecordNumber { get; init; } = RecordNumber >= 0
        ? RecordNumber
        : throw new ArgumentOutOfRangeException(nameof(RecordNumber), "A record number is 0 or more.");

    /// <summary>Gets the problems; checked so that exactly one of <see cref="Profile"/> and the problems is set.</summary>
    public ImmutableArray<DocumentProblem> Problems { get; init; } = (Profile is null) != Problems.IsDefaultOrEmpty
        ? Problems.IsDefault ? [] : Problems
        : throw new ArgumentException("A record holds either a candidate or at least one problem, not both and not neither.", nameof(Problems));

    /// <summary>Gets a value indicating whether the record holds a candidate (and no problems).</summary>
    [MemberNotNullWhen(true, nameof(Profile))]
    public bool IsValid => Profile is not null;
}

/// <summary>
/// Counts of candidate records: every record read is a candidate or reported, so <see cref="Records"/> =
/// <see cref="Candidates"/> + <see cref="Reported"/> and nothing is dropped silently.
/// </summary>
/// <param name="Records">The records read.</param>
/// <param name="Candidates">The records that gave a candidate.</param>
/// <param name="Reported">The records reported with problems.</param>
public readonly record struct CandidateSummary(int Records, int Candidates, int Reported)
{
    /// <summary>Returns the summary with <paramref name="record"/> counted as a candidate or reported.</summary>
    /// <param name="record">A record.</param>
    /// <returns>The new summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public CandidateSummary Add(CandidateRecord record)
    {
        Guard.Against.Null(record);
        return new CandidateSummary(Records + 1, Candidates + (record.IsValid ? 1 : 0), Reported + (record.IsValid ? 0 : 1));
    }

    /// <summary>Returns "N records: N candidates, N reported", with singulars where the count is one.</summary>
    /// <returns>The summary line.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Records} record{(Records == 1 ? string.Empty : "s")}: {Candidates} candidate{(Candidates == 1 ? string.Empty : "s")}, {Reported} reported");
}
