using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Fuzz.Documents;
using Upon.Core.Fuzz.Fuzzing;
using Upon.Core.Serialization;
using Upon.Core.Testing;
using Upon.Core.Timelines;

namespace Upon.Core.Fuzz.Formats;

/// <summary>
/// Programme years: <see cref="ProgrammeYearDocument.Read"/>, then <see cref="TimelineValidator.Validate"/>,
/// <see cref="ProgrammeProgress"/> on three dates and <see cref="IcsExport.ToText"/>.
/// </summary>
internal sealed class ProgrammeYearFormat : FuzzFormat
{
    private static readonly LocalDate[] ProgressDates = [new(2000, 1, 1), new(2022, 1, 10), new(2031, 6, 30)];

    private static readonly Instant Stamp = Instant.FromUtc(2022, 1, 1, 9, 0);

    public override string Name => "programme-years";

    public override string Reader => "ProgrammeYearDocument.Read, TimelineValidator.Validate, ProgrammeProgress.Of, IcsExport.ToText";

    public override Expectation? Expect(byte[] bytes) => null;

    public override void Run(byte[] bytes, Observation observation)
    {
        DocumentResult<ProgrammeYear> read = ProgrammeYearDocument.Read(new MemoryStream(bytes));
        observation.Add(1, read.IsValid, read.Problems);
        if (!read.IsValid)
        {
            return;
        }

        TimelineValidator.Validate(read.Value, WorkingDayCalendar.EnglandAndWales);
        foreach (LocalDate date in ProgressDates)
        {
            ProgrammeProgress.Of(read.Value, date);
        }

        IcsExport.ToText(read.Value, Stamp);
    }

    protected override IEnumerable<Seed> CreateSeeds()
    {
        List<ProgrammeYear> years = [.. BuiltInTimelines.All, .. SeedSources.Sample(ProgrammeYearGenerators.Valid().Generator, 2, 41), .. SeedSources.Sample(ProgrammeYearGenerators.Invalid().Generator, 2, 42)];
        for (int i = 0; i < years.Count; i++)
        {
            // Six sessions at most: enough for every rule, and small documents fuzz faster.
            years[i] = years[i].WithSessions([.. years[i].Sessions.Take(6)]);
            yield return new Seed($"programme-years[{i}]", SeedLayout.Single, [SeedSources.Tree(s => ProgrammeYearDocument.Write(s, years[i], indented: true))]);
        }
    }
}

/// <summary>
/// Bank-holiday documents: <see cref="BankHolidayDocument.Read"/>, a working-day count over each division's coverage
/// with <see cref="WorkingDayCalendar"/>, and <see cref="BankHolidayDocument.ReadDivision"/> of england-and-wales.
/// </summary>
internal sealed class BankHolidayFormat : FuzzFormat
{
    public override string Name => "bank-holidays";

    public override string Reader => "BankHolidayDocument.Read and ReadDivision, WorkingDayCalendar.CountWorkingDays";

    public override Expectation? Expect(byte[] bytes) => null;

    public override void Run(byte[] bytes, Observation observation)
    {
        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> read = BankHolidayDocument.Read(new MemoryStream(bytes));
        observation.Add(1, read.IsValid, read.Problems);
        DocumentResult<HolidayCalendar> division = BankHolidayDocument.ReadDivision(new MemoryStream(bytes), "england-and-wales");
        observation.LaterProblems.AddRange(division.Problems.Select(p => ("BankHolidayDocument.ReadDivision", p)));
        if (!read.IsValid)
        {
            return;
        }

        foreach (HolidayCalendar calendar in read.Value.Values)
        {
            new WorkingDayCalendar(calendar).CountWorkingDays(calendar.Coverage);
        }
    }

    protected override IEnumerable<Seed> CreateSeeds()
    {
        JsonObject golden = (JsonObject)JsonTree.Parse(SeedSources.File("bank-holidays.json"));
        JsonObject england = (JsonObject)golden["england-and-wales"]!;
        JsonArray events = (JsonArray)england["events"]!;
        yield return new Seed("bank-holidays[golden]", SeedLayout.Single, [golden]);
        for (int i = 0; i + 8 <= events.Items.Count; i += 24)
        {
            JsonObject small = new([new JsonMember("division", new JsonString("england-and-wales")), new JsonMember("events", new JsonArray(events.Items.Skip(i).Take(8).Select(e => e.Clone())))]);
            JsonObject scotland = new([new JsonMember("division", new JsonString("scotland")), new JsonMember("events", new JsonArray(events.Items.Skip(i + 8).Take(5).Select(e => e.Clone())))]);
            yield return new Seed($"bank-holidays[{i}..{i + 7}]", SeedLayout.Single, [new JsonObject([new JsonMember("england-and-wales", small)])]);
            yield return new Seed($"bank-holidays[{i}..{i + 12}, two divisions]", SeedLayout.Single, [new JsonObject([new JsonMember("england-and-wales", small.Clone()), new JsonMember("scotland", scotland)])]);
        }
    }
}
