using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Core.Fuzz.Fuzzing;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Fuzz.Formats;

/// <summary>The computations behind the workforce readers, on fixed dates and windows.</summary>
internal static class WorkforceComputations
{
    public static readonly LocalDate AsOf = new(2025, 3, 31);

    public static readonly DateInterval Window = new(new LocalDate(2008, 4, 1), new LocalDate(2025, 3, 31));

    /// <summary>Gets the example register (docs/examples/register.csv).</summary>
    public static AuthorityRegister ExampleRegister { get; } = AuthorityRegisterDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(SeedSources.File("register.csv")))).Register;

    /// <summary>Gets the example appointments (docs/examples/appointments.csv), as records.</summary>
    public static List<RecordResult<Appointment>> ExampleRecords { get; } = [.. AppointmentDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(SeedSources.File("appointments.csv"))))];

    /// <summary>
    /// Validates the records against the example register (so that unknown codes are reported) and against a register of
    /// every code they name (as the CLI does without --register), then measures turnover and tenure on the second.
    /// </summary>
    public static void Appointments(List<RecordResult<Appointment>> records, Observation observation)
    {
        AppointmentValidationResult checkedAgainstExample = AppointmentValidation.Validate(records, ExampleRegister, AsOf);
        Add(checkedAgainstExample, records, "AppointmentValidation.Validate", observation);
        AuthorityRegister everyCode = new(records
            .Where(r => r.IsValid)
            .Select(r => r.Value!.AuthorityCode)
            .Distinct(StringComparer.Ordinal)
            .Select(code => new Authority(code, code, "unknown", LocalDate.MinIsoValue)));
        AppointmentValidationResult result = AppointmentValidation.Validate(records, everyCode, AsOf);
        Add(result, records, "AppointmentValidation.Validate", observation);
        Measure(result.Appointments, everyCode);
    }

    /// <summary>Measures turnover (by financial year, looking through interim holders and not) and tenure (Kaplan–Meier, completed, in post, why tenures end).</summary>
    public static void Measure(IReadOnlyList<Appointment> appointments, AuthorityRegister register)
    {
        foreach (bool lookThrough in new[] { true, false })
        {
            Turnover.ByFinancialYear(appointments, register, 2015, 2024, lookThrough);
            TenureMeasures.KaplanMeierTenure(appointments, Window, lookThroughInterim: lookThrough);
            TenureMeasures.CompletedTenures(appointments, Window, lookThrough);
            TenureMeasures.TimeInPost(appointments, AsOf, lookThrough);
            TenureMeasures.CumulativeIncidenceTenure(appointments, Window, lookThroughInterim: lookThrough);
        }
    }

    private static void Add(AppointmentValidationResult result, List<RecordResult<Appointment>> records, string source, Observation observation)
    {
        AppointmentSummary summary = result.Summary;
        // The summary counts the records read; a record 0 (the file as a whole) may or may not count as one.
        observation.Check(
            (summary.Records == records.Count || summary.Records == records.Count(r => r.RecordNumber >= 1))
            && summary.Used + summary.Reported + summary.Skipped == summary.Records && summary.Used == result.Appointments.Length,
            "validation summary does not add up: records = used + reported + skipped",
            $"{records.Count} records in; {summary}; {result.Appointments.Length} appointments");
        observation.LaterProblems.AddRange(result.Reported.SelectMany(r => r.Problems).Select(p => (source, p)));
    }
}

/// <summary>Appointments: <see cref="AppointmentDocument"/> (CSV, or JSON with the layout told automatically), then validation, turnover and tenure.</summary>
internal sealed class AppointmentFormat(bool csv) : FuzzFormat
{
    public override string Name => csv ? "appointments-csv" : "appointments-json";

    public override string Reader => (csv ? "AppointmentDocument.ReadCsv, AppointmentCsvReader" : "AppointmentDocument.Read(Auto)") + ", AppointmentValidation, Turnover, TenureMeasures";

    public override int MaxRecordBytes => AppointmentDocument.DefaultMaxBytes;

    public override Expectation? Expect(byte[] bytes) => csv ? RecordOracle.Csv(bytes) : RecordOracle.Auto(bytes, MaxRecordBytes);

