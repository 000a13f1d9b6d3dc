using System.Globalization;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>Roles that start or end on the as-of date or next to it, and the met-on date at the end of the eligibility range.</summary>
public sealed class EffectiveExperienceAsOfDateTests
{
    private static readonly LocalDate AsOf = new(2022, 6, 15);

    [Fact]
    public void Role_StartingOnTheAsOfDate_CountsNothing_ButGoesOnAddingExperience()
    {
        EffectiveExperience experience = Measure(AsOf, Role(AsOf, null));

        Assert.Equal(0m, experience.Days);
        Assert.Null(experience.FirstDay);
        Assert.Equal(new RoleEvidence(0, ReasonCodes.RoleNotStarted, null, 0m), experience.Roles[0]);
        Assert.Equal(1m, experience.CurrentDailyRate);
        Assert.False(experience.Meets(Period.FromYears(3)));
        Assert.Equal(Period.FromYears(3), experience.Shortfall(Period.FromYears(3)));
        Assert.Equal(new LocalDate(2025, 6, 15), experience.MetOn(Period.FromYears(3)));
    }

    [Fact]
    public void Role_StartingTheDayAfterTheAsOfDate_IsNotAssumed()
    {
        EffectiveExperience experience = Measure(AsOf, Role(AsOf.PlusDays(1), null));

        Assert.Equal(new RoleEvidence(0, ReasonCodes.RoleNotStarted, null, 0m), experience.Roles[0]);
        Assert.Equal(0m, experience.CurrentDailyRate);
        Assert.Null(experience.MetOn(Period.FromYears(3)));
    }

    [Fact]
    public void Role_EndingOnTheAsOfDate_CountsUpToTheDayBefore_AndAddsItsLastDay()
    {
        EffectiveExperience experience = Measure(AsOf, Role(AsOf.PlusDays(-10), AsOf));

        Assert.Equal(10m, experience.Days);
        Assert.Equal(AsOf.PlusDays(-10), experience.FirstDay);
        Assert.Equal(new RoleEvidence(0, ReasonCodes.RoleCounted, new DateInterval(AsOf.PlusDays(-10), AsOf.PlusDays(-1)), 10m), experience.Roles[0]);
        Assert.Equal(1m, experience.CurrentDailyRate);
        Assert.Equal(AsOf.PlusDays(1), experience.MetOn(Period.FromDays(11)));
        Assert.Null(experience.MetOn(Period.FromDays(12)));
    }

    [Fact]
    public void Role_EndingTheDayBeforeTheAsOfDate_IsPast_AndAddsNothingMore()
    {
        EffectiveExperience experience = Measure(AsOf, Role(AsOf.PlusDays(-10), AsOf.PlusDays(-1)));

        Assert.Equal(10m, experience.Days);
        Assert.Equal(new RoleEvidence(0, ReasonCodes.RoleCounted, new DateInterval(AsOf.PlusDays(-10), AsOf.PlusDays(-1)), 10m), experience.Roles[0]);
        Assert.Equal(0m, experience.CurrentDailyRate);
        Assert.Equal(AsOf, experience.MetOn(Period.FromDays(10)));
        Assert.Null(experience.MetOn(Period.FromDays(11)));
    }

    [Fact]
    public void MetOn_TheLastEligibilityDate_IsReported_AndADayLaterIsNone()
    {
        // 2196-12-31 to 2199-12-30 is 1095 days: a current role started on 2196-12-31 has them as of 2199-12-31, the range's last day.
        LocalDate asOf = new(2197, 1, 1);
        EffectiveExperience experience = Measure(asOf, Role(new LocalDate(2196, 12, 31), null));

        Assert.Equal(EligibilityDates.Range.End, experience.MetOn(Period.FromDays(1095)));
        Assert.Null(experience.MetOn(Period.FromDays(1096)));
    }

    [Fact]
    public void MetOn_AfterACurrentRoleEnds_GoesOnAtTheRateOfTheRolesStillHeld()
    {
        // Full time to 9 days after the as-of date, then half time: 5 days counted, 10 more at full time,
        // then 4.5 in the next 9 days at half time: 19.5 days, which round up to the 20 required.
        EffectiveExperience experience = Measure(
            AsOf,
            Role(AsOf.PlusDays(-5), AsOf.PlusDays(9)),
            Role(AsOf.PlusDays(-5), null, 0.5m));

        Assert.Equal(5m, experience.Days);
        Assert.Equal(1m, experience.CurrentDailyRate);
        Assert.Equal(AsOf.PlusDays(19), experience.MetOn(Period.FromDays(20)));
    }

    [Fact]
    public void MetOn_OnTheLastDayOfTheLastContinuingRole_IsThatDayAfter()
    {
        // A thousandth of a day from a past role, then a current role for exactly the 10 days still missing
        // (11 days required: 10.001 rounds up to 11). It is met as of the day after the role's last day; a
        // day more is not to be had.
        EffectiveExperience experience = Measure(
            AsOf,
            Role(AsOf.PlusDays(-20), AsOf.PlusDays(-20), 0.001m),
            Role(AsOf, AsOf.PlusDays(9)));

        Assert.Equal(0.001m, experience.Days);
        Assert.Equal(AsOf.PlusDays(10), experience.MetOn(Period.FromDays(11)));
        Assert.Null(experience.MetOn(Period.FromDays(12)));
    }

    [Theory]
    [InlineData(1, null, "1")]
    [InlineData(10, null, "10")]
    [InlineData(3, "0.5", "1.5")]
    [InlineData(2, "0.25", "0.5")]
    [InlineData(1, "0.333", "0.333")]
    [InlineData(4, "0.25", "1")]
    public void Days_AreWrittenWithTheFewestDecimalPlacesThatAreExact(int days, string? fraction, string expected)
    {
        decimal? part = fraction is null ? null : decimal.Parse(fraction, CultureInfo.InvariantCulture);
        EffectiveExperience experience = Measure(AsOf, Role(AsOf.PlusDays(-days), AsOf.PlusDays(-1), part));

        Assert.Equal(expected, experience.Days.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, experience.Roles[0].Days.ToString(CultureInfo.InvariantCulture));
    }

    private static EffectiveExperience Measure(LocalDate asOf, params Role[] roles) =>
        EffectiveExperience.Measure(roles, asOf, _ => null, PartTimeCounting.ProRata);

    private static Role Role(LocalDate start, LocalDate? end, decimal? fraction = null) =>
        new("Head of Service", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, start, end, fraction);
}
