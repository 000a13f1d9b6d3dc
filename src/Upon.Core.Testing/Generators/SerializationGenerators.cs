using Upon.Core.Calendars;

namespace Upon.Core.Testing;

/// <summary>FsCheck generators for the serialization tests: NodaTime values over their whole ranges, and documents.</summary>
public static class SerializationGenerators
{
    private const long NanosecondsPerSecond = 1_000_000_000L;

    private static readonly LocalDate FirstDate = new(1, 1, 1);
    private static readonly LocalDate LastDate = new(9999, 12, 31);

    // Fragments for names and notes: quotes, backslashes, control characters, non-ASCII letters,
    // a typographic apostrophe, a line separator and a character outside the BMP (a surrogate pair).
    private static readonly string[] TextFragments =
    [
        "a", "Z", " ", "Day", "’", "\"", "\\", "/", "\n", "\t", "\u0001", "é", "ß", "<", ">", "&", "'", "\u2028", "\U0001F389", "Substitute day",
    ];

    /// <summary>Dates from 1 January of year 1 to 31 December 9999, both included.</summary>
    public static Arbitrary<LocalDate> Dates() => Arb.From(DateGen(FirstDate, LastDate));

    /// <summary>Times of day to the nanosecond.</summary>
    public static Arbitrary<LocalTime> Times() => Arb.From(TimeGen());

    /// <summary>Dates and times from year 1 to 9999, to the nanosecond.</summary>
    public static Arbitrary<LocalDateTime> DateTimes() =>
        Arb.From(DateGen(FirstDate, LastDate).Zip(TimeGen(), (date, time) => date + time));

    /// <summary>Instants over NodaTime's whole range (years -9998 to 9999), to the nanosecond.</summary>
    public static Arbitrary<Instant> Instants()
    {
        int days = (Instant.MaxValue - Instant.MinValue).Days;
        Gen<Instant> gen =
            from day in Gen.Choose(0, days)
            from second in Gen.Choose(0, 86_399)
            from nano in Gen.Choose(0, 999_999_999)
            select Instant.MinValue + Duration.FromDays(day) + Duration.FromNanoseconds((second * NanosecondsPerSecond) + nano);
        return Arb.From(Gen.Frequency((1, Gen.Elements(Instant.MinValue, Instant.MaxValue, NodaConstants.UnixEpoch)), (20, gen)));
    }

    /// <summary>Date intervals with both ends from year 1 to 9999.</summary>
    public static Arbitrary<DateInterval> Intervals() => Arb.From(IntervalGen(FirstDate, LastDate, maxLength: null));

    /// <summary>
    /// Periods with any mix of units, each zero, small, or large, positive or negative, including
    /// weeks and the sub-second units (milliseconds, ticks, nanoseconds).
    /// </summary>
    public static Arbitrary<Period> Periods()
    {
        Gen<int> intUnit = Gen.Frequency(
            (3, Gen.Constant(0)),
            (4, Gen.Choose(-1000, 1000)),
            (1, Gen.Choose(int.MinValue, int.MaxValue)));
        Gen<long> longUnit = Gen.Frequency(
            (3, Gen.Constant(0L)),
            (4, Gen.Choose(-1000, 1000).Select(x => (long)x)),
            (1, Gen.Choose(int.MinValue, int.MaxValue).Zip(Gen.Choose(0, 999_999_999), (high, low) => (high * NanosecondsPerSecond) + low)));
        Gen<Period> gen =
            from years in intUnit
            from months in intUnit
            from weeks in intUnit
            from days in intUnit
            from hours in longUnit
            from minutes in longUnit
            from seconds in longUnit
            from milliseconds in longUnit
            from ticks in longUnit
            from nanoseconds in longUnit
            select new PeriodBuilder
            {
                Years = years,
                Months = months,
                Weeks = weeks,
                Days = days,
                Hours = hours,
                Minutes = minutes,
                Seconds = seconds,
                Milliseconds = milliseconds,
                Ticks = ticks,
                Nanoseconds = nanoseconds,
            }.Build();
        return Arb.From(gen);
    }

    /// <summary>Every zone identifier TZDB knows, canonical or alias.</summary>
    public static Arbitrary<DateTimeZone> Zones() =>
        Arb.From(Gen.Elements<string>([.. DateTimeZoneProviders.Tzdb.Ids]).Select(id => DateTimeZoneProviders.Tzdb[id]));

    /// <summary>Strings made of awkward fragments; may be empty.</summary>
    public static Gen<string> Text() =>
        Gen.ArrayOf(Gen.Elements(TextFragments)).Select(parts => string.Concat(parts));

    /// <summary>Valid holidays: a date from year 1 to 9999, a name that is not empty, and notes (often empty).</summary>
    public static Arbitrary<Holiday> Holidays()
    {
        Gen<string> name = Text().Where(text => !string.IsNullOrWhiteSpace(text));
        Gen<string> notes = Gen.Frequency((2, Gen.Constant(string.Empty)), (1, Gen.Constant(Holiday.SubstituteDayNote)), (2, Text()));
        Gen<Holiday> gen =
            from date in DateGen(FirstDate, LastDate)
            from n in name
            from o in notes
            select new Holiday(date, n, o);
        return Arb.From(gen);
    }

    /// <summary>Summaries of England and Wales intervals of up to about three years, as <see cref="WorkingDayCalendar.Summarize"/> gives them.</summary>
    public static Arbitrary<WorkingDaySummary> EnglandAndWalesSummaries()
    {
        DateInterval coverage = WorkingDayCalendar.EnglandAndWales.Coverage;
        return Arb.From(IntervalGen(coverage.Start, coverage.End, maxLength: 1100).Select(WorkingDayCalendar.EnglandAndWales.Summarize));
    }

    private static Gen<LocalDate> DateGen(LocalDate start, LocalDate end) =>
        Gen.Choose(0, Period.DaysBetween(start, end)).Select(start.PlusDays);

    private static Gen<LocalTime> TimeGen() =>
        from second in Gen.Choose(0, 86_399)
        from nano in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Elements(1, 999_999_999, 500_000_000, 100)), (3, Gen.Choose(0, 999_999_999)))
        select LocalTime.FromNanosecondsSinceMidnight((second * NanosecondsPerSecond) + nano);

    private static Gen<DateInterval> IntervalGen(LocalDate start, LocalDate end, int? maxLength)
    {
        int span = Period.DaysBetween(start, end);
        return
            from first in Gen.Choose(0, span)
            from length in Gen.Choose(0, System.Math.Min(span - first, maxLength ?? int.MaxValue))
            select new DateInterval(start.PlusDays(first), start.PlusDays(first + length));
    }
}
