using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The spells' edges that mutation testing found untested: how one authority's appointments starting on the same day
/// are ordered (by holder, then an open end first, then end, then exit reason) and joined, the earlier posts a spell is
/// marked with, the authorities' order, a spell's financial year and origin on the history's first day, and the
/// numbering of holder ids (an empty id, more ids than the first table holds, two ids of one hash).
/// </summary>
public sealed class SpellTableMutationTests
{
    private static readonly Gen<Appointment[]> Histories =
        from count in Gen.Choose(0, 12)
        from appointments in Gen.ArrayOf(
            from authority in Gen.Elements("A", "B", "C")
            from holder in Gen.Elements("h1", "h2", "h3")
            from start in Gen.Choose(0, 20)
            from length in Gen.Choose(-1, 10)
            from kind in Gen.Elements(AppointmentKind.Permanent, AppointmentKind.Interim, AppointmentKind.Acting)
            from reason in Gen.Elements<ExitReason?>(null, ExitReason.Retired, ExitReason.MovedToAnotherDcsPost)
            select Make(authority, holder, start, length, kind, reason),
            count)
        select appointments;

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static Appointment A(string authority, string holder, LocalDate start, LocalDate? end, AppointmentKind kind = AppointmentKind.Permanent) =>
        new(authority, holder, start, end, kind);

    private static Appointment Make(string authority, string holder, int start, int length, AppointmentKind kind, ExitReason? reason)
    {
        LocalDate first = D(2020, 1, 1).PlusDays(start);
        return length < 0
            ? new Appointment(authority, holder, first, null, kind)
            : new Appointment(authority, holder, first, first.PlusDays(length), kind) { ExitReason = reason };
    }

    private static HolderSpell Spell(ImmutableArray<HolderSpell> spells, string authority, string holder, LocalDate start) =>
        Assert.Single(spells, s => s.AuthorityCode == authority && s.HolderId == holder && s.Start == start);

    // SpellTable.cs:189-229 (the marks, as HolderSpell documents them: any spell of the holder starting strictly before, here or in another authority)
    [Property]
    public Property EarlierPosts_AreTheHoldersSpellsStartingStrictlyBefore() =>
        Prop.ForAll(Histories.ToArbitrary(), appointments =>
        {
            ImmutableArray<HolderSpell> spells = HolderSpells.Of(appointments);

            foreach (HolderSpell spell in spells)
            {
                IEnumerable<HolderSpell> before = spells.Where(s => s.HolderId == spell.HolderId && s.Start < spell.Start);
                Assert.Equal(before.Any(s => s.AuthorityCode == spell.AuthorityCode), spell.HeldPostHereBefore);
                Assert.Equal(before.Any(s => s.AuthorityCode != spell.AuthorityCode), spell.HeldPostElsewhereBefore);
            }
        });

    // SpellTable.cs:128-130 (with no two appointments of one holder in one authority alike in start and end, the sort is total)
    [Property]
    public Property Spells_AreTheSameWhateverTheOrderOfTheAppointments() =>
        Prop.ForAll(
            (from appointments in Histories
             let distinct = appointments.DistinctBy(a => (a.AuthorityCode, a.HolderId, a.Start, a.End)).ToArray()
             from shuffled in Gen.Shuffle(distinct)
             select (distinct, shuffled)).ToArbitrary(),
            input =>
            {
                foreach (bool lookThrough in new[] { false, true })
                {
                    Assert.Equal<HolderSpell>(HolderSpells.Of(input.distinct, lookThrough), HolderSpells.Of(input.shuffled, lookThrough));
                }
            });

    // HolderSpells.cs:28
    [Fact]
    public void Of_AuthoritiesNamedOutOfOrder_AreInOrderOfCode()
    {
        ImmutableArray<HolderSpell> spells = HolderSpells.Of([A("B", "b1", D(2020, 1, 1), null), A("A", "a1", D(2021, 1, 1), null)]);

        Assert.Equal(["A", "B"], spells.Select(s => s.AuthorityCode));
    }

