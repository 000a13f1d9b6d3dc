using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Tests.Serialization;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// Ofsted judgement documents by property: what is written reads back in every format and layout, every record is
/// used or reported, the asynchronous readers read what the synchronous ones read however the bytes are split, and
/// validation does not depend on record order.
/// </summary>
public sealed class OfstedJudgementPropertyTests
{
    private static readonly AuthorityRegister Register = WorkforceGenerators.Register;

    /// <summary>An as-of date after every generated judgement.</summary>
    private static readonly LocalDate AfterEverything = new(2100, 1, 1);

    /// <summary>Bytes that matter to the readers: separators, quotes, brackets, line breaks, white space, byte order mark parts, bytes that are not UTF-8.</summary>
    private static readonly byte[] Specials = [(byte)',', (byte)'"', (byte)'\r', (byte)'\n', (byte)' ', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)':', 0xEF, 0xBB, 0xBF, 0xFF, 0xC3, 0xA9, (byte)'a', (byte)'1', (byte)'-'];

    /// <summary>Documents of zero to four judgements: CSV in any layout, JSON Lines or an array, some damaged by a byte edit; with their format.</summary>
    private static Arbitrary<(byte[] Bytes, bool Csv)> SmallDocuments() =>
        Arb.From(
            from count in Gen.Choose(0, 4)
            from rows in OfstedJudgementGenerators.Row().ArrayOf(count)
            from layout in AppointmentDocumentGenerators.Layout(OfstedJudgementGenerators.Columns.Length)
            from csv in Gen.Elements(true, false)
            from array in Gen.Elements(true, false)
            from edit in Gen.Frequency((2, Gen.Constant((At: -1, Byte: (byte)0))), (1, from at in Gen.Choose(0, 400) from b in Gen.Elements(Specials) select (At: at, Byte: b)))
            let bytes = csv
                ? OfstedJudgementGenerators.Csv(rows.Select(r => r.Row), layout)
                : DocumentText.Bytes(s => OfstedJudgementDocument.Write(s, GoodJudgements(rows), array ? BatchFormat.JsonArray : BatchFormat.JsonLines))
            select (edit.At < 0 ? bytes : [.. bytes.Take(edit.At % (bytes.Length + 1)), edit.Byte, .. bytes.Skip(edit.At % (bytes.Length + 1))], csv));

    [Property]
    public Property Csv_WriteThenRead_RoundTripsInEveryLayout() =>
        Prop.ForAll(OfstedJudgementGenerators.JudgementsWithLayout(), input =>
        {
            byte[] laidOut = OfstedJudgementGenerators.Csv(input.Judgements.Select(OfstedJudgementGenerators.Fields), input.Layout);
            StringWriter written = new();
            OfstedJudgementDocument.WriteCsv(written, input.Judgements);

            Assert.Equal(input.Judgements, OfstedJudgementDocument.ReadCsv(new MemoryStream(laidOut)).Select(r => r.Value));
            Assert.Equal(input.Judgements, OfstedJudgementDocument.ReadCsv(new StringReader(written.ToString())).Select(r => r.Value));
            Assert.Equal(Enumerable.Range(1, input.Judgements.Length), OfstedJudgementDocument.ReadCsv(new MemoryStream(laidOut)).Select(r => r.RecordNumber));
        });

    [Property]
    public Property Json_WriteThenRead_RoundTripsAsLinesAndArrays() =>
        Prop.ForAll(OfstedJudgementGenerators.JudgementsWithLayout(), input =>
        {
            foreach ((BatchFormat format, bool indented) in new[] { (BatchFormat.JsonLines, false), (BatchFormat.JsonArray, false), (BatchFormat.JsonArray, true) })
            {
                byte[] json = DocumentText.Bytes(s => OfstedJudgementDocument.Write(s, input.Judgements, format, indented));
                Assert.Equal(input.Judgements, OfstedJudgementDocument.Read(new MemoryStream(json)).Select(r => r.Value));
                Assert.Equal(input.Judgements, OfstedJudgementDocument.Read(new MemoryStream(json), format).Select(r => r.Value));
            }
        });

    [Property]
    public Property Csv_RecordsInEqualUsedPlusReported_ForAnyMixOfGoodAndBadRows() =>
        Prop.ForAll(OfstedJudgementGenerators.RowsWithLayout(), input =>
        {
            List<RecordResult<OfstedJudgement>> records = [.. OfstedJudgementDocument.ReadCsv(new MemoryStream(OfstedJudgementGenerators.Csv(input.Rows.Select(r => r.Row), input.Layout)))];
            OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate(records, AfterEverything);

            Assert.Equal(Enumerable.Range(1, input.Rows.Length), records.Select(r => r.RecordNumber));
            Assert.Equal(input.Rows.Select(r => r.Good), records.Select(r => r.IsValid));
            Assert.Equal(records.Count, result.Summary.Records);
            Assert.Equal(result.Summary.Records, result.Summary.Used + result.Summary.Reported);
            Assert.Equal(result.Summary.Used, result.Judgements.Count);
        });

    [Property]
    public Property ReadAsync_GivesWhatTheSynchronousReadersGive_SplitAtEveryPosition() =>
        Prop.ForAll(SmallDocuments(), input =>
        {
            List<RecordResult<OfstedJudgement>> expected = Sync(input.Bytes, input.Csv);
            for (int split = 1; split < input.Bytes.Length; split++)
            {
                Assert.Equal(expected, Sync(ChunkedStream.SplitAt(input.Bytes, split), input.Csv));
                Assert.Equal(expected, Async(ChunkedStream.SplitAt(input.Bytes, split), input.Csv));
                Assert.Equal(expected, AsyncFromPipe(PipeReader.Create(ChunkedStream.SplitAt(input.Bytes, split)), input.Csv));
            }
        });

    [Property]
    public Property ReadAsync_GivesWhatTheSynchronousReadersGive_InChunksOfAnySize() =>
        Prop.ForAll(OfstedJudgementGenerators.RowsWithLayout(), Arb.From(Gen.Choose(1, 9)), Arb.From(Gen.Elements(ProblemHandling.Continue, ProblemHandling.Stop)), (input, most, handling) =>
        {
            byte[] csv = OfstedJudgementGenerators.Csv(input.Rows.Select(r => r.Row), input.Layout);
            byte[] json = DocumentText.Bytes(s => OfstedJudgementDocument.Write(s, GoodJudgements(input.Rows)));
            Assert.Equal(
                OfstedJudgementDocument.ReadCsv(new MemoryStream(csv), handling),
                OfstedJudgementDocument.ReadCsvAsync(ChunkedStream.UpTo(csv, most), handling).ToBlockingEnumerable());
            Assert.Equal(
                OfstedJudgementDocument.Read(new MemoryStream(json), handling: handling),
                OfstedJudgementDocument.ReadAsync(ChunkedStream.UpTo(json, most), handling: handling).ToBlockingEnumerable());
        });

    [Property]
    public Property Validation_DoesNotDependOnRecordOrder() =>
        Prop.ForAll(OfstedJudgementGenerators.HistoriesShuffled(), input =>
        {
            OfstedJudgementValidationResult inOrder = OfstedJudgementValidation.Validate(Records(input.Judgements), Register, input.AsOf);
            OfstedJudgementValidationResult shuffled = OfstedJudgementValidation.Validate(Records(input.Shuffled), Register, input.AsOf);

            Assert.Equal(Problems(input.Judgements, inOrder), Problems(input.Shuffled, shuffled));
            Assert.Equal(inOrder.Summary, shuffled.Summary);
            Assert.Equal(inOrder.Judgements.ToArray(), shuffled.Judgements.ToArray());
            Assert.Equal(input.Judgements.Length, inOrder.Summary.Used + inOrder.Summary.Reported);
        });

    [Property]
    public Property Validation_CountsEveryRecord_WhetherItGoesOnOrStops() =>
        Prop.ForAll(OfstedJudgementGenerators.HistoriesShuffled(), input =>
        {
            RecordResult<OfstedJudgement>[] records = Records(input.Shuffled);
            OfstedJudgementValidationResult goOn = OfstedJudgementValidation.Validate(records, Register, input.AsOf);
            OfstedJudgementValidationResult stop = OfstedJudgementValidation.Validate(records, Register, input.AsOf, ProblemHandling.Stop);

            Assert.Equal(new WorkforceRecordCounts(records.Length, goOn.Judgements.Count, goOn.Reported.Length, 0), goOn.Summary);
            Assert.Equal(records.Length, stop.Summary.Used + stop.Summary.Reported + stop.Summary.Skipped);
            Assert.Equal(stop.Stopped, goOn.Summary.Reported > 0);
            Assert.Equal(goOn.Reported.Take(1), stop.Reported);
            Assert.Equal(stop.Summary.Used, stop.Judgements.Count);
            Assert.All(goOn.Judgements, j => Assert.True(j.Date <= input.AsOf && Register.Find(j.AuthorityCode) is not null));
        });

    [Property]
    public Property Judgements_LatestOn_IsTheLastJudgementPublishedByThatDay() =>
        Prop.ForAll(OfstedJudgementGenerators.HistoriesShuffled(), input =>
        {
            OfstedJudgements judgements = OfstedJudgementValidation.Validate(Records(input.Shuffled), input.AsOf).Judgements;
            foreach (string code in new[] { "A", "E", "Z", "none" })
            {
                OfstedJudgement[] own = [.. judgements.Where(j => j.AuthorityCode == code)];
                Assert.Equal(own, judgements.For(code).ToArray());
                Assert.Equal(own.OrderBy(j => j.Date), own);
                LocalDate day = input.AsOf.PlusDays(-700);
                Assert.Equal(own.LastOrDefault(j => j.Date <= day), judgements.LatestOn(code, day));
                DateInterval year = new(day.PlusYears(-1).PlusDays(1), day);
                Assert.Equal(own.Where(j => year.Contains(j.Date)), judgements.Between(code, year));
            }
        });

    private static OfstedJudgement[] GoodJudgements((string[] Row, bool Good)[] rows) =>
        [.. rows.Where(r => r.Good).Select(r => OfstedJudgementDocument.ReadCsv(new StringReader("authority,date,grade\n" + string.Join(',', r.Row.Select(f => AppointmentDocumentGenerators.Field(f, false))))).Single().Value!)];

    private static List<RecordResult<OfstedJudgement>> Sync(byte[] bytes, bool csv) => Sync(new MemoryStream(bytes), csv);

    private static List<RecordResult<OfstedJudgement>> Sync(Stream stream, bool csv) =>
        [.. csv ? OfstedJudgementDocument.ReadCsv(stream) : OfstedJudgementDocument.Read(stream)];

    private static List<RecordResult<OfstedJudgement>> Async(Stream stream, bool csv) =>
        [.. (csv ? OfstedJudgementDocument.ReadCsvAsync(stream) : OfstedJudgementDocument.ReadAsync(stream)).ToBlockingEnumerable()];

    private static List<RecordResult<OfstedJudgement>> AsyncFromPipe(PipeReader pipe, bool csv) =>
        [.. (csv ? OfstedJudgementDocument.ReadCsvAsync(pipe) : OfstedJudgementDocument.ReadAsync(pipe)).ToBlockingEnumerable()];

    private static RecordResult<OfstedJudgement>[] Records(OfstedJudgement[] judgements) =>
        [.. judgements.Select((j, i) => RecordResult.Success(i + 1, j))];

    /// <summary>The problems found, each with the judgement it was found in (not its record number, which the order changes).</summary>
    private static List<string> Problems(OfstedJudgement[] judgements, OfstedJudgementValidationResult result) =>
        [.. result.Reported.SelectMany(r => r.Problems.Select(p => $"{judgements[r.RecordNumber - 1]} {p.Path} {p.Code}")).Order(StringComparer.Ordinal)];
}
