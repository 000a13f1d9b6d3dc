using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Tests.Calendars;

public class HolidayTests
{
    private static FsCheck.Arbitrary<(Holiday, Holiday)> Pairs() => Arb.Zip(Generators.Holidays(), Generators.Holidays());

    [Property]
    public Property CompareTo_IsAntisymmetric() =>
        Prop.ForAll(Pairs(), pair =>
        {
            (Holiday a, Holiday b) = pair;
            return Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a));
        });

    [Property]
    public Property CompareTo_IsZeroExactlyWhenEqual() =>
        Prop.ForAll(Pairs(), pair =>
        {
            (Holiday a, Holiday b) = pair;
            return (a.CompareTo(b) == 0) == a.Equals(b) && a.Equals(b) == (a == b) && (a != b) == !a.Equals(b);
        });

    [Property]
    public Property CompareTo_IsTransitive() =>
        Prop.ForAll(Arb.Zip(Pairs(), Generators.Holidays()), triple =>
        {
            ((Holiday a, Holiday b), Holiday c) = triple;
            return !(a.CompareTo(b) <= 0 && b.CompareTo(c) <= 0) || a.CompareTo(c) <= 0;
        });

    [Property]
    public Property CompareTo_OrdersByDateThenOrdinalNameThenOrdinalNotes() =>
        Prop.ForAll(Pairs(), pair =>
        {
            (Holiday a, Holiday b) = pair;
            int expected = a.Date != b.Date ? a.Date.CompareTo(b.Date)
                : a.Name != b.Name ? string.CompareOrdinal(a.Name, b.Name)
                : string.CompareOrdinal(a.Notes, b.Notes);
            return Math.Sign(expected) == Math.Sign(a.CompareTo(b));
        });

    [Property]
    public Property EqualValues_HaveEqualHashCodes() =>
        Prop.ForAll(Pairs(), pair =>
        {
            (Holiday a, Holiday b) = pair;
            Holiday copy = new(a.Date, new string(a.Name.AsSpan()), new string(a.Notes.AsSpan()));
            return a.Equals(copy)
                && a.GetHashCode() == copy.GetHashCode()
                && (!a.Equals(b) || a.GetHashCode() == b.GetHashCode());
        });

    [Property]
    public Property Operators_AgreeWithCompareTo() =>
        Prop.ForAll(Pairs(), pair =>
        {
            (Holiday a, Holiday b) = pair;
            int c = a.CompareTo(b);
            return (a < b) == (c < 0) && (a > b) == (c > 0) && (a <= b) == (c <= 0) && (a >= b) == (c >= 0);
        });

    [Property]
    public Property Sorting_AnyList_IsOrderedByCompareTo() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Generators.Holidays().Generator)), holidays =>
        {
            Holiday[] sorted = [.. holidays.Order()];
            return sorted.Zip(sorted.Skip(1)).All(p => p.First <= p.Second) && sorted.Length == holidays.Length;
        });

    [Fact]
    public void IsSubstituteDay_IgnoresCaseOfTheNote()
    {
        LocalDate date = new(2022, 12, 27);

        Assert.True(Holiday.SubstituteDay(date, "Christmas Day").IsSubstituteDay);
        Assert.True(new Holiday(date, "Christmas Day", "substitute DAY").IsSubstituteDay);
        Assert.False(new Holiday(date, "Christmas Day").IsSubstituteDay);
        Assert.Equal(string.Empty, new Holiday(date, "Christmas Day").Notes);
        Assert.Equal("Substitute day", Holiday.SubstituteDay(date, "Christmas Day").Notes);
    }

    [Fact]
    public void CompareTo_OrdinalNames_UppercaseSortsBeforeLowercase()
    {
        LocalDate date = new(2020, 6, 1);

        Assert.True(new Holiday(date, "Boxing Day") < new Holiday(date, "boxing day"));
        Assert.True(new Holiday(date, "Zed day") < new Holiday(date, "Ábaco day"));
        Assert.True(new Holiday(date, "Zed day") < new Holiday(date.PlusDays(1), "Ábaco day"));
        Assert.True(new Holiday(date, "Day", string.Empty) < new Holiday(date, "Day", "Substitute day"));
    }

    [Fact]
    public void ToString_GivesIsoDateNameAndNotes()
    {
        Assert.Equal("2022-12-27 Christmas Day (Substitute day)", Holiday.SubstituteDay(new LocalDate(2022, 12, 27), "Christmas Day").ToString());
        Assert.Equal("2022-12-26 Boxing Day", new Holiday(new LocalDate(2022, 12, 26), "Boxing Day").ToString());
    }
}
