using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;
using static Upon.Core.Testing.EligibilityDocumentGenerators;

namespace Upon.Core.Tests.Eligibility;

/// <summary>Streaming batches of application documents: arrays and JSON Lines, errors that do not stop the batch, laziness.</summary>
public sealed class EligibilityBatchTests
{
    private static readonly EligibilityBatch BuiltIn = new(PolicyRegistry.BuiltIn);

    /// <summary>The four valid example documents: eligible, ineligible with eligible-from, eligible by the transferable route, incomplete.</summary>
    private static readonly string[] Examples = [.. File.ReadAllLines(Repository.PathOf("docs", "examples", "applications.jsonl")).Take(4)];

    [Fact]
    public void Examples_AreDecidedAsTheirDocumentationSays()
    {
        List<RecordResult<EligibilityDecision>> items = Evaluate(BuiltIn, string.Join("\n", Examples), BatchFormat.JsonLines);

        Assert.Equal(
            [EligibilityOutcome.Eligible, EligibilityOutcome.Ineligible, EligibilityOutcome.Eligible, EligibilityOutcome.Incomplete],
            items.Select(i => i.Value!.Outcome));
        Assert.Equal(new LocalDate(2022, 1, 7), items[1].Value!.EligibleFrom);
        Assert.Equal(CriterionOutcome.Pass, Find(items[2].Value!.Explanation, BuiltInPolicies.TransferableRouteCode).Outcome);
        Assert.Equal(CriterionOutcome.Fail, Find(items[2].Value!.Explanation, BuiltInPolicies.LocalGovernmentRouteCode).Outcome);
    }

