namespace Upon.Core.Calendars;

/// <summary>
/// The bank holidays of England and Wales from 1978, the first year with every holiday observed
/// today, to <see cref="LastYear"/>: the recurring rules with their substitute days, plus the one-off
/// changes made by proclamation (<see cref="Changes"/>).
/// </summary>
/// <remarks>
/// <para>The recurring rules:</para>
/// <list type="bullet">
/// <item>New Year's Day, 1 January;</item>
/// <item>Good Friday and Easter Monday, from the Gregorian computus (<see cref="Easter"/>);</item>
/// <item>Early May bank holiday, the first Monday in May;</item>
/// <item>Spring bank holiday, the last Monday in May;</item>
/// <item>Summer bank holiday, the last Monday in August;</item>
/// <item>Christmas Day, 25 December, and Boxing Day, 26 December.</item>
/// </list>
/// <para>
/// When New Year's Day, Christmas Day or Boxing Day falls at a weekend, a substitute day is the next
/// weekday that is not already a holiday. So when Christmas Day is a Saturday, 27 and 28 December are
/// the substitutes; when it is a Sunday, Boxing Day keeps 26 December and Christmas Day's substitute is
/// 27 December, as the UK government publishes them.
/// </para>
/// <para>
/// Years after the current one follow the rules alone: a future one-off change is not known until it
/// is proclaimed. Names are those the UK government publishes (its data writes "New Year’s Day" with
/// a typographic apostrophe).
/// </para>
/// <para>Everything here is immutable and safe to use from many threads.</para>
/// </remarks>
public static class EnglandAndWalesBankHolidays
{
    /// <summary>The calendar's identifier, as the UK government's bank-holiday document names the division.</summary>
    public const string Id = "england-and-wales";

    /// <summary>The first year covered: 1978, when the early May bank holiday was first observed.</summary>
    public const int FirstYear = 1978;

    /// <summary>The last year covered.</summary>
    public const int LastYear = 2099;

    /// <summary>The name of New Year's Day as published.</summary>
    public const string NewYearsDay = "New Year’s Day";

    /// <summary>The name of Good Friday.</summary>
    public const string GoodFriday = "Good Friday";

    /// <summary>The name of Easter Monday.</summary>
    public const string EasterMonday = "Easter Monday";

    /// <summary>The name of the early May bank holiday.</summary>
    public const string EarlyMay = "Early May bank holiday";

    /// <summary>The name of the spring bank holiday.</summary>
    public const string Spring = "Spring bank holiday";

    /// <summary>The name of the summer bank holiday.</summary>
    public const string Summer = "Summer bank holiday";

    /// <summary>The name of Christmas Day.</summary>
    public const string ChristmasDay = "Christmas Day";

    /// <summary>The name of Boxing Day.</summary>
    public const string BoxingDay = "Boxing Day";

    private static readonly LocalDate FirstDate = new(FirstYear, 1, 1);
    private static readonly LocalDate LastDate = new(LastYear, 12, 31);

