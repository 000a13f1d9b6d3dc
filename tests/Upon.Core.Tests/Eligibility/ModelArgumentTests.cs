using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>Constructor checks and personal data kept out of descriptions, for roles, applications and policies.</summary>
public sealed class ModelArgumentTests
{
    private const string Title = "Head of Early Help & Safeguarding";
    private const string Organisation = "Northshire County Council";
    private const string Statement = "Every child in Northshire deserves a champion.";

    [Fact]
    public void Role_EndBeforeStart_IsRefused() =>
        Assert.Equal("end", Assert.Throws<ArgumentOutOfRangeException>(() => Role(new LocalDate(2020, 1, 2), new LocalDate(2020, 1, 1))).ParamName);

    [Fact]
    public void Role_EndOnItsStart_IsOneDay() =>
        Assert.Equal(1, Role(new LocalDate(2020, 1, 1), new LocalDate(2020, 1, 1)).CountedBefore(new LocalDate(2021, 1, 1))!.Length);

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("1.5")]
    [InlineData("1.0001")]
    public void Role_PartTimeFractionOutsideZeroToOne_IsRefused(string fraction) =>
        Assert.Equal(
            "partTimeFraction",
            Assert.Throws<ArgumentOutOfRangeException>(() => Role(new LocalDate(2020, 1, 1), null, decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture))).ParamName);

    [Fact]
    public void Role_UndefinedEnumValuesAndNullNames_AreRefused()
    {
        LocalDate start = new(2020, 1, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Role(Title, Organisation, (OrganisationType)0, Sector.Health, RoleLevel.Director, start));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Role(Title, Organisation, OrganisationType.NhsBody, (Sector)99, RoleLevel.Director, start));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Role(Title, Organisation, OrganisationType.NhsBody, Sector.Health, (RoleLevel)9, start));
        Assert.Equal("title", Assert.Throws<ArgumentNullException>(() => new Role(null!, Organisation, OrganisationType.NhsBody, Sector.Health, RoleLevel.Director, start)).ParamName);
        Assert.Equal("organisation", Assert.Throws<ArgumentNullException>(() => new Role(Title, null!, OrganisationType.NhsBody, Sector.Health, RoleLevel.Director, start)).ParamName);
    }

    [Theory]
    [InlineData("2021/23")]
    [InlineData("2021-22")]
    [InlineData("21/22")]
    [InlineData("2021/2022")]
    [InlineData("abcd/ef")]
    [InlineData("")]
    public void Application_BadProgrammeYear_IsRefused(string programmeYear) =>
        Assert.Equal("programmeYear", Assert.Throws<ArgumentException>(() => new Application("A-1", programmeYear, new LocalDate(2021, 1, 1), [])).ParamName);

    [Fact]
    public void Application_CenturyProgrammeYear_IsAccepted() =>
        Assert.Equal("2099/00", new Application("A-1", "2099/00", new LocalDate(2099, 10, 1), []).ProgrammeYear);

    [Fact]
    public void Application_NullRoleOrBlankId_IsRefused()
    {
        Assert.Equal("roles", Assert.Throws<ArgumentNullException>(() => new Application("A-1", "2021/22", new LocalDate(2021, 1, 1), [null!])).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new Application(" ", "2021/22", new LocalDate(2021, 1, 1), [])).ParamName);
    }

    [Property]
    public Property ToString_OfRolesAndApplications_NeverShowsTitleOrganisationStatementOrSponsor() =>
        Prop.ForAll(EligibilityGenerators.Applications(), generated =>
        {
            Application application = new(
                generated.Id, generated.ProgrammeYear, generated.AssessedOn, generated.Roles, generated.ReadyBy, Statement,
                new Sponsor("Dr Jane Example", "Director of Children's Services", "Southshire Council"), generated.AssessorOutcomes);
            string[] described = [application.ToString(), .. application.Roles.Select(r => r.ToString()), application.Sponsor!.ToString()];

            foreach (string text in described)
            {
                foreach (string secret in EligibilityGenerators.Titles.Concat(EligibilityGenerators.Organisations).Append(Statement).Append("Jane Example").Append("Southshire"))
                {
                    Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
                }
            }
        });

    [Fact]
    public void ToString_OfARole_GivesLevelSectorTypeAndDates()
    {
        Assert.Equal("HeadOfService in ChildrensServices (LocalAuthority), 2020-01-01 to present", Role(new LocalDate(2020, 1, 1), null).ToString());
        Assert.Equal("Application A-1 for 2021/22, assessed on 2021-01-01, 1 role(s)", new Application("A-1", "2021/22", new LocalDate(2021, 1, 1), [Role(new LocalDate(2020, 1, 1), null)], moralPurposeStatement: Statement).ToString());
    }

    [Fact]
    public void Policy_TwoRulesWithOneCode_IsRefused()
    {
        ReadinessRule readiness = new("readiness", "Ready", Period.FromYears(3));
        AllRule rule = new("eligibility", "Eligible", [readiness, new AnyRule("routes", "Routes", [new StatementRule("readiness", "Statement", 1, 10)])]);

        ArgumentException error = Assert.Throws<ArgumentException>(() => EligibilityGenerators.PolicyOf(rule));

        Assert.Equal("rule", error.ParamName);
        Assert.Equal("Two rules of the policy share a code; codes must be unique within a policy. (Parameter 'rule')", error.Message);
    }

    [Fact]
    public void Policy_EffectiveToBeforeFrom_AndVersionZero_AreRefused()
    {
        AllRule rule = new("eligibility", "Eligible", [new ReadinessRule("readiness", "Ready", Period.FromYears(3))]);
        Assert.Equal("effectiveTo", Assert.Throws<ArgumentOutOfRangeException>(() => new EligibilityPolicy("p", 1, "2021/22", new LocalDate(2021, 1, 2), new LocalDate(2021, 1, 1), "P", rule, [])).ParamName);
        Assert.Equal("version", Assert.Throws<ArgumentOutOfRangeException>(() => new EligibilityPolicy("p", 0, "2021/22", new LocalDate(2021, 1, 1), null, "P", rule, [])).ParamName);
    }

    [Fact]
    public void Decision_NamesThePolicyVersionAndAsOfDate()
    {
        Application application = new("A-9", "2021/22", new LocalDate(2021, 6, 1), [Role(new LocalDate(2015, 1, 1), null)], new LocalDate(2022, 1, 1), Statement);

        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(application, new LocalDate(2021, 7, 1));

        Assert.Equal("A-9", decision.ApplicationId);
        Assert.Equal("aspirant-2021-22", decision.PolicyId);
        Assert.Equal(1, decision.PolicyVersion);
        Assert.Equal(new LocalDate(2021, 7, 1), decision.AsOf);
        Assert.Equal("A-9: Eligible under aspirant-2021-22 v1 as of 2021-07-01", decision.ToString());
    }

    private static Role Role(LocalDate start, LocalDate? end, decimal? fraction = null) =>
        new(Title, Organisation, OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, start, end, fraction);
}