    // SpellTable.cs:128 (all three mutants) and :129 (byHolder ignored, byHolder == 0): two holders starting on one day are in order of id, not of end
    [Fact]
    public void Of_TwoHoldersStartingOnOneDay_AreInOrderOfHolderId()
    {
        ImmutableArray<HolderSpell> spells = HolderSpells.Of([A("A", "h2", D(2020, 1, 1), D(2020, 6, 30)), A("A", "h1", D(2020, 1, 1), D(2020, 12, 31))]);

        Assert.Equal(["h1", "h2"], spells.Select(s => s.HolderId));
    }

    // SpellTable.cs:129 (byEnd taken as byHolder, equal ends for closed appointments) and :130 (the reason compared whatever the end):
    // a holder's two appointments starting on one day join with the one ending first as the first, so the spell starts as it does
    [Fact]
    public void Of_AHoldersAppointmentsStartingOnOneDay_StartWithTheOneEndingFirst()
    {
        ImmutableArray<HolderSpell> spells = HolderSpells.Of(
        [
            A("A", "h", D(2020, 1, 1), D(2020, 12, 31), AppointmentKind.Permanent),
            A("A", "h", D(2020, 1, 1), D(2020, 3, 31), AppointmentKind.Interim),
        ]);

        HolderSpell spell = Assert.Single(spells);
        Assert.Equal(AppointmentKind.Interim, spell.StartKind);
        Assert.Equal(D(2020, 12, 31), spell.End);
        Assert.Equal(D(2020, 1, 1), spell.PermanentFrom);
    }

    // SpellTable.cs:130 (&&: exit reasons are compared only between appointments ending on one day)
    [Fact]
    public void Of_AHoldersAppointmentsStartingOnOneDayWithOtherReasons_AreStillInOrderOfEnd()
    {
        ImmutableArray<HolderSpell> spells = HolderSpells.Of(
        [
            new Appointment("A", "h", D(2020, 1, 1), D(2020, 3, 31), AppointmentKind.Interim) { ExitReason = ExitReason.Retired },
            new Appointment("A", "h", D(2020, 1, 1), D(2020, 12, 31), AppointmentKind.Permanent) { ExitReason = ExitReason.MovedToAnotherDcsPost },
        ]);

        HolderSpell spell = Assert.Single(spells);
        Assert.Equal(AppointmentKind.Interim, spell.StartKind);
        Assert.Equal(ExitReason.MovedToAnotherDcsPost, spell.ExitReason);
    }

    // SpellTable.cs:129 (the open end first: every mutant of "a.IsOpen ? -1 : 1" and of the test before it) and :324 (|= Open, not ^=).
    // Four appointments, so that the sort is an insertion sort that calls the comparison both ways round.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Of_AHoldersOpenAndClosedAppointmentsStartingOnOneDay_StartWithTheOpenOne(bool openFirst)
    {
        Appointment open = A("A", "h", D(2020, 1, 1), null, AppointmentKind.Permanent);
        Appointment closed = A("A", "h", D(2020, 1, 1), D(2020, 3, 31), AppointmentKind.Interim);
        Appointment[] appointments =
        [
            A("A", "x", D(2010, 1, 1), D(2014, 12, 31)),
            A("A", "y", D(2015, 1, 1), D(2019, 12, 31)),
            openFirst ? open : closed,
            openFirst ? closed : open,
        ];

        HolderSpell spell = Spell(HolderSpells.Of(appointments), "A", "h", D(2020, 1, 1));

        Assert.Equal(AppointmentKind.Permanent, spell.StartKind);
        Assert.Null(spell.End);
        Assert.Null(spell.ExitReason);
    }

    // SpellTable.cs:333 (a spell's permanent start is its first permanent appointment's, not a later one's)
    [Fact]
    public void Of_TwoPermanentAppointmentsJoined_KeepTheFirstPermanentStart()
    {
        ImmutableArray<HolderSpell> spells = HolderSpells.Of(
        [
            A("A", "h", D(2015, 1, 1), D(2017, 12, 31), AppointmentKind.Permanent),
            A("A", "h", D(2018, 1, 1), D(2019, 12, 31), AppointmentKind.Interim),
            A("A", "h", D(2020, 1, 1), null, AppointmentKind.Permanent),
        ]);

        HolderSpell spell = Assert.Single(spells);
        Assert.Equal(D(2015, 1, 1), spell.PermanentFrom);
        Assert.Null(spell.End);
    }

