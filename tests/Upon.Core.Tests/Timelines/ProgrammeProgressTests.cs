using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

public sealed class ProgrammeProgressTests
{
    [Theory]
    [InlineData("2021-04-30", ProgrammeStage.NotOpen)]
    [InlineData("2021-05-04", ProgrammeStage.ApplicationsOpen)]
    [InlineData("2021-07-14", ProgrammeStage.ApplicationsOpen)]
    [InlineData("2021-07-15", ProgrammeStage.InSelection)]
    [InlineData("2021-08-31", ProgrammeStage.InSelection)]
    [InlineData("2021-09-01", ProgrammeStage.Running)]
    [InlineData("2022-03-31", ProgrammeStage.Running)]
    [InlineData("2022-04-01", ProgrammeStage.Finished)]
    public void Stage_Year2_FollowsItsMilestones(string date, ProgrammeStage stage)
    {
        LocalDate asOf = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;

        Assert.Equal(stage, ProgrammeProgress.Of(BuiltInTimelines.Aspirant2021To22, asOf).Stage);
    }

    [Fact]
    public void Of_NewDirectorsOn1February2022_TwoWorkshopsDone_ResidentialNext()
    {
        ProgrammeProgress progress = ProgrammeProgress.Of(BuiltInTimelines.NewDirectors2021To22, new LocalDate(2022, 2, 1));

        Assert.Equal(ProgrammeStage.Running, progress.Stage);
        Assert.Equal(["workshop-1", "workshop-2"], progress.Done.Select(s => s.Id));
        Assert.Equal(["residential", "workshop-3", "workshop-4"], progress.Left.Select(s => s.Id));
        Assert.Equal("residential", progress.NextSession!.Id);
        Assert.Equal(MilestoneKind.ProgrammeEnd, progress.NextMilestone!.Value.Kind);
        Assert.Equal(211, progress.DaysToGo);
    }

    [Fact]
    public void Of_Instant_WorkshopIsDoneAtItsEndNotBefore()
    {
        ProgrammeYear year = BuiltInTimelines.NewDirectors2021To22;

        // Workshop 4 on 29 April 2022 runs 14:00 to 16:00 BST, 13:00 to 15:00 UTC.
        FakeClock clock = new(Instant.FromUtc(2022, 4, 29, 14, 59));
        Assert.Equal("workshop-4", ProgrammeProgress.Of(year, clock.GetCurrentInstant()).NextSession!.Id);

        clock.AdvanceMinutes(1);
        Assert.Null(ProgrammeProgress.Of(year, clock.GetCurrentInstant()).NextSession);
        Assert.Equal(5, ProgrammeProgress.Of(year, clock.GetCurrentInstant()).Done.Length);
    }

    [Fact]
    public void Of_AClockReadHourlyThroughTheYear_CountsEverySessionDoneOnceAndNeverGoesBack()
    {
        ProgrammeYear year = BuiltInTimelines.NewDirectors2021To22;
        // Each reading of the clock moves it on an hour, as an application polling hourly would see it.
        FakeClock clock = new(Instant.FromUtc(2021, 9, 1, 0, 0), Duration.FromHours(1));
        ProgrammeProgress previous = ProgrammeProgress.Of(year, clock.GetCurrentInstant());
        Assert.Empty(previous.Done);

        while (previous.Stage != ProgrammeStage.Finished)
        {
            ProgrammeProgress next = ProgrammeProgress.Of(year, clock.GetCurrentInstant());
            Assert.True(next.Stage >= previous.Stage);
            Assert.InRange(next.Done.Length - previous.Done.Length, 0, 1);
            Assert.Subset(next.Done.ToHashSet(), previous.Done.ToHashSet());
            previous = next;
        }

        Assert.Equal(year.Sessions.Length, previous.Done.Length);
        Assert.True(clock.GetCurrentInstant() < Instant.FromUtc(2023, 1, 1, 0, 0));
    }

    [Fact]
    public void Of_AfterTheEnd_IsFinishedWithNoDaysToGoAndNoNextMilestone()
    {
        ProgrammeProgress progress = ProgrammeProgress.Of(BuiltInTimelines.Aspirant2021To22, new LocalDate(2023, 1, 1));

        Assert.Equal(ProgrammeStage.Finished, progress.Stage);
        Assert.Equal(0, progress.DaysToGo);
        Assert.Null(progress.NextMilestone);
        Assert.Null(progress.NextSession);
        Assert.Equal(8, progress.Done.Length);
    }

