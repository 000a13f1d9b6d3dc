using System;
using System.Globalization;
using FsCheck.Xunit;
using FsCheck;
using Ardalis.GuardClauses;
using FsCheck.Fluent;
using NodaTime;
using Upon.Core.Guards;

namespace Upon.Core.Tests.Guards;

/// <summary>
/// Upon.Core's own guard clauses on Ardalis' <see cref="IGuardClause"/>: the BCL exception type, the parameter
/// name, a message that states the allowed range and never the offending value, and the input returned.
/// </summary>
public sealed class UponGuardClausesTests
{
    private static readonly DateInterval Coverage = new(new LocalDate(1978, 1, 1), new LocalDate(2099, 12, 31));

    [Fact]
    public void NonIsoCalendar_IsoDate_IsReturned_OtherCalendar_IsArgumentException()
    {
        LocalDate iso = new(2024, 2, 29);
        Assert.Equal(iso, Guard.Against.NonIsoCalendar(iso));

        LocalDate julian = new(2024, 2, 29, CalendarSystem.Julian);
        ArgumentException error = Assert.Throws<ArgumentException>(() => Guard.Against.NonIsoCalendar(julian));
        Assert.Equal("julian", error.ParamName);
        Assert.Equal("The date must be in the ISO calendar system. (Parameter 'julian')", error.Message);
    }

