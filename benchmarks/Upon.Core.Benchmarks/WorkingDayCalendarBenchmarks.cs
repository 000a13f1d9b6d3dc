using System;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Benchmarks;

/// <summary>
/// The working-day calendar's queries. Targets (issue 2): is-working-day under 20 ns a date with no
/// allocation; adding 250 working days. Issue 13: is-working-day stays under 10 ns.
/// </summary>
[MemoryDiagnoser]
public class WorkingDayCalendarBenchmarks
{
    private const int DateCount = 100_000;

    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly LocalDate[] Dates = RandomDates(DateCount, seed: 20261122);
    private static readonly DateInterval Year2024 = new(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));
    private static readonly LocalDate Start = new(2026, 9, 1);

    /// <summary>Is-working-day over 100,000 random dates from 1978 to 2099; the figure reported is per date.</summary>
    [Benchmark(OperationsPerInvoke = DateCount)]
    public int IsWorkingDay()
    {
        int count = 0;
        foreach (LocalDate date in Dates)
        {
            if (Calendar.IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Adds 250 working days (about a working year) to a date.</summary>
    [Benchmark]
    public LocalDate AddWorkingDays250() => Calendar.AddWorkingDays(Start, 250);

    /// <summary>Adds 250 working days by stepping day by day: the naive baseline the precomputed tables replace.</summary>
    [Benchmark]
    public LocalDate AddWorkingDays250_DayByDay()
    {
        LocalDate date = Start;
        for (int added = 0; added < 250;)
        {
            date = date.PlusDays(1);
            if (Calendar.IsWorkingDay(date))
            {
                added++;
            }
        }

        return date;
    }

    /// <summary>Counts the working days of a year.</summary>
    [Benchmark]
    public int CountWorkingDaysInAYear() => Calendar.CountWorkingDays(Year2024);

    /// <summary>Builds a working-day calendar over 1978–2099 from the England and Wales holidays (done once per process in practice).</summary>
    [Benchmark]
    public WorkingDayCalendar Build() => new(EnglandAndWalesBankHolidays.Calendar);

    private static LocalDate[] RandomDates(int count, int seed)
    {
        Random random = new(seed);
        LocalDate first = Calendar.Coverage.Start;
        int span = Calendar.Coverage.Length;
        LocalDate[] dates = new LocalDate[count];
        for (int i = 0; i < count; i++)
        {
            dates[i] = first.PlusDays(random.Next(span));
        }

        return dates;
    }
}
