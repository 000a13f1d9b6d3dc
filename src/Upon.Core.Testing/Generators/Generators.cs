using Upon.Core.Calendars;

namespace Upon.Core.Testing;

/// <summary>
/// General FsCheck generators: dates, intervals, integers, weekends, holidays and holiday calendars.
/// Each shrinks towards small or early values.
/// </summary>
public static class Generators
{
    /// <summary>ISO dates from <paramref name="start"/> to <paramref name="end"/>, both included; shrink towards <paramref name="start"/>.</summary>
    public static Arbitrary<LocalDate> DatesBetween(LocalDate start, LocalDate end)
    {
        int span = Period.DaysBetween(start, end);
        return Arb.From(
            Gen.Choose(0, span).Select(start.PlusDays),
            date => Shrink(start, date));
    }

    /// <summary>Dates within the England and Wales calendar's coverage (1978 to 2099).</summary>
    public static Arbitrary<LocalDate> EnglandAndWalesDates() =>
        DatesBetween(WorkingDayCalendar.EnglandAndWales.Coverage.Start, WorkingDayCalendar.EnglandAndWales.Coverage.End);

    /// <summary>Any ISO date NodaTime can represent from year 1 to 9999.</summary>
    public static Arbitrary<LocalDate> AnyDate() => DatesBetween(new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31));

    /// <summary>Date intervals whose ends lie within <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static Arbitrary<DateInterval> IntervalsBetween(LocalDate start, LocalDate end)
    {
        int span = Period.DaysBetween(start, end);
        Gen<DateInterval> gen =
            from a in Gen.Choose(0, span)
            from b in Gen.Choose(0, span)
            select new DateInterval(start.PlusDays(System.Math.Min(a, b)), start.PlusDays(System.Math.Max(a, b)));
        return Arb.From(gen, interval => ShrinkInterval(start, interval));
    }

    /// <summary>
    /// Dates from 1981 to 2096: at least three years (over 750 working days) inside each end of the
    /// England and Wales coverage, so that moving up to 700 working days either way stays covered.
    /// </summary>
    public static Arbitrary<LocalDate> EnglandAndWalesInnerDates() =>
        DatesBetween(new LocalDate(1981, 1, 1), new LocalDate(2096, 12, 31));

    /// <summary>The years the England and Wales calendar covers, 1978 to 2099; shrink towards 1978.</summary>
    public static Arbitrary<int> EnglandAndWalesYears() =>
        IntegersBetween(EnglandAndWalesBankHolidays.FirstYear, EnglandAndWalesBankHolidays.LastYear);

    /// <summary>Integers from <paramref name="min"/> to <paramref name="max"/>; shrink towards <paramref name="min"/>.</summary>
    public static Arbitrary<int> IntegersBetween(int min, int max) =>
        Arb.From(Gen.Choose(min, max), n => ShrinkTowards(min, n));

    /// <summary>Non-zero working-day counts from -<paramref name="max"/> to <paramref name="max"/>; shrink towards ±1.</summary>
    public static Arbitrary<int> NonZeroWorkingDayCounts(int max) =>
        Arb.From(
            Gen.Choose(1, max).SelectMany(n => Gen.Elements(n, -n)),
            n => n > 0 ? ShrinkTowards(1, n) : ShrinkTowards(-1, n));

    /// <summary>
    /// Weekends: any set of days of the week except all seven (the empty weekend included), Monday first;
    /// shrink by dropping days.
    /// </summary>
    public static Arbitrary<IsoDayOfWeek[]> Weekends() =>
        Arb.From(
            Gen.Choose(0, 126).Select(DaysOfMask),
            days => Enumerable.Range(0, days.Length).Select(i => days.Where((_, j) => j != i).ToArray()));

    /// <summary>
    /// Holidays on one of ten days from 1 June 2020, with names and notes from small sets (so that equal
    /// and nearly equal values are common) that sort differently by ordinal and by culture.
    /// </summary>
    public static Arbitrary<Holiday> Holidays()
    {
        LocalDate first = new(2020, 6, 1);
        string[] names = ["Boxing Day", "boxing day", "Bank holiday", "Ábaco day", "Zed day"];
        string[] notes = ["", Holiday.SubstituteDayNote, "substitute day"];
        Gen<Holiday> gen =
            from day in Gen.Choose(0, 9)
            from name in Gen.Elements(names)
            from note in Gen.Elements(notes)
            select new Holiday(first.PlusDays(day), name, note);
        return Arb.From(gen, h => Shrink(first, h.Date).Select(date => h with { Date = date }));
    }

    /// <summary>
    /// Holiday calendars whose coverage lies within <paramref name="within"/> and includes
    /// <paramref name="mustCover"/>, with up to 40 holidays (some sharing a date) inside the coverage;
    /// shrink by dropping holidays.
    /// </summary>
    public static Arbitrary<HolidayCalendar> HolidayCalendars(string id, DateInterval mustCover, DateInterval within)
    {
        int before = Period.DaysBetween(within.Start, mustCover.Start);
        int after = Period.DaysBetween(mustCover.End, within.End);
        string[] names = ["Closure day", "Training day", "Bank holiday"];
        Gen<HolidayCalendar> gen =
            from startOffset in Gen.Choose(0, before)
            from endOffset in Gen.Choose(0, after)
            let coverage = new DateInterval(mustCover.Start.PlusDays(-startOffset), mustCover.End.PlusDays(endOffset))
            from count in Gen.Choose(0, 40)
            from days in Gen.ArrayOf(Gen.Choose(0, coverage.Length - 1), count)
            from chosen in Gen.ArrayOf(Gen.Elements(names), count)
            select new HolidayCalendar(id, coverage, days.Zip(chosen, (day, name) => new Holiday(coverage.Start.PlusDays(day), name)));
        return Arb.From(
            gen,
            calendar => Enumerable.Range(0, calendar.Holidays.Length)
                .Select(i => new HolidayCalendar(calendar.Id, calendar.Coverage, calendar.Holidays.RemoveAt(i))));
    }

    /// <summary>
    /// What a bank-holiday document (<see cref="BankHolidayDocument"/>) holds: one to four divisions, with names that
    /// need quoting in a JSON path among them, each with one to twenty holidays on distinct dates in one to three
    /// years from year 1 to year 9999 and a coverage of the whole years of its holidays; titles and notes with accents,
    /// quotes and line breaks. Shrink by dropping divisions and holidays.
    /// </summary>
    public static Arbitrary<ImmutableSortedDictionary<string, HolidayCalendar>> BankHolidayDocuments()
    {
        string[] divisions = ["england-and-wales", "scotland", "northern-ireland", "a b", "Île", "q\"uote"];
        string[] titles = ["New Year’s Day", "Boxing Day", "Spring bank holiday", "Line\nbreak", "\"Quoted\" day", "Ábaco day"];
        string[] notes = ["", Holiday.SubstituteDayNote, "Extra bank holiday, “moved”"];
        Gen<HolidayCalendar> Calendar(string id) =>
            from firstYear in Gen.Frequency((8, Gen.Choose(1900, 2100)), (1, Gen.Constant(1)), (1, Gen.Constant(9997)))
            from years in Gen.Choose(1, 3)
            let coverage = new DateInterval(new LocalDate(firstYear, 1, 1), new LocalDate(firstYear + years - 1, 12, 31))
            from count in Gen.Choose(1, 20)
            from days in Gen.ArrayOf(Gen.Choose(0, coverage.Length - 1), count)
            from chosenTitles in Gen.ArrayOf(Gen.Elements(titles), count)
            from chosenNotes in Gen.ArrayOf(Gen.Elements(notes), count)
            let holidays = days.Select((day, i) => new Holiday(coverage.Start.PlusDays(day), chosenTitles[i], chosenNotes[i])).DistinctBy(h => h.Date).ToArray()
            let spanned = holidays.Select(h => h.Date.Year).ToArray()
            select new HolidayCalendar(id, new DateInterval(new LocalDate(spanned.Min(), 1, 1), new LocalDate(spanned.Max(), 12, 31)), holidays);
        Gen<ImmutableSortedDictionary<string, HolidayCalendar>> gen =
            from names in Gen.SubListOf(divisions).Where(list => list.Count > 0)
            from calendars in Gen.CollectToList(names.Select(Calendar))
            select calendars.ToImmutableSortedDictionary(calendar => calendar.Id, calendar => calendar, System.StringComparer.Ordinal);
        return Arb.From(gen, ShrinkDocument);
    }

    private static IEnumerable<ImmutableSortedDictionary<string, HolidayCalendar>> ShrinkDocument(ImmutableSortedDictionary<string, HolidayCalendar> document)
    {
        if (document.Count > 1)
        {
            foreach (string name in document.Keys)
            {
                yield return document.Remove(name);
            }
        }

        foreach ((string name, HolidayCalendar calendar) in document)
        {
            for (int i = 0; calendar.Holidays.Length > 1 && i < calendar.Holidays.Length; i++)
            {
                ImmutableArray<Holiday> fewer = calendar.Holidays.RemoveAt(i);
                DateInterval coverage = new(new LocalDate(fewer.Min(h => h.Date.Year), 1, 1), new LocalDate(fewer.Max(h => h.Date.Year), 12, 31));
                yield return document.SetItem(name, new HolidayCalendar(name, coverage, fewer));
            }
        }
    }

    private static IEnumerable<LocalDate> Shrink(LocalDate origin, LocalDate date)
    {
        int days = Period.DaysBetween(origin, date);
        while (days > 0)
        {
            days /= 2;
            yield return origin.PlusDays(days);
        }
    }

    private static IEnumerable<DateInterval> ShrinkInterval(LocalDate origin, DateInterval interval)
    {
        if (interval.Length > 1)
        {
            yield return new DateInterval(interval.Start, interval.Start.PlusDays((interval.Length - 1) / 2));
        }

        foreach (LocalDate start in Shrink(origin, interval.Start))
        {
            yield return new DateInterval(start, start.PlusDays(interval.Length - 1));
        }
    }

    private static IEnumerable<int> ShrinkTowards(int origin, int n)
    {
        int distance = n - origin;
        while (distance != 0)
        {
            distance /= 2;
            yield return origin + distance;
        }
    }

    private static IsoDayOfWeek[] DaysOfMask(int mask) =>
        [.. Enumerable.Range(0, 7).Where(bit => (mask & (1 << bit)) != 0).Select(bit => (IsoDayOfWeek)(bit + 1))];
}
