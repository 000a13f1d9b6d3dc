using System;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>A null requirement is a programmer error, named as such, whether or not anything counted.</summary>
public sealed class EffectiveExperienceArgumentTests
{
    private static readonly LocalDate AsOf = new(2022, 6, 15);

    public static TheoryData<bool> AnythingCounted => new() { false, true };

    [Theory]
    [MemberData(nameof(AnythingCounted))]
    public void Meets_NullRequirement_Throws(bool counted) =>
        Assert.Equal("required", Assert.Throws<ArgumentNullException>(() => Experience(counted).Meets(null!)).ParamName);

    [Theory]
    [MemberData(nameof(AnythingCounted))]
    public void Shortfall_NullRequirement_Throws(bool counted) =>
        Assert.Equal("required", Assert.Throws<ArgumentNullException>(() => Experience(counted).Shortfall(null!)).ParamName);

    [Theory]
    [MemberData(nameof(AnythingCounted))]
    public void MetOn_NullRequirement_Throws(bool counted) =>
        Assert.Equal("required", Assert.Throws<ArgumentNullException>(() => Experience(counted).MetOn(null!)).ParamName);

    [Fact]
    public void Measure_NullRolesOrRuleOrRole_Throws_NamingTheArgument()
    {
        Role role = new("Head of Service", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, AsOf.PlusDays(-10));

        Assert.Equal("roles", Assert.Throws<ArgumentNullException>(() => EffectiveExperience.Measure(null!, AsOf, _ => null, PartTimeCounting.ProRata)).ParamName);
        Assert.Equal("qualifies", Assert.Throws<ArgumentNullException>(() => EffectiveExperience.Measure([role], AsOf, null!, PartTimeCounting.ProRata)).ParamName);
        Assert.Equal("roles", Assert.Throws<ArgumentNullException>(() => EffectiveExperience.Measure([role, null!], AsOf, _ => null, PartTimeCounting.ProRata)).ParamName);
    }

    [Fact]
    public void Measure_AsOfDateInAnotherCalendar_Throws()
    {
        LocalDate julian = AsOf.WithCalendar(CalendarSystem.Julian);

        Assert.Equal("asOf", Assert.Throws<ArgumentException>(() => EffectiveExperience.Measure([], julian, _ => null, PartTimeCounting.ProRata)).ParamName);
    }

    [Fact]
    public void NothingCounted_MeetsNoRequirementButZero_AndZeroIsMetOnTheAsOfDate()
    {
        EffectiveExperience experience = EffectiveExperience.Measure([], AsOf, _ => null, PartTimeCounting.ProRata);

        Assert.True(experience.Meets(Period.Zero));
        Assert.Equal(Period.Zero, experience.Shortfall(Period.Zero));
        Assert.Equal(AsOf, experience.MetOn(Period.Zero));
        Assert.False(experience.Meets(Period.FromDays(1)));
        Assert.Null(experience.MetOn(Period.FromDays(1)));
    }

    [Fact]
    public void MoreThanRequired_HasNoShortfall()
    {
        EffectiveExperience experience = Experience(counted: true);

        Assert.Equal(10m, experience.Days);
        Assert.Equal(Period.Zero, experience.Shortfall(Period.FromDays(9)));
        Assert.Equal(Period.Zero, experience.Shortfall(Period.FromDays(10)));
        Assert.Equal(Period.FromDays(1), experience.Shortfall(Period.FromDays(11)));
    }

    private static EffectiveExperience Experience(bool counted)
    {
        Role[] roles = counted
            ? [new Role("Head of Service", "Northshire County Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, AsOf.PlusDays(-10), AsOf.PlusDays(-1))]
            : [];
        return EffectiveExperience.Measure(roles, AsOf, _ => null, PartTimeCounting.ProRata);
    }
}
