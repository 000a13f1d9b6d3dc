using System;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Eligibility;
using Upon.Core.Timelines;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Testing;

/// <summary>The builders' defaults are realistic and each method changes what it says.</summary>
public sealed class BuilderTests
{
    [Fact]
    public void Application_Defaults_AreEligibleUnderEveryBuiltInPolicy()
    {
        Application application = new ApplicationBuilder().Build();

        Assert.All(BuiltInPolicies.All, policy => Assert.True(policy.Decide(application).IsEligible, policy.Id));
        Assert.Equal("2021/22", application.ProgrammeYear);
        Assert.Single(application.Roles);
    }

    [Fact]
    public void Application_WithRoles_ReplacesTheDefaultRole_AndCanFallShort()
    {
        Application application = new ApplicationBuilder()
            .WithRole(r => r.From(new LocalDate(2019, 6, 2)).AtLevel(RoleLevel.AssistantDirector))
            .WithRole(r => r.During(new DateInterval(new LocalDate(2015, 1, 1), new LocalDate(2016, 12, 31))).AtLevel(RoleLevel.TeamManager))
            .Build();

        Assert.Equal(2, application.Roles.Length);
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(application);
        Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
        Assert.Equal(new LocalDate(2022, 6, 2), decision.EligibleFrom);
    }

    [Fact]
    public void Application_WithoutRolesOrReadiness_IsIneligibleOrIncomplete()
    {
        Assert.Empty(new ApplicationBuilder().WithoutRoles().Build().Roles);
        Assert.Equal(EligibilityOutcome.Incomplete, BuiltInPolicies.Year2.Decide(new ApplicationBuilder().ReadyBy(null).Build()).Outcome);
        Assert.Equal(
            EligibilityOutcome.Ineligible,
            BuiltInPolicies.Year2.Decide(new ApplicationBuilder().WithAssessorOutcomes(new AssessorOutcomes(AssessorOutcome.NotMet)).Build()).Outcome);
    }

    [Fact]
    public void Role_Defaults_AndChanges()
    {
        Role role = new RoleBuilder().At("Riverside NHS Trust", OrganisationType.NhsBody).InSector(Sector.Health).PartTime(0.6m).Acting().To(new LocalDate(2020, 8, 31)).Build();

        Assert.Equal(new Role("Head of Children's Social Care", "Riverside NHS Trust", OrganisationType.NhsBody, Sector.Health, RoleLevel.HeadOfService, new LocalDate(2016, 9, 1), new LocalDate(2020, 8, 31), 0.6m, true), role);
        Assert.True(new RoleBuilder().Build().IsCurrent);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoleBuilder().To(new LocalDate(2016, 8, 31)).Build());
    }

    [Fact]
    public void AppointmentHistory_LaysAppointmentsEndToEnd_WithVacanciesAndACensoredHolder()
    {
        ImmutableArray<Appointment> history = new AppointmentHistoryBuilder("A", new LocalDate(2016, 4, 1))
            .Permanent("h1", Period.FromMonths(30))
            .Vacant(Period.FromDays(10))
            .Interim("h2", Period.FromMonths(4))
            .Then("h2", AppointmentKind.Permanent, Period.FromYears(1))
            .StillInPost("h3")
            .Build();

        Assert.Equal(
            [
                new Appointment("A", "h1", new LocalDate(2016, 4, 1), new LocalDate(2018, 9, 30), AppointmentKind.Permanent),
                new Appointment("A", "h2", new LocalDate(2018, 10, 11), new LocalDate(2019, 2, 10), AppointmentKind.Interim),
                new Appointment("A", "h2", new LocalDate(2019, 2, 11), new LocalDate(2020, 2, 10), AppointmentKind.Permanent),
                new Appointment("A", "h3", new LocalDate(2020, 2, 11), null, AppointmentKind.Permanent),
            ],
            history.ToArray());
        AuthorityRegister register = new([new Authority("A", "Northshire", "North East", new LocalDate(2000, 1, 1))]);
        Assert.Equal(1, Turnover.Measure(history, register, TurnoverPeriods.FinancialYear(2018)).Changes);
        Assert.Equal(1, Turnover.Measure(history, register, TurnoverPeriods.FinancialYear(2019)).Changes);
    }

    [Fact]
    public void AppointmentHistory_BadLengthsAndAppointmentsAfterACensoredHolder_Throw()
    {
        ArgumentOutOfRangeException zero = Assert.Throws<ArgumentOutOfRangeException>(() => new AppointmentHistoryBuilder().Permanent("h1", Period.Zero));
        Assert.Equal("length", zero.ParamName);
        Assert.Equal("A length must be at least one day. (Parameter 'length')", zero.Message);
        Assert.Throws<InvalidOperationException>(() => new AppointmentHistoryBuilder().StillInPost("h1").Interim("h2", Period.FromDays(1)));
    }

    [Fact]
    public void ProgrammeYear_Defaults_AreValid_AndTaughtDaysOnABankHolidayAreNot()
    {
        ProgrammeYear year = new ProgrammeYearBuilder().WithTaughtDay("taught-1", new LocalDate(2022, 10, 4)).RequiringTaughtDays(1).Build();

        Assert.True(year.Validate(WorkingDayCalendar.EnglandAndWales).IsValid);
        Assert.Equal(2, year.Milestones.Length);
        Assert.False(new ProgrammeYearBuilder().WithTaughtDay("taught-1", new LocalDate(2022, 12, 26)).Build().Validate(WorkingDayCalendar.EnglandAndWales).IsValid);
    }

    [Fact]
    public void ProgrammeYear_From_CopiesTheYear()
    {
        ProgrammeYear copy = ProgrammeYearBuilder.From(BuiltInTimelines.Aspirant2021To22).Build();

        Assert.Equal(BuiltInTimelines.Aspirant2021To22, copy);
        Assert.Equal(BuiltInTimelines.Aspirant2021To22.Sessions.Length + 1, ProgrammeYearBuilder.From(BuiltInTimelines.Aspirant2021To22).WithTaughtDay("extra", new LocalDate(2022, 1, 12)).Build().Sessions.Length);
    }
}
