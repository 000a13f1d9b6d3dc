using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Cohorts;

/// <summary><see cref="CandidateDocument"/>: layouts, every problem code, duplicates, records in = candidates + reported, round trips.</summary>
public sealed class CandidateDocumentTests
{
    private const string Good = """{"applicantId":"A1","authority":"LA1","eligibility":"eligible","score":78.5}""";

    [Fact]
    public void Read_JsonLines_GivesEveryFieldWithLineNumbers()
    {
        RecordResult<CandidateProfile>[] records = Read(
            Good + "\n\n"
            + """{"applicantId":"A2","authority":"LA2","eligibility":"incomplete","score":-3,"underRepresented":true,"background":"education","ethnicity":"Irish","disability":"not disabled","region":"London","organisationType":"local authority"}""" + "\n");

        Assert.Equal([1, 3], records.Select(r => r.RecordNumber));
        CandidateProfile first = records[0].Value!;
        Assert.Equal(new SelectionCandidate("A1", "LA1", EligibilityOutcome.Eligible, 78.5m), first.Candidate);
        Assert.Null(first.Background);
        CandidateProfile second = records[1].Value!;
        Assert.Equal(new SelectionCandidate("A2", "LA2", EligibilityOutcome.Incomplete, -3m, underRepresented: true), second.Candidate);
        Assert.Equal(
            ["education", "Irish", "not disabled", "London", "local authority"],
            Enum.GetValues<CompositionField>().Select(second.Get));
    }

    [Fact]
    public void Read_ArrayAndSingleDocument_NumberRecordsByPosition()
    {
        RecordResult<CandidateProfile>[] array = Read("[\n  " + Good + ",\n  " + Good.Replace("A1", "A2", StringComparison.Ordinal) + "\n]");
        RecordResult<CandidateProfile>[] single = Read("{\n  \"applicantId\": \"A1\",\n  \"authority\": \"LA1\",\n  \"eligibility\": \"ineligible\",\n  \"score\": 0\n}\n");

        Assert.Equal([1, 2], array.Select(r => r.RecordNumber));
        Assert.All(array, r => Assert.True(r.IsValid));
        RecordResult<CandidateProfile> one = Assert.Single(single);
        Assert.Equal(EligibilityOutcome.Ineligible, one.Value!.Candidate.Eligibility);
    }

    [Fact]
    public void Read_ExplicitFormats_AreHonoured()
    {
        Assert.Equal(2, Read(Good + "\n" + Good.Replace("A1", "A2", StringComparison.Ordinal), BatchFormat.JsonLines).Count(r => r.IsValid));
        Assert.Equal(DocumentProblemCodes.TypeMismatch, Assert.Single(Read(Good, BatchFormat.JsonArray)).Problems[0].Code);
    }