    [Property]
    public Property Progress_IsMonotoneInTime_ForGeneratedYears()
    {
        FsCheck.Arbitrary<(ProgrammeYear, (Instant, Instant))> arbitrary = Arb.Zip(
            TimelineGenerators.BuiltInTimelines(),
            Arb.From(Gen.Choose(0, 500 * 24).Two().Select(pair => (Hour(Math.Min(pair.Item1, pair.Item2)), Hour(Math.Max(pair.Item1, pair.Item2))))));
        return Prop.ForAll(arbitrary, input =>
        {
            (ProgrammeYear year, (Instant earlier, Instant later)) = input;
            ProgrammeProgress before = ProgrammeProgress.Of(year, earlier);
            ProgrammeProgress after = ProgrammeProgress.Of(year, later);

            Assert.True(before.Done.Length <= after.Done.Length);
            Assert.Subset(after.Done.ToHashSet(), before.Done.ToHashSet());
            Assert.True(before.DaysToGo >= after.DaysToGo);
            Assert.Equal(year.Sessions.Length, after.Done.Length + after.Left.Length);
        });

        static Instant Hour(int hours) => Instant.FromUtc(2021, 12, 1, 0, 0).Plus(Duration.FromHours(hours));
    }

    [Property]
    public Property Stage_IsMonotoneInTime_ForBuiltInYears()
    {
        return Prop.ForAll(Arb.From(TimelineGenerators.Instants2020To2023().Two()), pair =>
        {
            (Instant a, Instant b) = pair;
            (Instant earlier, Instant later) = a <= b ? (a, b) : (b, a);
            foreach (ProgrammeYear year in BuiltInTimelines.All)
            {
                Assert.True(ProgrammeProgress.Of(year, earlier).Stage <= ProgrammeProgress.Of(year, later).Stage);
                Assert.True(ProgrammeProgress.Of(year, earlier).Done.Length <= ProgrammeProgress.Of(year, later).Done.Length);
            }
        });
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(5, false)]
    public void Completion_Year2_NeedsSixOfEightTaughtDaysAt75Percent(int attended, bool complete)
    {
        ProgrammeYear year = BuiltInTimelines.Aspirant2021To22;
        string[] ids = [.. year.Sessions.Take(attended).Select(s => s.Id), "workshop-1"];

        ParticipantCompletion completion = ParticipantCompletion.Assess(year, ids);

        Assert.Equal(8, completion.DaysHeld);
        Assert.Equal(6, completion.DaysNeeded);
        Assert.Equal(attended, completion.DaysAttended);
        Assert.Equal(complete, completion.IsComplete);
        Assert.Equal(["workshop-1"], completion.UnknownSessionIds.ToArray());
    }

    [Fact]
    public void Completion_ThresholdAboveOne_Throws()
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => ParticipantCompletion.Assess(BuiltInTimelines.Aspirant2021To22, [], 1.5m));

        Assert.Equal("threshold", ex.ParamName);
    }

    [Fact]
    public void Completion_ResidentialCountsBothDays()
    {
        ParticipantCompletion completion = ParticipantCompletion.Assess(BuiltInTimelines.NewDirectors2021To22, ["residential"], 1m, SessionKind.Residential);

        Assert.Equal(2, completion.DaysHeld);
        Assert.Equal(2, completion.DaysAttended);
        Assert.True(completion.IsComplete);
    }

    [Fact]
    public void NewDirector_AppointedInJanuary2022_GetsTheSessionsOfTheFirstYearInPost()
    {
        NewDirectorEnrolment enrolment = NewDirectorEnrolment.OnAppointment(new LocalDate(2022, 1, 20), BuiltInTimelines.All);

        Assert.Equal(new DateInterval(new LocalDate(2022, 1, 20), new LocalDate(2023, 1, 19)), enrolment.SupportWindow);
        Assert.Equal(["residential", "workshop-3", "workshop-4"], enrolment.Sessions.Select(s => s.Id));
    }

    [Fact]
    public void NewDirector_AppointedOn29February_WindowEndsTheDayBefore28February()
    {
        Assert.Equal(new LocalDate(2025, 2, 27), NewDirectorEnrolment.SupportWindowFrom(new LocalDate(2024, 2, 29)).End);
        Assert.Equal(new LocalDate(2024, 12, 31), NewDirectorEnrolment.SupportWindowFrom(new LocalDate(2024, 1, 1)).End);
    }
}
