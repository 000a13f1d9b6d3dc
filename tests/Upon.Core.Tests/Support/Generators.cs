using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Tests.Support;

/// <summary>
/// The FsCheck generators of the test suite, in one place (they will move to Upon.Core.Testing).
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

    private static System.Collections.Generic.IEnumerable<LocalDate> Shrink(LocalDate origin, LocalDate date)
    {
        int days = Period.DaysBetween(origin, date);
        while (days > 0)
        {
            days /= 2;
            yield return origin.PlusDays(days);
        }
    }

    private static System.Collections.Generic.IEnumerable<DateInterval> ShrinkInterval(LocalDate origin, DateInterval interval)
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
}