    [Property]
    public Property ArrayAndJsonLines_GiveTheSameDecisionsInInputOrder_WhateverTheDetection()
    {
        EligibilityBatch batch = new(PolicyRegistry.BuiltIn, policy: BuiltInPolicies.Year2);
        Gen<Application[]> batches = Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Applications(), n));

        return Prop.ForAll(Arb.From(batches), applications =>
        {
            string[] documents = [.. applications.Select(a => Json(a))];
            string lines = string.Join("\n", documents);
            string array = "[\n" + string.Join(",\n", documents) + "\n]";
            EligibilityDecision[] expected = [.. applications.Select(a => BuiltInPolicies.Year2.Decide(a))];

            foreach ((string text, BatchFormat format, bool seekable) in new[]
            {
                (lines, BatchFormat.JsonLines, true), (lines, BatchFormat.Auto, true), (lines, BatchFormat.Auto, false),
                (array, BatchFormat.JsonArray, true), (array, BatchFormat.Auto, true), (array, BatchFormat.Auto, false),
            })
            {
                List<RecordResult<EligibilityDecision>> items = Evaluate(batch, text, format, seekable);
                Assert.Equal(expected.Length, items.Count);
                Assert.Equal(items.Select(i => i.RecordNumber).Order(), items.Select(i => i.RecordNumber));
                Assert.Equal(items.Count, items.Select(i => i.RecordNumber).Distinct().Count());
                Assert.Equal(expected, items.Select(i => i.Value));
                Assert.All(items, i => Assert.Empty(i.Problems));
            }
        });
    }

    [Fact]
    public void Auto_DetectsAnArrayAfterWhiteSpaceAndAByteOrderMark_FromANonSeekableStream()
    {
        string array = "\uFEFF \r\n\t [" + string.Join(",", Examples) + "]";

        List<RecordResult<EligibilityDecision>> items = Evaluate(BuiltIn, array, BatchFormat.Auto, seekable: false);

        Assert.Equal(4, items.Count);
        Assert.Equal([1, 2, 3, 4], items.Select(i => i.RecordNumber));
        Assert.All(items, i => Assert.True(i.IsValid));
    }

    [Theory]
    [InlineData(BatchFormat.Auto)]
    [InlineData(BatchFormat.JsonArray)]
    [InlineData(BatchFormat.JsonLines)]
    public void AByteOrderMark_IsSkipped_InEveryFormat(BatchFormat format)
    {
        string text = format == BatchFormat.JsonLines ? "\uFEFF" + string.Join("\n", Examples) : "\uFEFF[" + string.Join(",", Examples) + "]";

        List<RecordResult<EligibilityDecision>> items = Evaluate(BuiltIn, text, format);

        Assert.Equal(["A-001", "A-002", "A-003", "A-004"], items.Select(i => i.Value?.ApplicationId));
    }

    [Fact]
    public void Auto_OnASeekableStream_StartsWhereTheStreamIs()
    {
        byte[] prefix = Encoding.UTF8.GetBytes("garbage that is not read\n");
        MemoryStream stream = new([.. prefix, .. Encoding.UTF8.GetBytes("[" + Examples[0] + "]")]) { Position = prefix.Length };

        RecordResult<EligibilityDecision> item = Assert.Single(BuiltIn.Evaluate(stream));

        Assert.Equal("A-001", item.Value!.ApplicationId);
    }

    [Fact]
    public void JsonLines_BlankLinesAreSkipped_IndexCountsDocumentsAndLineCountsLines()
    {
        string text = "\n" + Examples[0] + "\r\n   \n\t\r\n" + Examples[1] + "\r\n\n" + Examples[2] + "\n\n";

        List<RecordResult<EligibilityDecision>> items = Evaluate(BuiltIn, text, BatchFormat.Auto);

        Assert.Equal([2, 5, 7], items.Select(i => i.RecordNumber));
        Assert.Equal(["A-001", "A-002", "A-003"], items.Select(i => i.Value!.ApplicationId));
    }

    [Fact]
    public void JsonLines_ALastLineWithoutNewline_IsRead()
    {
        List<RecordResult<EligibilityDecision>> items = Evaluate(BuiltIn, Examples[0] + "\n" + Examples[1], BatchFormat.JsonLines);

        Assert.Equal(["A-001", "A-002"], items.Select(i => i.Value!.ApplicationId));
    }

    [Property]
    public Property JsonLines_BadLinesAreOneErrorEach_AndTheBatchGoesOn()
    {
        string[] bad =
        [
            "{\"id\": ",
            "[1, 2]",
            "null",
            Examples[0].Replace("\"level\":\"assistantDirector\"", "\"level\":\"assistant\"", StringComparison.Ordinal),
            Examples[0].Replace("\"programmeYear\":\"2021/22\"", "\"programmeYear\":\"2041/42\"", StringComparison.Ordinal),
            "{\"id\": \"A\"} trailing",
        ];
        Gen<(bool Valid, int Which)[]> mixes = Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(
            from valid in Gen.Elements(true, false)
            from which in Gen.Choose(0, 5)
            select (valid, which), n));

        return Prop.ForAll(Arb.From(mixes), mix =>
        {
            string[] lines = [.. mix.Select(m => m.Valid ? Examples[m.Which % Examples.Length] : bad[m.Which])];

            List<RecordResult<EligibilityDecision>> items = Evaluate(BuiltIn, string.Join("\n", lines), BatchFormat.JsonLines);

            Assert.Equal(lines.Length, items.Count);
            BatchSummary summary = items.Aggregate(default(BatchSummary), (s, i) => s.Add(i));
            Assert.Equal(lines.Length, summary.Documents);
            Assert.Equal(summary.Documents, summary.Decisions + summary.Errors);
            Assert.Equal(summary.Decisions, summary.Eligible + summary.Ineligible + summary.Incomplete);
            Assert.Equal(mix.Count(m => m.Valid), summary.Decisions);
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.Equal(i + 1, items[i].RecordNumber);
                Assert.Equal(mix[i].Valid, items[i].IsValid);
                Assert.Equal(mix[i].Valid, items[i].Problems.IsEmpty);
                Assert.Equal(mix[i].Valid, items[i].Value is not null);
            }
        });
    }

    [Fact]
    public void JsonLines_EachKindOfBadLine_HasItsPathAndCode()
    {
        string text = string.Join(
            "\n",
            "{\"id\": ",
            "[1, 2]",
            Examples[0].Replace("\"sector\":\"childrensServices\"", "\"sector\":\"childrenServices\"", StringComparison.Ordinal),
            Examples[0].Replace("\"programmeYear\":\"2021/22\"", "\"programmeYear\":\"2041/42\"", StringComparison.Ordinal),
            Examples[1]);

        List<RecordResult<EligibilityDecision>> items = Evaluate(BuiltIn, text, BatchFormat.JsonLines);

        Assert.Equal(
            ["$ json.invalid", "$ value.type-mismatch", "$.roles[0].sector value.unknown", "$.programmeYear policy.not-found", string.Empty],
            items.Select(i => string.Join(";", i.Problems.Select(p => $"{p.Path} {p.Code}"))));
        Assert.Equal("A-002", items[4].Value!.ApplicationId);
    }

    [Fact]
    public void JsonLines_InvalidExample_ReportsEveryProblemOfTheDocument()
    {
        string invalid = File.ReadAllLines(Repository.PathOf("docs", "examples", "applications.jsonl"))[4];

        RecordResult<EligibilityDecision> item = Assert.Single(Evaluate(BuiltIn, invalid, BatchFormat.JsonLines));

        Assert.Equal(
            ["$.roles[0].sector value.unknown", "$.roles[0].start date.invalid"],
            item.Problems.Select(p => $"{p.Path} {p.Code}"));
    }

    [Fact]
    public void Array_AnInvalidElementIsOneError_AndTheBatchGoesOn()
    {
        string array = "[" + Examples[0] + ", 42, {\"id\": \"A-9\"}, " + Examples[1] + "]";

        List<RecordResult<EligibilityDecision>> items = Evaluate(BuiltIn, array, BatchFormat.Auto);

        Assert.Equal(4, items.Count);
        Assert.Equal([true, false, false, true], items.Select(i => i.IsValid));
        Assert.Equal("$ value.type-mismatch", string.Join(";", items[1].Problems.Select(p => $"{p.Path} {p.Code}")));
        Assert.Equal(
            ["$.programmeYear value.required", "$.assessedOn value.required", "$.roles value.required"],
            items[2].Problems.Select(p => $"{p.Path} {p.Code}"));
        Assert.Equal([1, 2, 3, 4], items.Select(i => i.RecordNumber));
    }

    [Theory]
    [InlineData("{\"id\": ,}")]
    [InlineData("{\"id\": \"A\" \"x\": 1}")]
    [InlineData("}")]
    public void Array_ASyntaxErrorEndsTheBatchWithOneJsonInvalidError(string broken)
    {
        string array = "[" + Examples[0] + ", " + broken + ", " + Examples[1] + "]";

        List<RecordResult<EligibilityDecision>> items = Evaluate(BuiltIn, array, BatchFormat.JsonArray);

        Assert.Equal(2, items.Count);
        Assert.True(items[0].IsValid);
        DocumentProblem problem = Assert.Single(items[1].Problems);
        Assert.Equal(DocumentProblemCodes.JsonInvalid, problem.Code);
        Assert.Equal(2, items[1].RecordNumber);
    }

    [Fact]
    public void Array_NotClosed_EndsWithOneJsonInvalidError()
    {
        List<RecordResult<EligibilityDecision>> items = Evaluate(BuiltIn, "[" + Examples[0] + ", " + Examples[1], BatchFormat.JsonArray);

        Assert.Equal([true, true, false], items.Select(i => i.IsValid));
        Assert.Equal(DocumentProblemCodes.JsonInvalid, Assert.Single(items[2].Problems).Code);
    }

    [Theory]
    [InlineData("{}", DocumentProblemCodes.TypeMismatch)]
    [InlineData("42", DocumentProblemCodes.TypeMismatch)]
    public void Array_WhenTheDocumentIsNoArray_IsOneError(string text, string code)
    {
        RecordResult<EligibilityDecision> item = Assert.Single(Evaluate(BuiltIn, text, BatchFormat.JsonArray));

        Assert.Equal(code, Assert.Single(item.Problems).Code);
    }

    [Fact]
    public void EmptyInputs_GiveNoResults()
    {
        Assert.Empty(Evaluate(BuiltIn, string.Empty, BatchFormat.Auto));
        Assert.Empty(Evaluate(BuiltIn, "\n\n  \n", BatchFormat.JsonLines));
        Assert.Empty(Evaluate(BuiltIn, " [ ] ", BatchFormat.Auto));
        Assert.Empty(Evaluate(BuiltIn, string.Empty, BatchFormat.JsonArray));
        Assert.Empty(Evaluate(BuiltIn, "\uFEFF \n", BatchFormat.JsonArray));
    }

    [Theory]
    [InlineData(3_000)]
    [InlineData(200_000)]
    public void JsonLines_ALineOverTheLimit_IsDocumentTooLarge_AndTheNextLineIsRead(int length)
    {
        EligibilityBatch batch = new(PolicyRegistry.BuiltIn, maxBytes: 2_000);
        string huge = "{\"id\": \"" + new string('x', length) + "\"}";

        List<RecordResult<EligibilityDecision>> items = Evaluate(batch, Examples[0] + "\n" + huge + "\n" + Examples[1] + "\n" + huge, BatchFormat.JsonLines);

        Assert.Equal(4, items.Count);
        Assert.Equal("A-001", items[0].Value!.ApplicationId);
        Assert.Equal(DocumentProblemCodes.DocumentTooLarge, Assert.Single(items[1].Problems).Code);
        Assert.Equal("A-002", items[2].Value!.ApplicationId);
        Assert.Equal(DocumentProblemCodes.DocumentTooLarge, Assert.Single(items[3].Problems).Code);
        Assert.Equal([1, 2, 3, 4], items.Select(i => i.RecordNumber));
    }

    [Fact]
    public void JsonLines_ALineOfExactlyTheLimit_IsRead()
    {
        byte[] line = Encoding.UTF8.GetBytes(Examples[0]);
        EligibilityBatch exact = new(PolicyRegistry.BuiltIn, maxBytes: line.Length);
        EligibilityBatch under = new(PolicyRegistry.BuiltIn, maxBytes: line.Length - 1);

        Assert.True(Assert.Single(Evaluate(exact, Examples[0] + "\n", BatchFormat.JsonLines)).IsValid);
        Assert.Equal(DocumentProblemCodes.DocumentTooLarge, Assert.Single(Assert.Single(Evaluate(under, Examples[0] + "\n", BatchFormat.JsonLines)).Problems).Code);
    }

    [Fact]
    public void Array_AnElementOverTheLimit_EndsTheBatchWithDocumentTooLarge()
    {
        EligibilityBatch batch = new(PolicyRegistry.BuiltIn, maxBytes: 2_000);
        string array = "[" + Examples[0] + ", {\"id\": \"" + new string('x', 200_000) + "\"}, " + Examples[1] + "]";

        List<RecordResult<EligibilityDecision>> items = Evaluate(batch, array, BatchFormat.JsonArray);

        Assert.True(items[0].IsValid);
        Assert.Equal(DocumentProblemCodes.DocumentTooLarge, Assert.Single(items[^1].Problems).Code);
        Assert.Equal(items.Count, items.Select(i => i.RecordNumber).Distinct().Count());
    }

    [Fact]
    public void NoGoverningPolicy_IsPolicyNotFoundAtTheProgrammeYear()
    {
        string application = Examples[0].Replace("\"assessedOn\":\"2021-06-01\"", "\"assessedOn\":\"2023-06-01\"", StringComparison.Ordinal);

        RecordResult<EligibilityDecision> item = Assert.Single(Evaluate(BuiltIn, application, BatchFormat.Auto));

        DocumentProblem problem = Assert.Single(item.Problems);
        Assert.Equal(("$.programmeYear", EligibilityProblemCodes.PolicyNotFound), (problem.Path, problem.Code));
        Assert.DoesNotContain("Northshire", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsOf_IsHonoured_AndChoosesThePolicyByThatDate()
    {
        EligibilityBatch later = new(PolicyRegistry.BuiltIn, asOf: new LocalDate(2022, 2, 1));

        List<RecordResult<EligibilityDecision>> items = Evaluate(later, string.Join("\n", Examples), BatchFormat.JsonLines);

        Assert.All(items, i => Assert.Equal(new LocalDate(2022, 2, 1), i.Value!.AsOf));
        Assert.Equal(EligibilityOutcome.Eligible, items[1].Value!.Outcome);
        Assert.Equal(BuiltInPolicies.Year2.Id, items[1].Value!.PolicyId);

        EligibilityBatch outside = new(PolicyRegistry.BuiltIn, asOf: new LocalDate(2022, 9, 1));
        Assert.All(Evaluate(outside, string.Join("\n", Examples), BatchFormat.JsonLines), i => Assert.Equal(EligibilityProblemCodes.PolicyNotFound, Assert.Single(i.Problems).Code));
    }

    [Fact]
    public void FixedPolicy_IsHonoured_WhateverTheYearAndDate()
    {
        EligibilityBatch year1 = new(PolicyRegistry.BuiltIn, policy: BuiltInPolicies.Year1);
        string future = Examples[2].Replace("\"programmeYear\":\"2021/22\"", "\"programmeYear\":\"2041/42\"", StringComparison.Ordinal);

        List<RecordResult<EligibilityDecision>> items = Evaluate(year1, Examples[2] + "\n" + future, BatchFormat.JsonLines);

        Assert.All(items, i => Assert.Equal(BuiltInPolicies.Year1.Id, i.Value!.PolicyId));
        Assert.All(items, i => Assert.Equal(EligibilityOutcome.Ineligible, i.Value!.Outcome));
    }

    [Fact]
    public void Evaluate_ReadsNothingUntilEnumerated()
    {
        TripwireStream stream = new([]);

        IEnumerable<RecordResult<EligibilityDecision>> items = BuiltIn.Evaluate(stream, BatchFormat.JsonLines);

        Assert.Equal(0, stream.Reads);
        Assert.Throws<InvalidOperationException>(() => items.First());
    }

    [Theory]
    [InlineData(BatchFormat.JsonLines)]
    [InlineData(BatchFormat.JsonArray)]
    public void Evaluate_ReadsOnlyAsFarAsTheEnumeration(BatchFormat format)
    {
        // The stream serves the first document, then fails if read again: what follows would be invalid.
        string first = format == BatchFormat.JsonArray ? "[" + Examples[0] + "," : Examples[0] + "\n";
        TripwireStream stream = new(Encoding.UTF8.GetBytes(first));

        RecordResult<EligibilityDecision> item = BuiltIn.Evaluate(stream, format).First();

        Assert.Equal("A-001", item.Value!.ApplicationId);
        Assert.Equal(1, stream.Reads);
    }

    [Fact]
    public void Evaluate_StreamsTwentyThousandGeneratedApplications()
    {
        const int Count = 20_000;
        using GeneratedLinesStream stream = new(Count);
        int seen = 0;

        foreach (RecordResult<EligibilityDecision> item in BuiltIn.Evaluate(stream, BatchFormat.Auto))
        {
            Assert.Equal(seen + 1, item.RecordNumber);
            Assert.True(item.IsValid);
            Assert.Equal(GeneratedLinesStream.IdOf(seen), item.Value!.ApplicationId);
            seen++;
        }

        Assert.Equal(Count, seen);
        Assert.True(stream.LargestRead < 1024 * 1024);
    }

    [Fact]
    public void Decide_WithAndWithoutAPolicy()
    {
        Application application = ApplicationDocument.Parse(Examples[0]).GetValueOrThrow().Application;

        RecordResult<EligibilityDecision> item = BuiltIn.Decide(application, 9);

        Assert.Equal(9, item.RecordNumber);
        Assert.Equal(PolicyRegistry.BuiltIn.Find("2021/22", application.AssessedOn)!.Decide(application), item.Value);
        Assert.Throws<ArgumentNullException>(() => BuiltIn.Evaluate(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EligibilityBatch(PolicyRegistry.BuiltIn, maxBytes: 0));
    }

    [Fact]
    public void Summary_CountsAndWordsItsLine()
    {
        BatchSummary summary = Evaluate(BuiltIn, string.Join("\n", File.ReadAllLines(Repository.PathOf("docs", "examples", "applications.jsonl"))), BatchFormat.Auto)
            .Aggregate(default(BatchSummary), (s, i) => s.Add(i));

        Assert.Equal(new BatchSummary(5, 4, 1, 2, 1, 1), summary);
        Assert.Equal("5 documents: 4 decisions (2 eligible, 1 ineligible, 1 incomplete), 1 error", summary.ToString());
        Assert.Equal("1 document: 1 decision (1 eligible, 0 ineligible, 0 incomplete), 0 errors", new BatchSummary(1, 1, 0, 1, 0, 0).ToString());
    }

    private static CriterionResult Find(CriterionResult result, string code) =>
        result.Code == code ? result : result.Results.Select(r => FindOrNull(r, code)).First(r => r is not null)!;

    private static CriterionResult? FindOrNull(CriterionResult result, string code) =>
        result.Code == code ? result : result.Results.Select(r => FindOrNull(r, code)).FirstOrDefault(r => r is not null);

    private static List<RecordResult<EligibilityDecision>> Evaluate(EligibilityBatch batch, string text, BatchFormat format, bool seekable = true)
    {
        Stream stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        if (!seekable)
        {
            stream = new NonSeekableStream(stream);
        }

        return [.. batch.Evaluate(stream, format)];
    }

    /// <summary>Hides a stream's ability to seek, and returns at most a few bytes a read, as a pipe may.</summary>
    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Serves its content in one read, then throws on any further read.</summary>
    private sealed class TripwireStream(byte[] content) : Stream
    {
        public int Reads { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Reads++ > 0 || content.Length == 0)
            {
                throw new InvalidOperationException("Read beyond what the enumeration needed.");
            }

            Assert.True(count >= content.Length);
            content.CopyTo(buffer, offset);
            return content.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>JSON Lines of applications made up as they are read: the batch is never in memory as a whole.</summary>
    private sealed class GeneratedLinesStream(int documents) : Stream
    {
        private byte[] pending = [];
        private int position;
        private int next;

        public int LargestRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public static string IdOf(int index) => "G-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public override int Read(byte[] buffer, int offset, int count)
        {
            LargestRead = Math.Max(LargestRead, count);
            int written = 0;
            while (written < count)
            {
                if (position == pending.Length)
                {
                    if (next == documents)
                    {
                        break;
                    }

                    pending = Encoding.UTF8.GetBytes(Json(Make(next++)) + "\n");
                    position = 0;
                }

                int n = Math.Min(count - written, pending.Length - position);
                pending.AsSpan(position, n).CopyTo(buffer.AsSpan(offset + written));
                position += n;
                written += n;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static Application Make(int index)
        {
            LocalDate start = new LocalDate(2015, 1, 1).PlusDays(index % 2000);
            Role role = new("Head of Service", "A council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, start);
            return new Application(IdOf(index), "2021/22", new LocalDate(2021, 6, 1), [role], new LocalDate(2023, 1, 1), "Children first.");
        }
    }
}