    [Theory]
    [InlineData("""{"authority":"LA1","eligibility":"eligible","score":1}""", "$.applicantId", DocumentProblemCodes.Required)]
    [InlineData("""{"applicantId":" ","authority":"LA1","eligibility":"eligible","score":1}""", "$.applicantId", DocumentProblemCodes.Empty)]
    [InlineData("""{"applicantId":"A","authority":7,"eligibility":"eligible","score":1}""", "$.authority", DocumentProblemCodes.TypeMismatch)]
    [InlineData("""{"applicantId":"A","authority":"LA1","eligibility":"maybe","score":1}""", "$.eligibility", DocumentProblemCodes.UnknownValue)]
    [InlineData("""{"applicantId":"A","authority":"LA1","eligibility":"Eligible","score":1}""", "$.eligibility", DocumentProblemCodes.UnknownValue)]
    [InlineData("""{"applicantId":"A","authority":"LA1","eligibility":"eligible"}""", "$.score", DocumentProblemCodes.Required)]
    [InlineData("""{"applicantId":"A","authority":"LA1","eligibility":"eligible","score":null}""", "$.score", DocumentProblemCodes.Required)]
    [InlineData("""{"applicantId":"A","authority":"LA1","eligibility":"eligible","score":"78"}""", "$.score", DocumentProblemCodes.TypeMismatch)]
    [InlineData("""{"applicantId":"A","authority":"LA1","eligibility":"eligible","score":1,"underRepresented":"yes"}""", "$.underRepresented", DocumentProblemCodes.TypeMismatch)]
    [InlineData("""{"applicantId":"A","authority":"LA1","eligibility":"eligible","score":1,"region":""}""", "$.region", DocumentProblemCodes.Empty)]
    [InlineData("""{"applicantId":"A","authority":"LA1","eligibility":"eligible","score":1,"scores":2}""", "$.scores", DocumentProblemCodes.UnknownProperty)]
    [InlineData("""["A"]""", "$", DocumentProblemCodes.TypeMismatch)]
    [InlineData("""{"applicantId":"A",""", "$", DocumentProblemCodes.JsonInvalid)]
    public void Read_BadRecord_ReportsPathAndCodeWithoutTheValue(string line, string path, string code)
    {
        RecordResult<CandidateProfile> record = Assert.Single(Read(line + "\n"));

        Assert.False(record.IsValid);
        DocumentProblem problem = Assert.Single(record.Problems);
        Assert.Equal((path, code), (problem.Path, problem.Code));
        Assert.DoesNotContain("78", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("maybe", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("yes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ScoreAsString_NamesTheField()
    {
        DocumentProblem problem = Read("""{"applicantId":"A","authority":"LA1","eligibility":"eligible","score":"78"}""").Single().Problems.Single();

        Assert.Equal("$.score: Expected a number, but found a string. (value.type-mismatch)", problem.ToString());
    }

    [Fact]
    public void Read_EveryProblemOfARecordIsReported()
    {
        RecordResult<CandidateProfile> record = Assert.Single(Read("""{"applicantId":"","eligibility":"no","score":"1","extra":1}"""));

        Assert.Equal(
            [DocumentProblemCodes.UnknownProperty, DocumentProblemCodes.Empty, DocumentProblemCodes.Required, DocumentProblemCodes.UnknownValue, DocumentProblemCodes.TypeMismatch],
            record.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Read_DuplicateApplicantId_ReportsTheLaterRecordWithTheFirstRecordsNumber()
    {
        RecordResult<CandidateProfile>[] records = Read(Good + "\n" + Good.Replace("LA1", "LA2", StringComparison.Ordinal) + "\n" + Good.Replace("A1", "a1", StringComparison.Ordinal) + "\n" + Good + "\n");

        Assert.Equal([true, false, true, false], records.Select(r => r.IsValid));
        DocumentProblem problem = Assert.Single(records[1].Problems);
        Assert.Equal(("$.applicantId", CohortProblemCodes.ApplicantDuplicate), (problem.Path, problem.Code));
        Assert.Equal("The applicant id is already used by record 1; applicant ids must be unique.", problem.Message);
        Assert.Equal(CohortProblemCodes.ApplicantDuplicate, records[3].Problems.Single().Code);
    }

    [Fact]
    public void Read_SyntaxErrorInAnArray_EndsWithOneProblemRecord_InJsonLinesOnlyItsLine()
    {
        RecordResult<CandidateProfile>[] array = Read("[" + Good + ", {\"applicantId\": ]");
        RecordResult<CandidateProfile>[] lines = Read(Good + "\n{\"applicantId\": \n" + Good.Replace("A1", "A2", StringComparison.Ordinal) + "\n");

        Assert.Equal([true, false], array.Select(r => r.IsValid));
        Assert.Equal(DocumentProblemCodes.JsonInvalid, array[1].Problems.Single().Code);
        Assert.Equal([true, false, true], lines.Select(r => r.IsValid));
        Assert.Equal(2, lines[1].RecordNumber);
    }

    [Fact]
    public void Read_RecordOverTheLimit_IsReportedAsTooLarge()
    {
        RecordResult<CandidateProfile> record = Assert.Single(CandidateDocument.Read(Stream(Good + "\n"), BatchFormat.JsonLines, maxBytes: 20));

        Assert.Equal(DocumentProblemCodes.DocumentTooLarge, record.Problems.Single().Code);
    }

    [Fact]
    public void Read_EmptyArray_HasNoRecords_AndAnEmptyFileNeither()
    {
        Assert.Empty(Read("[]"));
        Assert.Empty(Read(string.Empty));
    }

    [Fact]
    public void Arguments_AreChecked()
    {
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => CandidateDocument.Read(null!)).ParamName);
        Assert.Equal("maxBytes", Assert.Throws<ArgumentOutOfRangeException>(() => CandidateDocument.Read(Stream(Good), maxBytes: 0)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => CandidateDocument.Write(new MemoryStream(), [null!])).ParamName);
        Assert.Equal("Candidate", Assert.Throws<ArgumentNullException>(() => new CandidateProfile(null!)).ParamName);
        Assert.Equal("recordNumber", Assert.Throws<ArgumentOutOfRangeException>(() => RecordResult.Failure<CandidateProfile>(-1, [new DocumentProblem("$", "c", "m")])).ParamName);
        Assert.Equal("problems", Assert.Throws<ArgumentException>(() => RecordResult.Failure<CandidateProfile>(1, [])).ParamName);
    }

    [Fact]
    public void Summary_CountsRecordsCandidatesAndReported()
    {
        CandidateSummary summary = Read(Good + "\n" + Good + "\n").Aggregate(default(CandidateSummary), (s, r) => s.Add(r));

        Assert.Equal(new CandidateSummary(2, 1, 1), summary);
        Assert.Equal("2 records: 1 candidate, 1 reported", summary.ToString());
    }

    [Property]
    public Property WriteThenRead_GivesTheSameCandidates() =>
        Prop.ForAll(Arb.From(Profiles()), profiles =>
        {
            using MemoryStream stream = new();
            CandidateDocument.Write(stream, profiles);
            stream.Position = 0;
            RecordResult<CandidateProfile>[] records = [.. CandidateDocument.Read(stream)];

            Assert.Equal(profiles.Length, records.Length);
            Assert.All(records, r => Assert.True(r.IsValid, string.Join("; ", r.Problems)));
            Assert.Equal(profiles, records.Select(r => r.Value));
        });

    [Property]
    public Property RecordsIn_EqualCandidatesPlusReported_WhateverTheLines() =>
        Prop.ForAll(Arb.From(Lines()), lines =>
        {
            RecordResult<CandidateProfile>[] records = Read(string.Join("\n", lines), BatchFormat.JsonLines);
            int nonBlank = lines.Count(l => l.Trim().Length > 0);

            Assert.Equal(nonBlank, records.Length);
            Assert.Equal(records.Length, records.Count(r => r.IsValid) + records.Count(r => !r.IsValid));
            Assert.All(records, r => Assert.True(r.IsValid != r.Problems.Length > 0));
            Assert.Equal(records.Length, records.Select(r => r.RecordNumber).Distinct().Count());
            string[] ids = [.. records.Where(r => r.IsValid).Select(r => r.Value!.Candidate.ApplicantId)];
            Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        });

    /// <summary>Candidates with distinct ids, any eligibility, decimal scores of several scales, some attributes left out.</summary>
    internal static Gen<CandidateProfile[]> Profiles() =>
        from count in Gen.Choose(0, 12)
        from items in (
            from authority in Gen.Elements("LA1", "LA2", "é-3", "Q\"4")
            from eligibility in Gen.Elements(EligibilityOutcome.Eligible, EligibilityOutcome.Ineligible, EligibilityOutcome.Incomplete)
            from units in Gen.Choose(-100_000, 100_000)
            from scale in Gen.Choose(0, 6)
            from flag in Gen.Elements(true, false)
            from attributes in Gen.Elements<string?>(null, "children's social care", "Irish", "North East", "“quoted”").ArrayOf(5)
            select (authority, eligibility, score: new decimal(Math.Abs(units), 0, 0, units < 0, (byte)scale), flag, attributes)).ArrayOf(count)
        select items.Select((c, i) => new CandidateProfile(
            new SelectionCandidate($"id-{i}", c.authority, c.eligibility, c.score, c.flag),
            c.attributes[0],
            c.attributes[1],
            c.attributes[2],
            c.attributes[3],
            c.attributes[4])).ToArray();

    /// <summary>JSON Lines of good records, duplicates, bad fields, broken JSON and blank lines.</summary>
    private static Gen<string[]> Lines() =>
        Gen.OneOf(
            Gen.Choose(0, 5).Select(i => $"{{\"applicantId\":\"A{i}\",\"authority\":\"LA\",\"eligibility\":\"eligible\",\"score\":{i}}}"),
            Gen.Choose(0, 5).Select(i => $"{{\"applicantId\":\"A{i}\",\"authority\":\"LA\",\"eligibility\":\"eligible\",\"score\":\"{i}\"}}"),
            Gen.Elements("{\"applicantId\":", "[1,2]", "  ", string.Empty, "{}", "null", "{\"applicantId\":\"B\",\"authority\":\"LA\",\"eligibility\":\"no\",\"score\":1}"))
        .ArrayOf();

    private static RecordResult<CandidateProfile>[] Read(string text, BatchFormat format = BatchFormat.Auto) => [.. CandidateDocument.Read(Stream(text), format)];

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