    public override void Run(byte[] bytes, Observation observation)
    {
        List<RecordResult<Appointment>> records = [.. csv ? AppointmentDocument.ReadCsv(new MemoryStream(bytes)) : AppointmentDocument.Read(new MemoryStream(bytes))];
        observation.AddAll(records);
        if (csv)
        {
            ReadInPlace(bytes, records, observation);
        }

        WorkforceComputations.Appointments(records, observation);
    }

    /// <summary>The reader of records in place gives the records <see cref="AppointmentDocument.ReadCsv(Stream, ProblemHandling)"/> gave, value for value.</summary>
    private static void ReadInPlace(byte[] bytes, List<RecordResult<Appointment>> records, Observation observation)
    {
        using AppointmentCsvReader reader = new(new MemoryStream(bytes));
        int at = 0;
        while (reader.Read())
        {
            RecordResult<Appointment>? expected = at < records.Count ? records[at] : null;
            at++;
            bool same = expected is not null && reader.RecordNumber == expected.RecordNumber && reader.IsValid == expected.IsValid
                && reader.Problems.SequenceEqual(expected.Problems) && reader.GetRecord().Equals(expected)
                && (!reader.IsValid || (reader.AuthorityCode.SequenceEqual(expected.Value!.AuthorityCode) && reader.HolderId.SequenceEqual(expected.Value.HolderId)
                    && reader.Start == expected.Value.Start && reader.End == expected.Value.End && reader.Kind == expected.Value.Kind
                    && reader.IsSharedPost == expected.Value.IsSharedPost && Equals(reader.ExitReason, expected.Value.ExitReason)));
            observation.Check(same, "AppointmentCsvReader equals ReadCsv", $"record {at}");
        }

        observation.Check(at == records.Count, "AppointmentCsvReader equals ReadCsv", $"{at} records read in place, {records.Count} by ReadCsv");
    }

    protected override IEnumerable<Seed> CreateSeeds()
    {
        List<string[]> rows = SeedSources.CsvRows("appointments.csv");
        if (csv)
        {
            return SeedSources.CsvGroups(Name, rows, 4);
        }

        return SeedSources.JsonGroups(Name, WorkforceComputations.ExampleRecords.Select(r => r.Value!), (s, appointment) => AppointmentDocument.Write(s, [appointment], BatchFormat.JsonArray));
    }
}

/// <summary>Authority registers: <see cref="AuthorityRegisterDocument"/> (CSV, or JSON with the layout told automatically), then turnover and validation of the example appointments with the register.</summary>
internal sealed class RegisterFormat(bool csv) : FuzzFormat
{
    public override string Name => csv ? "registers-csv" : "registers-json";

    public override string Reader => (csv ? "AuthorityRegisterDocument.ReadCsv" : "AuthorityRegisterDocument.Read(Auto)") + ", Turnover and AppointmentValidation with the register";

    public override int MaxRecordBytes => AuthorityRegisterDocument.DefaultMaxBytes;

    public override Expectation? Expect(byte[] bytes) => csv ? RecordOracle.Csv(bytes) : RecordOracle.Auto(bytes, MaxRecordBytes);

    public override void Run(byte[] bytes, Observation observation)
    {
        AuthorityRegisterReadResult read = csv ? AuthorityRegisterDocument.ReadCsv(new MemoryStream(bytes)) : AuthorityRegisterDocument.Read(new MemoryStream(bytes));
        int numbered = read.Reported.Count(r => r.RecordNumber >= 1);
        observation.Check(read.Records == read.Register.Authorities.Length + numbered, "register records != authorities + records reported", $"{read.Records} records, {read.Register.Authorities.Length} authorities, {numbered} reported");
        observation.Check(read.IsValid == read.Reported.IsEmpty, "register IsValid disagrees with its reported records", $"{read.Reported.Length} reported");
        foreach (Authority unused in read.Register.Authorities)
        {
            observation.Add(1, true, []);
        }

        foreach (RecordResult<Authority> record in read.Reported)
        {
            observation.Add(record.RecordNumber, false, record.Problems);
        }

        if (read.Register.Authorities.Length > 0)
        {
            AppointmentValidationResult result = AppointmentValidation.Validate(WorkforceComputations.ExampleRecords, read.Register, WorkforceComputations.AsOf);
            observation.LaterProblems.AddRange(result.Reported.SelectMany(r => r.Problems).Select(p => ("AppointmentValidation.Validate", p)));
            WorkforceComputations.Measure(result.Appointments, read.Register);
        }
    }

