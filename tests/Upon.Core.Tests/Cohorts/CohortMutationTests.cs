using System;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Text.Json;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Cohorts;

/// <summary>
/// What the Cohorts mutation run left unpinned (docs/mutation-testing.md, "Cohorts"): every argument-exception
/// message of the cohort types word for word with its parameter; every problem of composition and candidates
/// documents with its path, code and message (unknown properties inside a dimension and a category included);
/// null and range arguments refused at the call, before any lazy or asynchronous reading starts; the bound of
/// <see cref="SizingModel.MaxAuthorities"/> itself and the rounding correction of whole places; the secondary
/// suppression's choice of cell and its running sum; the tie-breaks of <see cref="Selection"/>'s exact sort and of
/// <see cref="SetAllocation"/>'s dealing order against an oracle; and the search window of <see cref="CohortSplit"/>.
/// </summary>
public sealed class CohortMutationTests
{
    private const EligibilityOutcome Eligible = EligibilityOutcome.Eligible;

    private const string GoodCandidate = """{"applicantId":"A1","authority":"LA1","eligibility":"eligible","score":1}""";

    private static readonly CandidateProfile Profile = new(new SelectionCandidate("A1", "LA1", Eligible, 1m));

    private static readonly SizingModel Model = new(151, 0.3m, 0.4m, 0.5m, 0.1m);

    // ---- Argument messages, word for word ----

    public static TheoryData<string, string, Func<object>> ArgumentMessages() => new()
    {
        { "counts", "Category 1 is null.", () => CompositionBreakdown.Create("d", [new("a", 1), null!]) },
        { "counts", "At least one category is needed.", () => CompositionBreakdown.Create("d", []) },
        { "dimensions", "At least one dimension is needed.", () => new CompositionFigures(null, []) },
        { "dimensions", "Dimension 1 is null.", () => new CompositionFigures(null, [Dimension("a"), null!]) },
        { "dimensions", "Dimensions 0 and 2 have the same name.", () => new CompositionFigures("t", [Dimension("a"), Dimension("b"), Dimension("a")]) },
        { "participants", "At least one participant is needed.", () => ParticipantComposition.Count([]) },
        { "participants", "Participant 1 is null.", () => ParticipantComposition.Count([Profile, null!]) },
        { "attribute", "Not a composition attribute.", () => ParticipantComposition.DimensionName((CompositionField)99) },
        { "attribute", "Not a composition attribute.", () => Profile.Get((CompositionField)0)! },
        { "candidates", "Candidate 1 is null.", () => Selection.Of([Profile.Candidate, null!], 1, 0) },
        {
            "candidates",
            "Applicant ids must be unique: candidate 2 has the same applicant id as candidate 0.",
            () => Selection.Of([new("secret-id", "X", Eligible, 1m), new("other", "X", Eligible, 2m), new("secret-id", "Y", Eligible, 3m)], 1, 0)
        },
        { "input", "Not a sizing input.", () => Model.With((SizingInput)99, 1m) },
        { "input", "Not a sizing input.", () => Model.ValueOf((SizingInput)99) },
        { "value", "The number of authorities must be a whole number from 1 to 10000.", () => Model.With(SizingInput.Authorities, 10001m) },
        { "value", "The number of authorities must be a whole number from 1 to 10000.", () => Model.With(SizingInput.Authorities, 1.5m) },
        { "value", "The number of authorities must be a whole number from 1 to 10000.", () => Model.With(SizingInput.Authorities, 0.9m) },
        { "programmeShare", "programmeShare must be from 0 to 1.", () => new SizingModel(151, 0.3m, 0.4m, 1.1m, 0.1m) },
        { "minimum", "minimum must be at least 1.", () => new GroupSizeBounds(0, 5) },
        { "maximum", "maximum must be at least 5.", () => new GroupSizeBounds(5, 4) },
        { "maximum", "maximum must be at least 1.", () => GroupSizeBounds.AtMost(0) },
        { "count", "count must be at least 0.", () => new CategoryCount("a", -1) },
        { "participants", "At least one participant is needed.", () => SetAllocation.Of([], GroupSizeBounds.AtMost(8), 0) },
    };