    // SpellTable.cs:58 (an open spell has no exit reason, even from a row that carries one: the table's builder does not refuse it)
    [Fact]
    public void Of_AnOpenRowWithAReason_IsASpellWithoutAReason()
    {
        AppointmentTable.Builder builder = new(0);
        builder.Add("A"u8, "h"u8, D(2020, 1, 1), null, AppointmentKind.Permanent, false, "retired"u8);

        HolderSpell spell = Assert.Single(HolderSpells.Of(builder.Build()));

        Assert.Null(spell.End);
        Assert.Null(spell.ExitReason);
    }

    // SpellTable.cs:193 (a holder first seen in A, then earlier in B: A becomes their post elsewhere for B's later spell)
    [Fact]
    public void Of_AHolderWhoseEarliestPostIsInALaterAuthority_HeldTheFirstOnesPostElsewhere()
    {
        ImmutableArray<HolderSpell> spells = HolderSpells.Of(
        [
            A("A", "h", D(2015, 1, 1), D(2015, 12, 31)),
            A("B", "h", D(2010, 1, 1), D(2011, 12, 31)),
            A("B", "x", D(2012, 1, 1), D(2017, 12, 31)),
            A("B", "h", D(2018, 1, 1), null),
        ]);

        HolderSpell back = Spell(spells, "B", "h", D(2018, 1, 1));
        Assert.True(back.HeldPostHereBefore);
        Assert.True(back.HeldPostElsewhereBefore);
        Assert.True(Spell(spells, "A", "h", D(2015, 1, 1)).HeldPostElsewhereBefore);
        Assert.False(Spell(spells, "B", "h", D(2010, 1, 1)).HeldPostElsewhereBefore);
    }

    // SpellTable.cs:196 (all five mutants but <=) and :198: the earliest start outside the holder's first authority is the earliest, not the first or last found
    [Fact]
    public void Of_AHolderBackInTheFirstAuthority_HeldThePostElsewhereInBetween()
    {
        ImmutableArray<HolderSpell> spells = HolderSpells.Of(
        [
            A("A", "h", D(2010, 1, 1), D(2011, 12, 31)),
            A("A", "x", D(2012, 1, 1), D(2019, 12, 31)),
            A("A", "h", D(2020, 1, 1), null),
            A("B", "h", D(2015, 1, 1), D(2016, 12, 31)),
            A("C", "h", D(2025, 1, 1), null),
        ]);

        HolderSpell back = Spell(spells, "A", "h", D(2020, 1, 1));
        Assert.True(back.HeldPostHereBefore);
        Assert.True(back.HeldPostElsewhereBefore);
        Assert.Equal(ChangeOrigin.Return, back.OriginGiven(D(2000, 1, 1)));
    }

    // SpellTable.cs:215 (false: a holder who only ever held one authority's post never held one elsewhere)
    [Fact]
    public void Of_AHolderReturningToTheirOnlyPost_NeverHeldOneElsewhere()
    {
        ImmutableArray<HolderSpell> spells = HolderSpells.Of(
        [
            A("A", "h", D(2010, 1, 1), D(2011, 12, 31)),
            A("A", "x", D(2012, 1, 1), D(2019, 12, 31)),
            A("A", "h", D(2020, 1, 1), null),
        ]);

        HolderSpell back = Spell(spells, "A", "h", D(2020, 1, 1));
        Assert.True(back.HeldPostHereBefore);
        Assert.False(back.HeldPostElsewhereBefore);
    }

    // SpellTable.cs:215 (other <= start: a post elsewhere starting on the same day is not before)
    [Fact]
    public void Of_AReturnOnTheDayAPostElsewhereStarts_IsNotAfterThatPost()
    {
        ImmutableArray<HolderSpell> spells = HolderSpells.Of(
        [
            A("A", "h", D(2010, 1, 1), D(2011, 12, 31)),
            A("A", "x", D(2012, 1, 1), D(2014, 12, 31)),
            A("A", "h", D(2015, 1, 1), null),
            A("B", "h", D(2015, 1, 1), D(2015, 6, 30)),
        ]);

        HolderSpell back = Spell(spells, "A", "h", D(2015, 1, 1));
        Assert.True(back.HeldPostHereBefore);
        Assert.False(back.HeldPostElsewhereBefore);
    }

