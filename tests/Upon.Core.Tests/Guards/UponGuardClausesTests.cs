using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
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

    [Fact]
    public void Empty_NoItem_IsArgumentException_SayingWhatIsNeeded()
    {
        IReadOnlyList<string> participants = [];
        ArgumentException error = Assert.Throws<ArgumentException>(() => Guard.Against.Empty(participants, "participant"));
        Assert.Equal("participants", error.ParamName);
        Assert.Equal("At least one participant is needed. (Parameter 'participants')", error.Message);

        ImmutableArray<int> none = [];
        Assert.Equal("At least one role pattern is needed. (Parameter 'none')", Assert.Throws<ArgumentException>(() => Guard.Against.Empty(none, "role pattern")).Message);
        ImmutableArray<int> unset = default;
        ArgumentException fromDefault = Assert.Throws<ArgumentException>(() => Guard.Against.Empty(unset, "category", "Counts"));
        Assert.Equal("Counts", fromDefault.ParamName);
        Assert.Equal("At least one category is needed. (Parameter 'Counts')", fromDefault.Message);
    }

    [Property]
    public Property Empty_AnyItem_Passes_AndReturnsTheInput()
    {
        return Prop.ForAll(Gen.Choose(1, 50).ToArbitrary(), count =>
        {
            int[] items = [.. Enumerable.Range(0, count)];
            ImmutableArray<int> array = [.. items];
            Assert.Same(items, Guard.Against.Empty(items, "share"));
            Assert.Equal(array, Guard.Against.Empty(array, "share"));
        });
    }

    [Fact]
    public void NullAt_NullItem_IsArgumentException_NamingItsPosition()
    {
        string?[] candidates = ["a", "b", null];
        ArgumentException error = Assert.Throws<ArgumentException>(() => Guard.Against.NullAt(candidates[2], 2, "Candidate", nameof(candidates)));
        Assert.Equal("candidates", error.ParamName);
        Assert.Equal("Candidate 2 is null. (Parameter 'candidates')", error.Message);
    }

    [Property]
    public Property NullAt_AnItem_IsReturned()
    {
        return Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), index =>
        {
            string item = index.ToString(CultureInfo.InvariantCulture);
            Assert.Same(item, Guard.Against.NullAt(item, index, "Participant", "participants"));
        });
    }

    [Fact]
    public void Duplicate_ARepeatedKey_IsArgumentException_WithBothPositions()
    {
        Dictionary<string, int> seen = new(StringComparer.Ordinal);
        Guard.Against.Duplicate(seen, "x", 0, static (_, _) => throw new InvalidOperationException("The message is made only on failure."), "dimensions");
        Guard.Against.Duplicate(seen, "y", 1, static (_, _) => throw new InvalidOperationException("The message is made only on failure."), "dimensions");
        ArgumentException error = Assert.Throws<ArgumentException>(() => Guard.Against.Duplicate(seen, "x", 2, static (earlier, again) => $"Dimensions {earlier} and {again} have the same name.", "dimensions"));
        Assert.Equal("dimensions", error.ParamName);
        Assert.Equal("Dimensions 0 and 2 have the same name. (Parameter 'dimensions')", error.Message);
        Assert.Equal(2, seen.Count);
    }

    [Property]
    public Property Duplicate_ThrowsAtTheFirstRepeat_NamingTheFirstOccurrence()
    {
        return Prop.ForAll(Gen.ListOf(Gen.Choose(0, 20)).ToArbitrary(), keys =>
        {
            int[] list = [.. keys];
            int repeat = Enumerable.Range(0, list.Length).FirstOrDefault(i => Array.IndexOf(list, list[i]) < i, -1);
            Dictionary<int, int> seen = [];
            Exception? error = Record.Exception(() =>
            {
                for (int i = 0; i < list.Length; i++)
                {
                    Guard.Against.Duplicate(seen, list[i], i, static (earlier, again) => $"{earlier} {again}", "keys");
                }
            });
            if (repeat < 0)
            {
                Assert.Null(error);
                Assert.Equal(list.Length, seen.Count);
            }
            else
            {
                ArgumentException refused = Assert.IsType<ArgumentException>(error);
                Assert.Equal("keys", refused.ParamName);
                Assert.Equal(Invariant($"{Array.IndexOf(list, list[repeat])} {repeat} (Parameter 'keys')"), refused.Message);
            }
        });
    }

    [Fact]
    public void Invalid_TrueIsArgumentException_WithTheMessage_OrWithoutAParameter()
    {
        DateTimeOffset? endTime = null;
        ArgumentException error = Assert.Throws<ArgumentException>(() => Guard.Against.Invalid(endTime is null, "A session has both a start and an end time, or neither.", nameof(endTime)));
        Assert.Equal("endTime", error.ParamName);
        Assert.Equal("A session has both a start and an end time, or neither. (Parameter 'endTime')", error.Message);

        ArgumentException several = Assert.Throws<ArgumentException>(() => Guard.Against.Invalid(true, "A role pattern needs at least one level, organisation type and sector.", parameterName: null));
        Assert.Null(several.ParamName);
        Assert.Equal("A role pattern needs at least one level, organisation type and sector.", several.Message);
    }

    [Fact]
    public void OutOfRange_TrueIsArgumentOutOfRangeException_WithTheMessage_AndNoActualValue()
    {
        double horizon = -1;
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.OutOfRange(!(horizon > 0), "The horizon must be finite and above 0.", nameof(horizon)));
        Assert.Equal("horizon", error.ParamName);
        Assert.Equal("The horizon must be finite and above 0. (Parameter 'horizon')", error.Message);
        Assert.Null(error.ActualValue);
    }

    [Fact]
    public void InterpolatedMessages_AreBuiltOnlyOnFailure_InTheInvariantCulture()
    {
        int built = 0;
        string Hole()
        {
            built++;
            return "x";
        }

        Guard.Against.Invalid(false, $"Never {Hole()}", "p");
        Guard.Against.OutOfRange(false, $"Never {Hole()}", "p");
        Assert.Equal(0, built);

        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            const double Level = 0.999999;
            int share = 3;
            ArgumentException invalid = Assert.Throws<ArgumentException>(() => Guard.Against.Invalid(true, $"Share {share} is {Hole()}; at most {Level}.", "shares"));
            Assert.Equal("Share 3 is x; at most 0.999999. (Parameter 'shares')", invalid.Message);
            ArgumentOutOfRangeException range = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.OutOfRange(true, $"The level must be above 0 and at most {Level:0.0}.", "level"));
            Assert.Equal("level", range.ParamName);
            Assert.Equal("The level must be above 0 and at most 1.0. (Parameter 'level')", range.Message);
            Assert.Null(range.ActualValue);
            Assert.Equal(1, built);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Property]
    public Property Invalid_And_OutOfRange_ThrowExactlyWhenTheConditionHolds()
    {
        return Prop.ForAll(Gen.Elements(true, false).Zip(Gen.Choose(0, int.MaxValue)).ToArbitrary(), ((bool Condition, int Position) input) => ThrowsExactlyWhen(input.Condition, input.Position));
    }

    private static bool ThrowsExactlyWhen(bool condition, int position)
    {
        Exception? invalid = Record.Exception(() => Guard.Against.Invalid(condition, $"Item {position} is wrong.", "items"));
        Exception? range = Record.Exception(() => Guard.Against.OutOfRange(condition, "The value is outside its range.", "value"));
        return condition == (invalid is not null) && condition == (range is not null)
            && (!condition || (Assert.IsType<ArgumentException>(invalid).Message == Invariant($"Item {position} is wrong. (Parameter 'items')")
                && Assert.IsType<ArgumentOutOfRangeException>(range).ParamName == "value"));
    }

    [Fact]
    public void UndefinedEnum_And_NotShare_TakeArdalisStyleMessages()
    {
        DayOfWeek origin = (DayOfWeek)9;
        ArgumentOutOfRangeException undefined = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.UndefinedEnum(origin, nameof(origin), "The origin must be a day."));
        Assert.Equal("origin", undefined.ParamName);
        Assert.Equal("The origin must be a day. (Parameter 'origin')", undefined.Message);
        Assert.Equal(DayOfWeek.Monday, Guard.Against.UndefinedEnum(DayOfWeek.Monday, "day", "The origin must be a day."));

        decimal reference = 1.01m;
        ArgumentOutOfRangeException share = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.NotShare(reference, "referenceShares", "A reference share must be from 0 to 1."));
        Assert.Equal("referenceShares", share.ParamName);
        Assert.Equal("A reference share must be from 0 to 1. (Parameter 'referenceShares')", share.Message);
        Assert.Equal(1m, Guard.Against.NotShare(1m, "referenceShares", "A reference share must be from 0 to 1."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
