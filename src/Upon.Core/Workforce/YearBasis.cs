namespace Upon.Core.Workforce;

/// <summary>What a year of a turnover series is.</summary>
public enum YearBasis
{
    /// <summary>Financial years, 1 April to 31 March, each named by the calendar year it starts in (2020 is 2020/21).</summary>
    Financial = 1,

    /// <summary>Calendar years, 1 January to 31 December.</summary>
    Calendar = 2,
}