    [Theory]
    [MemberData(nameof(ArgumentMessages))]
    public void ArgumentMessage_IsExact_AndNamesTheParameter(string parameter, string message, Func<object> call)
    {
        ArgumentException error = Assert.ThrowsAny<ArgumentException>(call);

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(message + $" (Parameter '{parameter}')", error.Message);
    }

    [Fact]
    public void DuplicateApplicantIds_AreReportedByPosition_NeverById()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Selection.Of([new("secret-id", "X", Eligible, 1m), new("secret-id", "Y", Eligible, 3m)], 1, 0));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Applicant ids must be unique: candidate 1 has the same applicant id as candidate 0.", error.Message, StringComparison.Ordinal);
    }

    // ---- Null and range arguments, refused at the call ----

    [Fact]
    public void CandidateDocument_RefusesNullsAndSizes_AtTheCall()
    {
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => CandidateDocument.Write((Utf8JsonWriter)null!, Profile)).ParamName);
        using (Utf8JsonWriter writer = new(new MemoryStream()))
        {
            Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => CandidateDocument.Write(writer, null!)).ParamName);
        }

        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => CandidateDocument.Write((Stream)null!, null!)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => CandidateDocument.Write(new MemoryStream(), null!, (BatchFormat)99)).ParamName);

        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => { _ = CandidateDocument.ReadAsync((Stream)null!); }).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => { _ = CandidateDocument.ReadAsync(new MemoryStream(), maxBytes: 0); }).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => { _ = CandidateDocument.ReadAsync((PipeReader)null!); }).ParamName);
        Pipe pipe = new();
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => { _ = CandidateDocument.ReadAsync(pipe.Reader, maxBytes: 0); }).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => { _ = CandidateDocument.Read(null!, maxBytes: 0); }).ParamName);
    }

    [Fact]
    public void CompositionDocument_RefusesNullsAndSizes_AtTheCall()
    {
        CompositionFigures figures = new(null, [Dimension("a")]);

        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => { _ = CompositionDocument.ReadAsync(null!); }).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => { _ = CompositionDocument.ReadAsync(new MemoryStream(), maxBytes: 0); }).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => CompositionDocument.Read(null!)).ParamName);
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => CompositionDocument.Parse(null!)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => CompositionDocument.Parse("{}", 0)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => CompositionDocument.Write((Utf8JsonWriter)null!, figures)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => CompositionDocument.Write((Stream)null!, null!)).ParamName);
    }

    [Fact]
    public void OtherNullArguments_AreRefusedNamingTheParameter()
    {
        Assert.Equal("participants", Assert.Throws<ArgumentNullException>(() => ParticipantComposition.Count(null!)).ParamName);
        Assert.Equal("record", Assert.Throws<ArgumentNullException>(() => default(CandidateSummary).Add(null!)).ParamName);

        // With no participants as well, the missing bounds are still what is reported first.
        Assert.Equal("bounds", Assert.Throws<ArgumentNullException>(() => SetAllocation.Of([], (GroupSizeBounds)null!, 0)).ParamName);
    }

    // ---- Composition documents: every problem with its path, code and message ----

    [Theory]
    [InlineData("""[]""", "$", DocumentProblemCodes.TypeMismatch, "Expected a composition object, but found an array.")]
    [InlineData("""{ "dimensions": [] }""", "$.dimensions", DocumentProblemCodes.CollectionEmpty, "At least one dimension is needed.")]
    [InlineData("""{ "dimensions": [ 1 ] }""", "$.dimensions[0]", DocumentProblemCodes.TypeMismatch, "Expected a dimension object, but found a number.")]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ "x" ] } ] }""", "$.dimensions[0].categories[0]", DocumentProblemCodes.TypeMismatch, "Expected a category object, but found a string.")]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [] } ] }""", "$.dimensions[0].categories", DocumentProblemCodes.CollectionEmpty, "At least one category is needed.")]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 0 }, { "category": "y", "count": 0 } ] } ] }""", "$.dimensions[0].categories", CohortProblemCodes.CountsAllZero, "Every count is zero: at least one must be above zero.")]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 2147483647 }, { "category": "y", "count": 1 } ] } ] }""", "$.dimensions[0].categories", DocumentProblemCodes.OutOfRange, "The counts sum to more than a whole number can hold.")]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 1 }, { "category": "x", "count": 2 } ] } ] }""", "$.dimensions[0].categories[1].category", CohortProblemCodes.CategoryDuplicate, "An earlier category of this dimension has the same name; each category appears once.")]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 1 } ] }, { "dimension": "a", "categories": [ { "category": "y", "count": 1 } ] } ] }""", "$.dimensions[1].dimension", CohortProblemCodes.DimensionDuplicate, "An earlier dimension has the same name; each dimension appears once.")]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "total": 1, "categories": [ { "category": "x", "count": 1 } ] } ] }""", "$.dimensions[0].total", DocumentProblemCodes.UnknownProperty, "This property is not part of the format; check its spelling.")]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 1, "share": 0.5 } ] } ] }""", "$.dimensions[0].categories[0].share", DocumentProblemCodes.UnknownProperty, "This property is not part of the format; check its spelling.")]
    public void CompositionDocument_Problem_HasItsPathCodeAndMessage(string json, string path, string code, string message)
    {
        DocumentResult<CompositionFigures> read = CompositionDocument.Parse(json);

        Assert.False(read.IsValid);
        DocumentProblem problem = Assert.Single(read.Problems);
        Assert.Equal((path, code, message), (problem.Path, problem.Code, problem.Message));
    }

    [Fact]
    public void CompositionDocument_UnknownPropertiesInsideADimensionAndACategory_AreEachReported()
    {
        DocumentResult<CompositionFigures> read = CompositionDocument.Parse("""
            { "dimensions": [
              { "dimension": "a", "note": 1, "categories": [ { "category": "x", "count": 1 } ] },
              { "dimension": "b", "categories": [ { "category": "x", "count": 1 }, { "category": "y", "count": 2, "note": true } ] } ] }
            """);

        Assert.Equal(
            [("$.dimensions[0].note", DocumentProblemCodes.UnknownProperty), ("$.dimensions[1].categories[1].note", DocumentProblemCodes.UnknownProperty)],
            read.Problems.Select(p => (p.Path, p.Code)));
    }

    // ---- Candidates documents: messages of the layout and of a record ----

    [Fact]
    public void CandidateDocument_Messages_NameCandidates()
    {
        Assert.Equal(
            ("$", DocumentProblemCodes.TypeMismatch, "Expected a candidate object, but found an array."),
            Only(ReadCandidates("""[["A"]]""")));
        Assert.Equal(
            ("$", DocumentProblemCodes.TypeMismatch, "Expected an array of candidates."),
            Only(ReadCandidates(GoodCandidate, BatchFormat.JsonArray)));

        static (string, string, string) Only(RecordResult<CandidateProfile>[] records)
        {
            DocumentProblem problem = Assert.Single(records, r => !r.IsValid).Problems.Single();
            return (problem.Path, problem.Code, problem.Message);
        }
    }

    [Fact]
    public void CandidateDocument_TheLowestDecimalScore_IsAccepted()
    {
        RecordResult<CandidateProfile> record = Assert.Single(ReadCandidates("""{"applicantId":"A","authority":"LA","eligibility":"eligible","score":-79228162514264337593543950335}"""));

        Assert.True(record.IsValid, string.Join("; ", record.Problems));
        Assert.Equal(decimal.MinValue, record.Value!.Candidate.Score);
    }

    // ---- Sizing: the bound of the authorities itself, and the rounding of whole places ----

    [Fact]
    public void With_Authorities_AcceptsOneAndTheMaximum()
    {
        Assert.Equal(SizingModel.MaxAuthorities, Model.With(SizingInput.Authorities, 10000m).Authorities);
        Assert.Equal(1, Model.With(SizingInput.Authorities, 1m).Authorities);
        Assert.Equal(7, Model.With(SizingInput.Authorities, 7.000m).Authorities);
    }

    [Fact]
    public void WholePlacesNeeded_AddsThePlaceThatTheRoundedQuotientLoses()
    {
        // Target 7 × 0.7142857142857142857142857143 = 5.0000000000000000000000000001; divided by 0.5 that is
        // 10.0000000000000000000000000002, which a decimal can only hold as 10: ten places give 5, short of the target.
        SizingModel model = new(7, 0.7142857142857142857142857143m, 1m, 1m, 0.5m);

        Assert.Equal(5.0000000000000000000000000001m, model.TargetAppointments);
        Assert.Equal(10m, model.PlacesNeeded);
        Assert.Equal(11, model.WholePlacesNeeded);
        Assert.True(model.ExpectedAppointments(model.WholePlacesNeeded) >= model.TargetAppointments);
        Assert.True(model.ExpectedAppointments(model.WholePlacesNeeded - 1) < model.TargetAppointments);
    }

    // ---- Suppression: which cell is suppressed second, and the running sum ----

    [Fact]
    public void Suppress_TheSecondaryCell_IsTheSmallestPublishedOne_EvenWhenItIsTheFirst()
    {
        PublishedBreakdown first = CompositionBreakdown.Create("d", [new("a", 10), new("b", 2)]).Suppress();
        PublishedBreakdown middle = CompositionBreakdown.Create("d", [new("a", 10), new("b", 20), new("c", 2)]).Suppress();

        Assert.Equal([SuppressionReason.Secondary, SuppressionReason.Primary], first.Cells.Select(c => c.Reason));
        Assert.Equal(12, first.Total);
        Assert.Equal([SuppressionReason.Secondary, SuppressionReason.None, SuppressionReason.Primary], middle.Cells.Select(c => c.Reason));
        Assert.Equal([null, 20, null], middle.Cells.Select(c => c.Count));
    }

    [Fact]
    public void Suppress_OneSecondaryCell_IsEnough_OnceTheHiddenSumIsNoLongerTheNumberOfHiddenCells()
    {
        // 2 alone is recoverable, so 5 is hidden too; the two hidden cells sum to 7, not 2, so 6 stays published.
        PublishedBreakdown published = CompositionBreakdown.Create("d", [new("a", 2), new("b", 5), new("c", 6)]).Suppress();

        Assert.Equal([SuppressionReason.Primary, SuppressionReason.Secondary, SuppressionReason.None], published.Cells.Select(c => c.Reason));
        Assert.Equal(13, published.Total);
        Assert.False(published.IsWithheld);
    }

    // ---- Participants: "not stated" only where someone left the attribute out ----

    [Fact]
    public void Count_NotStated_AppearsOnlyWhereSomeoneLeftTheAttributeOut()
    {
        CandidateProfile[] participants =
        [
            new(new SelectionCandidate("1", "LA", Eligible, 1m), Background: "education", Ethnicity: ParticipantComposition.NotStated),
            new(new SelectionCandidate("2", "LA", Eligible, 1m), Background: "education", Ethnicity: "Irish"),
        ];

        CompositionDimension[] dimensions = [.. ParticipantComposition.Count(participants)];

        Assert.Equal([("education", 2)], dimensions[0].Counts.Select(c => (c.Category, c.Count)));
        Assert.Equal([(ParticipantComposition.NotStated, 1), ("Irish", 1)], dimensions[1].Counts.Select(c => (c.Category, c.Count)));
        Assert.Equal([(ParticipantComposition.NotStated, 2)], dimensions[2].Counts.Select(c => (c.Category, c.Count)));
    }

    // ---- Cohort split: the search for the smallest cohort size that splits ----

    [Fact]
    public void CohortSplit_OnlyTheLargestCohortSizeSplits_IsStillFound()
    {
        // Cohorts of at most 5 in sets of exactly 5: only a cohort of 5 splits, so 5 and 10 are the nearest.
        CohortSplit split = CohortSplit.Of(7, GroupSizeBounds.AtMost(5), new GroupSizeBounds(5, 5));

        Assert.Equal("7 participants cannot be split into cohorts of at most 5 that each split into sets of exactly 5.", split.Reason);
        Assert.Equal(5, split.NearestFeasibleBelow);
        Assert.Equal(10, split.NearestFeasibleAbove);
    }

    // ---- Tie-breaks against an oracle ----

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Selection_ARunSortedExactly_BreaksTiesByPositiveActionThenLotteryThenId(bool positiveAction)
    {
        // All are 1.0 as doubles, so the fast sort cannot tell the two higher scores from the ties: the run is sorted
        // again exactly, and there the tie-breaks must still be positive action (when on), then the lottery, ascending.
        const decimal High = 1.0000000000000000000000000001m;
        SelectionCandidate[] candidates =
        [
            new("h1", "A", Eligible, High),
            new("h2", "B", Eligible, High, underRepresented: true),
            .. Enumerable.Range(0, 8).Select(i => new SelectionCandidate($"t{i}", "C", Eligible, 1m, underRepresented: i % 3 == 0)),
        ];

        for (long seed = 0; seed < 20; seed++)
        {
            string[] expected =
            [
                .. candidates
                    .OrderByDescending(c => c.Score)
                    .ThenBy(c => positiveAction && c.UnderRepresented ? 0 : 1)
                    .ThenBy(c => Selection.LotteryKey(seed, c.ApplicantId))
                    .ThenBy(c => c.ApplicantId, StringComparer.Ordinal)
                    .Select(c => c.ApplicantId),
            ];

            Selection selection = Selection.Of([.. candidates.Reverse()], candidates.Length, seed, positiveActionTieBreak: positiveAction);

            Assert.Equal(expected, selection.Selected.Select(o => o.Candidate.ApplicantId).ToArray());
        }
    }

    [Fact]
    public void SetAllocation_AuthoritiesOfEqualSize_AreDealtInOrderOfTheirSeededHash()
    {
        // One participant per authority and one background: nothing is exchanged, so the sets show the dealing order.
        SetParticipant[] participants = [.. Enumerable.Range(0, 12).Select(i => new SetParticipant($"p{i}", $"LA{i}", "education"))];

        for (long seed = 0; seed < 10; seed++)
        {
            string[] dealt = [.. participants.OrderBy(p => Selection.LotteryKey(seed, p.AuthorityCode)).ThenBy(p => p.AuthorityCode, StringComparer.Ordinal).Select(p => p.ParticipantId)];

            Assert.Equal(Dealt(dealt, 3), Sets(SetAllocation.Of(participants, new GroupSizeBounds(3, 4), seed)));
        }
    }

    [Fact]
    public void SetAllocation_TheParticipantsOfAnAuthority_AreDealtInOrderOfTheirSeededHash()
    {
        SetParticipant[] participants = [.. Enumerable.Range(0, 12).Select(i => new SetParticipant($"p{i}", "LA", "education"))];

        for (long seed = 0; seed < 10; seed++)
        {
            string[] dealt = [.. participants.OrderBy(p => Selection.LotteryKey(seed, p.ParticipantId)).ThenBy(p => p.ParticipantId, StringComparer.Ordinal).Select(p => p.ParticipantId)];

            Assert.Equal(Dealt(dealt, 3), Sets(SetAllocation.Of(participants, new GroupSizeBounds(3, 4), seed)));
        }
    }

    private static string[][] Dealt(string[] sequence, int sets) =>
        [.. Enumerable.Range(0, sets).Select(j => sequence.Where((_, p) => p % sets == j).Order(StringComparer.Ordinal).ToArray())];

    private static string[][] Sets(SetAllocation allocation) =>
        [.. allocation.Sets.Select(s => s.Participants.Select(p => p.ParticipantId).ToArray())];

    private static CompositionDimension Dimension(string name) => new(name, [new CategoryCount("x", 1)], null);

    private static RecordResult<CandidateProfile>[] ReadCandidates(string text, BatchFormat format = BatchFormat.Auto) =>
        [.. CandidateDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), format)];
}