    [Fact]
    public void OutsideCoverage_Date_BothEndsAreInside_TheDayBeyondIsNot()
    {
        Assert.Equal(Coverage.Start, Guard.Against.OutsideCoverage(Coverage.Start, Coverage));
        Assert.Equal(Coverage.End, Guard.Against.OutsideCoverage(Coverage.End, Coverage));

        LocalDate date = Coverage.End.PlusDays(1);
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.OutsideCoverage(date, Coverage));
        Assert.Equal("date", error.ParamName);
        Assert.Equal("The date 2100-01-01 is outside the calendar's coverage, 1978-01-01 to 2099-12-31 inclusive. (Parameter 'date')", error.Message);
        Assert.Null(error.ActualValue);
    }

    [Fact]
    public void OutsideCoverage_Interval_MustLieWhollyWithin()
    {
        Assert.Same(Coverage, Guard.Against.OutsideCoverage(Coverage, Coverage));

        DateInterval interval = new(Coverage.Start.PlusDays(-1), Coverage.Start);
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.OutsideCoverage(interval, Coverage, "request"));
        Assert.Equal("request", error.ParamName);
        Assert.StartsWith("The interval 1977-12-31 to 1978-01-01 is not wholly within the calendar's coverage, 1978-01-01 to 2099-12-31 inclusive.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutsideDateRange_StatesTheRangeOnly()
    {
        LocalDate asOf = new(1899, 12, 31);
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.OutsideDateRange(asOf, Coverage, "Eligibility dates"));
        Assert.Equal("asOf", error.ParamName);
        Assert.Equal("Eligibility dates lie from 1978-01-01 to 2099-12-31. (Parameter 'asOf')", error.Message);
        Assert.Equal(Coverage.Start, Guard.Against.OutsideDateRange(Coverage.Start, Coverage, "Eligibility dates"));
    }

    [Fact]
    public void LessThan_GreaterThan_OutsideRange_BoundsAreAllowed()
    {
        Assert.Equal(1, Guard.Against.LessThan(1, 1));
        Assert.Equal(9, Guard.Against.GreaterThan(9, 9));
        Assert.Equal(0.5m, Guard.Against.OutsideRange(0.5m, 0.5m, 1m));
        Assert.Equal(1m, Guard.Against.OutsideRange(1m, 0.5m, 1m));

        int capacity = 0;
        Assert.Equal("capacity must be at least 1. (Parameter 'capacity')", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.LessThan(capacity, 1)).Message);
        int year = 10000;
        Assert.Equal("year must be at most 9999. (Parameter 'year')", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.GreaterThan(year, 9999)).Message);
        decimal rate = 1.5m;
        Assert.Equal("rate must be from 0.5 to 1 inclusive. (Parameter 'rate')", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.OutsideRange(rate, 0.5m, 1m)).Message);
    }

    [Fact]
    public void Messages_AreCultureInvariant()
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            decimal share = 2m;
            Assert.StartsWith("share must be from 0.25 to 1.5 inclusive.", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.OutsideRange(share, 0.25m, 1.5m)).Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void NullItem_ItemsWithoutNull_Pass_ANullItem_IsArgumentNullException_NamingTheParameter()
    {
        Guard.Against.NullItem<string>([], "items");
        Guard.Against.NullItem(["a", "b"], "items");

        ArgumentNullException error = Assert.Throws<ArgumentNullException>(() => Guard.Against.NullItem(["a", null], "items"));
        Assert.Equal("items", error.ParamName);
    }

    [Fact]
    public void NotPositive_ZeroAndBelowAreRefused()
    {
        Assert.Equal(1, Guard.Against.NotPositive(1));
        Assert.Equal(0.001m, Guard.Against.NotPositive(0.001m));
        int maxBytes = 0;
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.NotPositive(maxBytes));
        Assert.Equal("maxBytes", error.ParamName);
        Assert.Equal("maxBytes must be above 0. (Parameter 'maxBytes')", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.NotPositive(-0.5m));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("1", true)]
    [InlineData("0.5", true)]
    [InlineData("-0.0001", false)]
    [InlineData("1.0001", false)]
    public void NotShare_FromZeroToOneInclusive(string text, bool allowed)
    {
        decimal share = decimal.Parse(text, CultureInfo.InvariantCulture);
        if (allowed)
        {
            Assert.Equal(share, Guard.Against.NotShare(share));
        }
        else
        {
            ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.NotShare(share));
            Assert.Equal("share must be a share from 0 to 1 inclusive. (Parameter 'share')", error.Message);
        }
    }

    [Fact]
    public void UndefinedEnum_NamesTheMembers_AndStaysArgumentOutOfRange()
    {
        Assert.Equal(DayOfWeek.Friday, Guard.Against.UndefinedEnum(DayOfWeek.Friday));
        DayOfWeek day = (DayOfWeek)7;
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.UndefinedEnum(day));
        Assert.Equal("day", error.ParamName);
        Assert.Equal("day must be one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday. (Parameter 'day')", error.Message);
    }

    [Fact]
    public void NoDayOfWeek_NoneIsRefused()
    {
        Assert.Equal(IsoDayOfWeek.Sunday, Guard.Against.NoDayOfWeek(IsoDayOfWeek.Sunday));
        IsoDayOfWeek day = IsoDayOfWeek.None;
        Assert.Equal("A day of the week must be Monday to Sunday. (Parameter 'day')", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.NoDayOfWeek(day)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.NoDayOfWeek((IsoDayOfWeek)8));
    }

    [Fact]
    public void IndexOutOfRange_FromZeroToBelowCount()
    {
        Assert.Equal(0, Guard.Against.IndexOutOfRange(0, 1));
        Assert.Equal(2, Guard.Against.IndexOutOfRange(2, 3));
        int index = 3;
        Assert.Equal("index must be at least 0 and less than 3. (Parameter 'index')", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.IndexOutOfRange(index, 3)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.IndexOutOfRange(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.IndexOutOfRange(0, 0));
    }

    [Property]
    public Property RangeGuards_AgreeWithTheComparison_AndNeverEchoTheValue()
    {
        // Bounds 7000 to 8000: a refused value of four digits or more cannot hide inside "7000", "8000" or the name.
        return Prop.ForAll(Gen.Choose(-100_000, 100_000).ToArbitrary(), value =>
        {
            bool inside = value is >= 7000 and <= 8000;
            Exception? error = Record.Exception(() => Guard.Against.OutsideRange(value, 7000, 8000));
            Assert.Equal(inside, error is null);
            Exception? below = Record.Exception(() => Guard.Against.LessThan(value, 7000));
            Assert.Equal(value >= 7000, below is null);
            Exception? above = Record.Exception(() => Guard.Against.GreaterThan(value, 8000));
            Assert.Equal(value <= 8000, above is null);
            foreach (Exception? e in new[] { error, below, above })
            {
                if (e is not null)
                {
                    ArgumentOutOfRangeException refused = Assert.IsType<ArgumentOutOfRangeException>(e);
                    Assert.Equal("value", refused.ParamName);
                    Assert.Null(refused.ActualValue);
                    Assert.DoesNotContain(value.ToString(CultureInfo.InvariantCulture), refused.Message.Replace("7000", string.Empty, StringComparison.Ordinal).Replace("8000", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
                }
            }
        });
    }
}