    protected override IEnumerable<Seed> CreateSeeds()
    {
        List<string[]> rows = SeedSources.CsvRows("register.csv");
        if (csv)
        {
            return SeedSources.CsvGroups(Name, rows, 3);
        }

        return SeedSources.JsonGroups(Name, WorkforceComputations.ExampleRegister.Authorities, (s, authority) => AuthorityRegisterDocument.Write(s, new AuthorityRegister([authority]), BatchFormat.JsonArray));
    }
}

/// <summary>
/// Ofsted judgements: <see cref="OfstedJudgementDocument"/> (CSV, or JSON with the layout told automatically), then
/// validation against the example register and without one, and the lookups a tenure model makes (the judgement in force
/// on a day, those of the twelve months before it).
/// </summary>
internal sealed class JudgementFormat(bool csv) : FuzzFormat
{
    public override string Name => csv ? "judgements-csv" : "judgements-json";

    public override string Reader => (csv ? "OfstedJudgementDocument.ReadCsv" : "OfstedJudgementDocument.Read(Auto)") + ", OfstedJudgementValidation, OfstedJudgements";

    public override int MaxRecordBytes => OfstedJudgementDocument.DefaultMaxBytes;

    public override Expectation? Expect(byte[] bytes) => csv ? RecordOracle.Csv(bytes) : RecordOracle.Auto(bytes, MaxRecordBytes);

    public override void Run(byte[] bytes, Observation observation)
    {
        List<RecordResult<OfstedJudgement>> records = [.. csv ? OfstedJudgementDocument.ReadCsv(new MemoryStream(bytes)) : OfstedJudgementDocument.Read(new MemoryStream(bytes))];
        observation.AddAll(records);

        foreach (OfstedJudgementValidationResult result in new[] { OfstedJudgementValidation.Validate(records, WorkforceComputations.ExampleRegister, WorkforceComputations.AsOf), OfstedJudgementValidation.Validate(records, WorkforceComputations.AsOf) })
        {
            WorkforceRecordCounts counts = result.Summary;
            observation.Check(
                counts.Records == records.Count(r => r.RecordNumber >= 1) && counts.Used + counts.Reported + counts.Skipped == counts.Records && counts.Used == result.Judgements.Count,
                "judgement validation does not add up: records = used + reported + skipped",
                $"{records.Count} records in; {counts}; {result.Judgements.Count} judgements");
            observation.LaterProblems.AddRange(result.Reported.SelectMany(r => r.Problems).Select(p => ("OfstedJudgementValidation.Validate", p)));
            foreach (string code in result.Judgements.AuthorityCodes)
            {
                OfstedJudgement? latest = result.Judgements.LatestOn(code, WorkforceComputations.AsOf);
                ImmutableArray<OfstedJudgement> lastYear = result.Judgements.Between(code, new DateInterval(WorkforceComputations.AsOf.PlusYears(-1).PlusDays(1), WorkforceComputations.AsOf));
                observation.Check(
                    latest is not null && (lastYear.IsEmpty || lastYear[^1] == latest),
                    "the judgement in force is not the latest of the year before",
                    $"{result.Judgements.For(code).Length} judgements of an authority");
            }
        }
    }

    protected override IEnumerable<Seed> CreateSeeds()
    {
        List<string[]> rows = SeedSources.CsvRows("ofsted-judgements.csv");
        if (csv)
        {
            return SeedSources.CsvGroups(Name, rows, 5);
        }

        IEnumerable<OfstedJudgement> judgements = OfstedJudgementDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(SeedSources.File("ofsted-judgements.csv")))).Select(r => r.Value!);
        return SeedSources.JsonGroups(Name, judgements, (s, judgement) => OfstedJudgementDocument.Write(s, [judgement], BatchFormat.JsonArray));
    }
}
