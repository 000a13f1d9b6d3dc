namespace Upon.Core.Workforce;

/// <summary>The periods turnover is reported over. Each is a <see cref="DateInterval"/> with both ends included.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class TurnoverPeriods
{
    /// <summary>Gets the financial year starting in <paramref name="startYear"/>: 1 April of that year to 31 March of the next, inclusive (2020 gives 2020/21).</summary>
    /// <param name="startYear">The calendar year in which the financial year starts, 1 to 9998.</param>
    /// <returns>The financial year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startYear"/> is outside 1 to 9998.</exception>
    public static DateInterval FinancialYear(int startYear)
    {
        Guard.Against.LessThan(startYear, 1);
        Guard.Against.GreaterThan(startYear, 9998);
        return new DateInterval(new LocalDate(startYear, 4, 1), new LocalDate(startYear + 1, 3, 31));
    }

    /// <summary>Gets the financial year (1 April to 31 March) that contains <paramref name="date"/>.</summary>
    /// <param name="date">A date in the ISO calendar, from 1 April of year 1 to 31 March 9999.</param>
    /// <returns>The financial year containing the date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The financial year would fall outside years 1 to 9999.</exception>
    public static DateInterval FinancialYearContaining(LocalDate date) =>
        FinancialYear(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Gets calendar year <paramref name="year"/>: 1 January to 31 December, inclusive.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <returns>The calendar year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1 to 9999.</exception>
    public static DateInterval CalendarYear(int year)
    {
        Guard.Against.LessThan(year, 1);
        Guard.Against.GreaterThan(year, 9999);
        return new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));
    }

    /// <summary>
    /// Gets the rolling 12 months ending on <paramref name="end"/>: from the day after the same date a
    /// year earlier to <paramref name="end"/>, inclusive (ending 30 June 2021 gives 1 July 2020 to 30 June 2021;
    /// ending 28 February 2021 starts on 29 February 2020).
    /// </summary>
    /// <param name="end">The last day, in the ISO calendar, in year 2 or later.</param>
    /// <returns>The twelve months.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is in year 1.</exception>
    public static DateInterval Rolling12Months(LocalDate end)
    {
        Guard.Against.LessThan(end.Year, 2, nameof(end));
        return new DateInterval(end.PlusYears(-1).PlusDays(1), end);
    }

    /// <summary>Gets a financial year (<see cref="FinancialYear"/>) or a calendar year (<see cref="CalendarYear"/>).</summary>
    /// <param name="basis">What the year is.</param>
    /// <param name="year">The calendar year, or the calendar year the financial year starts in; 1 to 9998.</param>
    /// <returns>The year, both ends included.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is undefined, or <paramref name="year"/> is outside 1 to 9998.</exception>
    public static DateInterval Year(YearBasis basis, int year)
    {
        CheckBasis(basis);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        return basis == YearBasis.Financial ? FinancialYear(year) : CalendarYear(year);
    }

    /// <summary>Gets the year that contains <paramref name="date"/>: its calendar year, or the calendar year its financial year starts in (31 March 2021 is in 2020, for 2020/21).</summary>
    /// <param name="basis">What the year is.</param>
    /// <param name="date">The date, in the ISO calendar, from 1 April of year 1 for financial years.</param>
    /// <returns>The year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is undefined, or the financial year would start before year 1.</exception>
    public static int YearContaining(YearBasis basis, LocalDate date)
    {
        CheckBasis(basis);
        return basis == YearBasis.Financial ? FinancialYearContaining(date).Start.Year : date.Year;
    }

    /// <summary>
    /// Gets the last whole year by <paramref name="asOf"/>: the latest year (of <paramref name="basis"/>) that ends on or
    /// before it, the year containing it when it is the year's last day (31 March, 31 December), else the year before.
    /// Turnover is measured over whole years up to the date the records are known to.
    /// </summary>
    /// <param name="basis">What the year is.</param>
    /// <param name="asOf">The date the records are known to, in the ISO calendar.</param>
    /// <returns>The year: a calendar year, or the calendar year the financial year starts in; 0 when none ends by <paramref name="asOf"/> within the calendar.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="basis"/> is undefined, or the financial year containing <paramref name="asOf"/> would start before year 1.</exception>
    public static int LastWholeYear(YearBasis basis, LocalDate asOf)
    {
        int year = YearContaining(basis, asOf);
        LocalDate end = basis == YearBasis.Financial ? new LocalDate(year + 1, 3, 31) : new LocalDate(year, 12, 31);
        return end == asOf ? year : year - 1;
    }

    private static void CheckBasis(YearBasis basis)
    {
        Guard.Against.UndefinedEnum(basis, nameof(basis), "The year basis must be Financial or Calendar.");
    }
}
