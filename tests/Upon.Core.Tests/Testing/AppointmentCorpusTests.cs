using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Testing;

/// <summary>The appointment corpus is deterministic and varied, and every record reads back valid through the library.</summary>
public sealed class AppointmentCorpusTests
{
    // About twenty blocks: the generation is the same for a million, block after block.
    private const int Count = 20_000;

    private static readonly Lazy<Appointment[]> Sample = new(() => [.. AppointmentCorpus.Generate(Count, seed: 5)]);

    [Fact]
    public void Generate_SameCountAndSeed_GivesTheSameRecords_AnotherSeedOthers()
    {
        byte[] first = AppointmentCorpus.GenerateCsv(3_000, seed: 5);

        Assert.Equal(first, AppointmentCorpus.GenerateCsv(3_000, seed: 5));
        Assert.NotEqual(first, AppointmentCorpus.GenerateCsv(3_000, seed: 6));
        Assert.Equal(Sample.Value[..3_000], AppointmentCorpus.Generate(3_000, seed: 5));
    }

    [Fact]
    public void Generate_Defaults_AreAMillionFromSeed13()
    {
        Assert.Equal((1_000_000, 13), (AppointmentCorpus.DefaultCount, AppointmentCorpus.DefaultSeed));
        Assert.Equal(AppointmentCorpus.Generate(500, AppointmentCorpus.DefaultSeed), AppointmentCorpus.Generate().Take(500));
    }

    [Fact]
    public void Generate_Count_IsExact_AcrossBlocks()
    {
        Assert.Equal(Count, Sample.Value.Length);
        Assert.Equal(2_345, AppointmentCorpus.Generate(2_345, seed: 1).Count());
        Assert.Empty(AppointmentCorpus.Generate(0));
    }

    [Fact]
    public void Generate_NegativeCount_Throws()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => AppointmentCorpus.Generate(-1));
        Assert.Equal("count", thrown.ParamName);
    }

    [Fact]
    public void ToCsv_Null_Throws()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => AppointmentCorpus.ToCsv(null!));
        Assert.Equal("appointments", thrown.ParamName);
    }

    [Fact]
    public void Records_AreVaried_InAuthoritiesHoldersKindsAndDates()
    {
        Appointment[] appointments = Sample.Value;
        int blocks = appointments.Select(a => a.AuthorityCode).Distinct(StringComparer.Ordinal).Count() / SyntheticWorkforce.AuthorityCount;

        Assert.InRange(blocks, 15, 25);
        Assert.All(appointments, a => Assert.Matches("^E[0-9]{8}$", a.AuthorityCode));
        Assert.All(appointments, a => Assert.Matches("^B[0-9]{5}-synthetic-[0-9]{4}$", a.HolderId));
        Assert.All(appointments, a => Assert.StartsWith("B" + (int.Parse(a.AuthorityCode.AsSpan(1), CultureInfo.InvariantCulture) / 1000).ToString("D5", CultureInfo.InvariantCulture) + "-", a.HolderId, StringComparison.Ordinal));
        Assert.InRange(appointments.Select(a => a.HolderId).Distinct(StringComparer.Ordinal).Count(), Count / 2, Count * 9 / 10);
        Assert.InRange(appointments.Count(a => a.ExitReason is not null), Count / 2, Count);
        Assert.Equal(Enum.GetValues<AppointmentKind>().Length, appointments.Select(a => a.Kind).Distinct().Count());
        Assert.InRange(appointments.Count(a => a.Kind != AppointmentKind.Permanent), Count / 20, Count / 3);
        Assert.InRange(appointments.Count(a => a.IsSharedPost), Count / 100, Count / 25);
        Assert.InRange(appointments.Count(a => a.End is null), Count / 20, Count / 4);
        Assert.InRange(appointments.Min(a => a.Start), new LocalDate(1980, 1, 1), new LocalDate(1995, 1, 1));
        Assert.InRange(appointments.Max(a => a.Start), new LocalDate(2023, 1, 1), new LocalDate(2024, 3, 31));
    }

    [Fact]
    public void EveryRecord_ReadsBackValid_AsWritten_AndPassesValidation()
    {
        byte[] csv = AppointmentCorpus.ToCsv(Sample.Value);
        string text = Encoding.UTF8.GetString(csv);
        RecordResult<Appointment>[] records = [.. AppointmentDocument.ReadCsv(new MemoryStream(csv))];

        Assert.StartsWith("authority,holder,start,end,kind,shared,reason\n", text, StringComparison.Ordinal);
        Assert.Equal(Count + 1, text.Count(c => c == '\n'));
        Assert.All(records, r => Assert.True(r.IsValid, $"record {r.RecordNumber}"));
        Assert.Equal(Sample.Value, records.Select(r => r.Value));
        AppointmentValidationResult validated = AppointmentValidation.Validate(records, new LocalDate(2025, 3, 31));
        Assert.Equal(new AppointmentSummary(Count, Count, 0, 0), validated.Summary);
    }
}