    // SpellTable.cs:215 (first <= start: two posts starting on one day, a shared post, are neither before the other)
    [Fact]
    public void Of_TwoPostsOfAHolderStartingOnOneDay_AreNeitherBeforeTheOther()
    {
        ImmutableArray<HolderSpell> spells = HolderSpells.Of([A("A", "h", D(2020, 1, 1), null), A("B", "h", D(2020, 1, 1), null)]);

        Assert.All(spells, s => Assert.False(s.HeldPostElsewhereBefore));
        Assert.All(spells, s => Assert.Equal(ChangeOrigin.FirstTime, s.OriginGiven(D(2019, 12, 31))));
    }

    // HolderSpell.cs:67 (April is the financial year's first month)
    [Fact]
    public void StartFinancialYear_OfAStartOn1April_IsThatYear()
    {
        HolderSpell spell = Assert.Single(HolderSpells.Of([A("A", "h", D(2020, 4, 1), null)]));

        Assert.Equal(2020, spell.StartFinancialYear);
    }

    // HolderSpell.cs:87 (a spell starting on the history's first day may have earlier posts the data do not hold)
    [Fact]
    public void OriginGiven_OfASpellStartingOnTheHistorysFirstDay_IsUnknown()
    {
        HolderSpell spell = Assert.Single(HolderSpells.Of([A("A", "h", D(2020, 4, 1), null)]));

        Assert.Equal(ChangeOrigin.Unknown, spell.OriginGiven(D(2020, 4, 1)));
        Assert.Equal(ChangeOrigin.FirstTime, spell.OriginGiven(D(2020, 3, 31)));
    }

    // HolderIds.cs:77 (an empty id read as bytes, before any chunk is made)
    [Fact]
    public void HolderIds_AnEmptyIdAsBytes_IsTheEmptyString()
    {
        HolderIds.Builder builder = new(0);
        builder.Add(ReadOnlySpan<byte>.Empty);

        HolderIds ids = builder.Build();

        Assert.Equal(string.Empty, ids.Text(0));
        Assert.Equal([0], ids.Numbers.NumberOf);
    }

    // HolderIds.cs:104 (the numbering's table has room for every id: with too few slots, numbering would never end)
    [Fact]
    public async Task HolderIds_AHundredDistinctIds_AreNumbered()
    {
        HolderIds.Builder builder = new(0);
        for (int i = 0; i < 100; i++)
        {
            builder.Add("h" + i.ToString(CultureInfo.InvariantCulture));
        }

        HolderIds ids = builder.Build();
        Task<HolderIds.Numbering> numbering = Task.Run(() => ids.Numbers);

        Assert.Same(numbering, await Task.WhenAny(numbering, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(Enumerable.Range(0, 100), (await numbering).NumberOf);
    }

    // HolderIds.cs:124 (&&: two ids of one hash are still two ids)
    [Fact]
    public void HolderIds_TwoIdsOfOneHash_AreTwoHolders()
    {
        (string first, string second) = Collision();
        HolderIds.Builder builder = new(0);
        builder.Add(Encoding.ASCII.GetBytes(first));
        builder.Add(Encoding.ASCII.GetBytes(second));
        builder.Add(first);

        HolderIds ids = builder.Build();

        Assert.Equal([0, 1, 0], ids.Numbers.NumberOf);
        Assert.Equal(second, ids.Numbers.Name(1));
    }

    /// <summary>Two ids with the same hash in this process (string hashes are randomised per process): about 80,000 tried.</summary>
    private static (string First, string Second) Collision()
    {
        Dictionary<int, string> seen = [];
        for (int i = 0; ; i++)
        {
            string id = "h" + i.ToString(CultureInfo.InvariantCulture);
            if (!seen.TryAdd(string.GetHashCode(id.AsSpan()), id))
            {
                return (seen[string.GetHashCode(id.AsSpan())], id);
            }
        }
    }
}