    /// <summary>
    /// Gets the one-off changes from 1978 on, in date order: extra holidays and moved holidays.
    /// </summary>
    public static ImmutableArray<HolidayChange> Changes { get; } =
    [
        new(new LocalDate(1981, 7, 29), "Royal wedding", null, "Wedding of the Prince of Wales and Lady Diana Spencer"),
        new(new LocalDate(1995, 5, 8), "Early May bank holiday (VE day)", new LocalDate(1995, 5, 1), "50th anniversary of VE Day"),
        new(new LocalDate(1999, 12, 31), "Millennium celebrations", null, "The millennium"),
        new(new LocalDate(2002, 6, 3), "Golden Jubilee bank holiday", null, "Golden Jubilee of Queen Elizabeth II"),
        new(new LocalDate(2002, 6, 4), Spring, new LocalDate(2002, 5, 27), "Golden Jubilee of Queen Elizabeth II"),
        new(new LocalDate(2011, 4, 29), "Royal wedding", null, "Wedding of Prince William and Catherine Middleton"),
        new(new LocalDate(2012, 6, 4), Spring, new LocalDate(2012, 5, 28), "Diamond Jubilee of Queen Elizabeth II"),
        new(new LocalDate(2012, 6, 5), "Queen’s Diamond Jubilee", null, "Diamond Jubilee of Queen Elizabeth II"),
        new(new LocalDate(2020, 5, 8), "Early May bank holiday (VE day)", new LocalDate(2020, 5, 4), "75th anniversary of VE Day"),
        new(new LocalDate(2022, 6, 2), Spring, new LocalDate(2022, 5, 30), "Platinum Jubilee of Queen Elizabeth II"),
        new(new LocalDate(2022, 6, 3), "Platinum Jubilee bank holiday", null, "Platinum Jubilee of Queen Elizabeth II"),
        new(new LocalDate(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II", null, "State funeral of Queen Elizabeth II"),
        new(new LocalDate(2023, 5, 8), "Bank holiday for the coronation of King Charles III", null, "Coronation of King Charles III"),
    ];

    /// <summary>
    /// Gets the calendar of England and Wales bank holidays, 1 January <see cref="FirstYear"/> to
    /// 31 December <see cref="LastYear"/>, with <see cref="Changes"/> applied.
    /// </summary>
    public static HolidayCalendar Calendar { get; } = new(
        Id,
        new DateInterval(FirstDate, LastDate),
        Enumerable.Range(FirstYear, LastYear - FirstYear + 1).SelectMany(Observed));

    /// <summary>
    /// Gets the holidays the recurring rules give for <paramref name="year"/>, with substitute days,
    /// before any one-off change.
    /// </summary>
    /// <param name="year">A year from <see cref="FirstYear"/> to <see cref="LastYear"/>.</param>
    /// <returns>The year's holidays by the rules, in date order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside the covered years.</exception>
    public static ImmutableArray<Holiday> ByRules(int year)
    {
        Guard.Against.LessThan(year, FirstYear);
        Guard.Against.GreaterThan(year, LastYear);

        List<Holiday> holidays =
        [
            new(Easter.GoodFriday(year), GoodFriday),
            new(Easter.Monday(year), EasterMonday),
            new(FirstMonday(year, 5), EarlyMay),
            new(LastMonday(year, 5), Spring),
            new(LastMonday(year, 8), Summer),
        ];

        // Fixed-date holidays on a weekday keep their date; those at a weekend then take, in order,
        // the next weekday that is not already a holiday.
        (LocalDate Date, string Name)[] fixedDates =
        [
            (new LocalDate(year, 1, 1), NewYearsDay),
            (new LocalDate(year, 12, 25), ChristmasDay),
            (new LocalDate(year, 12, 26), BoxingDay),
        ];
        foreach ((LocalDate date, string name) in fixedDates)
        {
            if (!IsWeekend(date))
            {
                holidays.Add(new Holiday(date, name));
            }
        }

        foreach ((LocalDate date, string name) in fixedDates)
        {
            if (IsWeekend(date))
            {
                LocalDate substitute = date.PlusDays(1);
                while (IsWeekend(substitute) || holidays.Exists(h => h.Date == substitute))
                {
                    substitute = substitute.PlusDays(1);
                }

                holidays.Add(Holiday.SubstituteDay(substitute, name));
            }
        }

        return [.. holidays.Order()];
    }

    /// <summary>Gets the holidays observed in <paramref name="year"/>: <see cref="ByRules"/> with <see cref="Changes"/> applied.</summary>
    private static IEnumerable<Holiday> Observed(int year)
    {
        List<Holiday> holidays = [.. ByRules(year)];
        foreach (HolidayChange change in Changes)
        {
            if (change.Date.Year != year)
            {
                continue;
            }

            if (change.Replaces is LocalDate replaced)
            {
                holidays.RemoveAll(h => h.Date == replaced);
            }

            holidays.Add(new Holiday(change.Date, change.Name));
        }

        return holidays;
    }

    private static bool IsWeekend(LocalDate date) =>
        date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    private static LocalDate FirstMonday(int year, int month) =>
        new LocalDate(year, month, 1).PlusDays(-1).Next(IsoDayOfWeek.Monday);

    private static LocalDate LastMonday(int year, int month) =>
        new LocalDate(year, month, 1).PlusMonths(1).Previous(IsoDayOfWeek.Monday);
}
