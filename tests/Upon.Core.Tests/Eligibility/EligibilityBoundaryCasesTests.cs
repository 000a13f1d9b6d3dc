using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// Generated boundary cases (<see cref="EligibilityBoundaryCases"/>): for the built-in policies and for generated
/// policies, every case passes against its own policy and survives a case file; the Year 1 edges pinned exactly; and a
/// policy one month more lenient fails cases generated for the original.
/// </summary>
public sealed class EligibilityBoundaryCasesTests
{
    private const string LocalGovernment = BuiltInPolicies.LocalGovernmentRouteCode;

    public static TheoryData<string> BuiltInIds => [.. BuiltInPolicies.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void Generate_BuiltInPolicy_EveryCasePasses(string id)
    {
        EligibilityPolicy policy = PolicyRegistry.BuiltIn.FindById(id)!;

        ImmutableArray<EligibilityCase> cases = EligibilityBoundaryCases.Generate(policy, policy.EffectiveFrom);

        EligibilityCaseRun run = EligibilityCaseRun.Of(cases, PolicyRegistry.BuiltIn);
        Assert.True(run.AllPassed, string.Join(Environment.NewLine, run.DescribeFailures()));
        Assert.Equal(cases.Length, run.Passed);
        Assert.All(cases, c => Assert.Equal((policy.Id, (int?)policy.Version, (EligibilityPolicy?)null), (c.PolicyId, c.PolicyVersion, c.InlinePolicy)));
        Assert.Equal(cases.Length, cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(cases, c => Assert.Equal((c.Name, c.AsOf, policy.ProgrammeYear), (c.Application.Id, c.Application.AssessedOn, c.Application.ProgrammeYear)));
    }

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void Generate_BuiltInPolicy_HasACaseForEveryKindOfEdge(string id)
    {
        EligibilityPolicy policy = PolicyRegistry.BuiltIn.FindById(id)!;

        string[] names = [.. EligibilityBoundaryCases.Generate(policy, policy.EffectiveFrom).Select(c => c.Name)];

        string[] experienceRoutes = [.. policy.Rule.DescendantsAndSelf().OfType<ExperienceRule>().Select(r => r.Code)];
        foreach (string route in experienceRoutes)
        {
            foreach (string edge in (string[])["-02-29-day-met", "-02-29-day-before", "-01-31-day-met", "-04-30-day-before", "-08-31-day-met"])
            {
                Assert.Contains(names, n => n.StartsWith(route + "/experience-36m-from-", StringComparison.Ordinal) && n.EndsWith(edge, StringComparison.Ordinal));
            }

            Assert.Contains(names, n => n.StartsWith(route + "/experience-36m-half-time-from-", StringComparison.Ordinal) && n.EndsWith("-day-before", StringComparison.Ordinal));
        }

        foreach (string edge in (string[])["ready-on-first-day", "ready-on-last-day", "ready-day-after", "ready-day-before"])
        {
            Assert.Contains($"readiness/readiness-36m-{edge}", names);
        }

        Assert.Contains(names, n => n.StartsWith("readiness/readiness-36m-from-", StringComparison.Ordinal) && n.EndsWith("-02-29-ready-day-after", StringComparison.Ordinal));
        Assert.Contains("moral-purpose.statement/statement-500-words-at-maximum", names);
        Assert.Contains("moral-purpose.statement/statement-501-words-over-maximum", names);
        Assert.Contains("moral-purpose.statement/statement-none", names);
        Assert.Contains("moral-purpose.assessment/assessor-not-met", names);
        if (experienceRoutes.Length > 1)
        {
            Assert.Contains($"senior-leadership/route-{BuiltInPolicies.TransferableRouteCode}-alone", names);
            Assert.Contains($"senior-leadership/route-{LocalGovernment}-passes", names);
            Assert.Contains("senior-leadership/no-route", names);
        }
    }

    [Fact]
    public void Generate_Year1WithAMonthLessExperience_FailsTheDayBeforeCasesOfYear1()
    {
        EligibilityPolicy year1 = BuiltInPolicies.Year1;
        EligibilityPolicy lenient = WithMinimum(year1, Period.FromMonths(35));
        PolicyRegistry registry = PolicyRegistry.Create([lenient]).GetValueOrThrow();

        EligibilityCaseRun run = EligibilityCaseRun.Of(EligibilityBoundaryCases.Generate(year1, year1.EffectiveFrom), registry);

        string[] failed = [.. run.Failures.Select(f => f.Case.Name)];
        Assert.Contains($"{LocalGovernment}/experience-36m-from-2016-02-29-day-before", failed);
        Assert.All(failed, name => Assert.StartsWith(LocalGovernment + "/experience-36m-", name, StringComparison.Ordinal));
        Assert.All(failed, name => Assert.EndsWith("-day-before", name, StringComparison.Ordinal));
        Assert.Equal(5, failed.Length);
    }

    [Property]
    public Property Generate_AnyPolicy_EveryCasePassesAndReadsBackFromACaseFile() =>
        Prop.ForAll(
            Arb.From(EligibilityDocumentGenerators.Policies()),
            Arb.From(EligibilityDocumentGenerators.Dates(new LocalDate(1990, 1, 1), new LocalDate(2040, 12, 31))),
            Arb.From(Gen.Elements(false, true)),
            (policy, asOf, inline) =>
            {
                ImmutableArray<EligibilityCase> cases = EligibilityBoundaryCases.Generate(policy, asOf, new BoundaryCaseOptions { InlinePolicy = inline });

                PolicyRegistry registry = PolicyRegistry.Create([policy]).GetValueOrThrow();
                EligibilityCaseRun run = EligibilityCaseRun.Of(cases, registry);
                Assert.True(run.AllPassed, string.Join(Environment.NewLine, run.DescribeFailures()));
                Assert.All(cases, c => Assert.Equal(inline, c.InlinePolicy is not null));

                // Each experience edge is a pair decided differently: that is what makes it an edge.
                foreach (EligibilityCase met in cases.Where(c => c.Name.EndsWith("-day-met", StringComparison.Ordinal)))
                {
                    EligibilityCase before = Assert.Single(cases, c => c.Name == met.Name[..^"met".Length] + "before");
                    Assert.Equal(met.AsOf.PlusDays(-1), before.AsOf);
                    Assert.NotEqual(met.Expected.Outcome, before.Expected.Outcome);
                }

                if (cases.IsEmpty)
                {
                    return;
                }

                using MemoryStream stream = new();
                EligibilityCaseDocument.Write(stream, cases);
                stream.Position = 0;
                ImmutableArray<RecordResult<EligibilityCase>> read = EligibilityCaseDocument.Read(stream);
                Assert.All(read, r => Assert.Empty(r.Problems));
                Assert.Equal(cases, read.Select(r => r.Value!));
            });

    [Fact]
    public void Generate_NullPolicy_Throws()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => EligibilityBoundaryCases.Generate(null!, new LocalDate(2020, 9, 1)));
        Assert.Equal("policy", thrown.ParamName);
    }

    [Fact]
    public void Generate_AsOfOutsideTheEligibilityDates_Throws()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => EligibilityBoundaryCases.Generate(BuiltInPolicies.Year1, new LocalDate(1899, 12, 31)));
        Assert.Equal("asOf", thrown.ParamName);
    }

    /// <summary>A copy of <paramref name="policy"/> whose experience rules require <paramref name="minimum"/>.</summary>
    private static EligibilityPolicy WithMinimum(EligibilityPolicy policy, Period minimum) =>
        new(policy.Id, policy.Version, policy.ProgrammeYear, policy.EffectiveFrom, policy.EffectiveTo, policy.Title, WithMinimum(policy.Rule, minimum), policy.Interpretation);

    private static EligibilityRule WithMinimum(EligibilityRule rule, Period minimum) => rule switch
    {
        ExperienceRule e => new ExperienceRule(e.Code, e.Title, minimum, e.QualifyingRoles, e.PartTime, e.ActingCounts),
        AllRule all => new AllRule(all.Code, all.Title, all.Rules.Select(r => WithMinimum(r, minimum))),
        AnyRule any => new AnyRule(any.Code, any.Title, any.Rules.Select(r => WithMinimum(r, minimum))),
        NotRule not => new NotRule(not.Code, not.Title, WithMinimum(not.Rule, minimum)),
        _ => rule,
    };

    [Fact]
    public void Generate_Year1_GivesTheseCasesInTreeOrder()
    {
        string[] names = [.. Year1Cases().Select(c => c.Name)];

        string lg = LocalGovernment + "/experience-36m-";
        Assert.Equal(
            [
                lg + "from-2016-02-29-day-met", lg + "from-2016-02-29-day-before",
                lg + "from-2017-01-31-day-met", lg + "from-2017-01-31-day-before",
                lg + "from-2017-04-30-day-met", lg + "from-2017-04-30-day-before",
                lg + "from-2017-08-31-day-met", lg + "from-2017-08-31-day-before",
                lg + "half-time-from-2014-01-31-day-met", lg + "half-time-from-2014-01-31-day-before",
                "readiness/readiness-36m-ready-on-last-day", "readiness/readiness-36m-ready-day-after",
                "readiness/readiness-36m-ready-on-first-day", "readiness/readiness-36m-ready-day-before",
                "readiness/readiness-36m-from-2020-02-29-ready-on-last-day", "readiness/readiness-36m-from-2020-02-29-ready-day-after",
                "moral-purpose.statement/statement-500-words-at-maximum", "moral-purpose.statement/statement-501-words-over-maximum",
                "moral-purpose.statement/statement-1-word-at-minimum", "moral-purpose.statement/statement-none",
                "moral-purpose.assessment/assessor-met", "moral-purpose.assessment/assessor-not-met", "moral-purpose.assessment/assessor-not-judged",
            ],
            names);
    }

    [Fact]
    public void Generate_Year1_ThreeYearsFrom29February_AreMetOn28February()
    {
        EligibilityCase met = Year1Case(LocalGovernment + "/experience-36m-from-2016-02-29-day-met");
        EligibilityCase before = Year1Case(LocalGovernment + "/experience-36m-from-2016-02-29-day-before");

        Assert.Equal(new LocalDate(2019, 2, 28), met.AsOf);
        Assert.Equal(new EligibilityExpectation(EligibilityOutcome.Eligible), met.Expected);
        Assert.Equal(new LocalDate(2019, 2, 27), before.AsOf);
        Assert.Equal(new EligibilityExpectation(EligibilityOutcome.Ineligible, new LocalDate(2019, 2, 28), [ReasonCodes.ExperienceInsufficient]), before.Expected);
        Role role = Assert.Single(met.Application.Roles);
        Assert.Equal((new LocalDate(2016, 2, 29), (LocalDate?)null, (decimal?)null, false), (role.Start, role.End, role.PartTimeFraction, role.IsActing));
        Assert.Equal((OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService), (role.OrganisationType, role.Sector, role.Level));
        Assert.True(met.Application.Roles.SequenceEqual(before.Application.Roles));
        Assert.Equal((LocalDate?)met.AsOf, met.Application.ReadyBy);
        Assert.Equal("Every", met.Application.MoralPurposeStatement);
        Assert.Null(met.Application.AssessorOutcomes);
        Assert.Null(met.Application.Sponsor);
        Assert.Equal(
            "A full-time role counted by senior-leadership.local-government, from 2016-02-29 and current, as of 2019-02-28: 3 years are met that day, the start plus 3 years in calendar terms.",
            met.Description);
    }

    [Fact]
    public void Generate_Year1_HalfTimeFrom31January_CountsHalfEachDay()
    {
        EligibilityCase met = Year1Case(LocalGovernment + "/experience-36m-half-time-from-2014-01-31-day-met");
        EligibilityCase before = Year1Case(LocalGovernment + "/experience-36m-half-time-from-2014-01-31-day-before");

        // Three years from 31 January 2014 are 1,096 days; at half time 2,191 days make 1,095.5, rounded up to 1,096.
        Assert.Equal(new LocalDate(2020, 1, 31), met.AsOf);
        Assert.Equal(0.5m, Assert.Single(met.Application.Roles).PartTimeFraction);
        Assert.Equal(new EligibilityExpectation(EligibilityOutcome.Eligible), met.Expected);
        Assert.Equal(new EligibilityExpectation(EligibilityOutcome.Ineligible, new LocalDate(2020, 1, 31), [ReasonCodes.ExperienceInsufficient]), before.Expected);
    }

    [Fact]
    public void Generate_Year1_ReadinessWindowFrom29February_EndsOn28February()
    {
        EligibilityCase last = Year1Case("readiness/readiness-36m-from-2020-02-29-ready-on-last-day");
        EligibilityCase after = Year1Case("readiness/readiness-36m-from-2020-02-29-ready-day-after");

        Assert.Equal((new LocalDate(2020, 2, 29), (LocalDate?)new LocalDate(2023, 2, 28)), (last.AsOf, last.Application.ReadyBy));
        Assert.Equal(new EligibilityExpectation(EligibilityOutcome.Eligible), last.Expected);
        Assert.Equal((new LocalDate(2020, 2, 29), (LocalDate?)new LocalDate(2023, 3, 1)), (after.AsOf, after.Application.ReadyBy));
        Assert.Equal(new EligibilityExpectation(EligibilityOutcome.Ineligible, null, [ReasonCodes.ReadinessBeyondWindow]), after.Expected);

        // The experience the other rules need comes from an earlier role, ended before the as-of date: nothing to be eligible from.
        Role earlier = Assert.Single(after.Application.Roles);
        Assert.True(earlier.End < after.AsOf);
    }

    [Fact]
    public void Generate_Year1_StatementLimits()
    {
        EligibilityCase atMost = Year1Case("moral-purpose.statement/statement-500-words-at-maximum");
        EligibilityCase over = Year1Case("moral-purpose.statement/statement-501-words-over-maximum");
        EligibilityCase none = Year1Case("moral-purpose.statement/statement-none");

        Assert.Equal(500, atMost.Application.MoralPurposeStatement!.Split(' ').Length);
        Assert.Equal(new EligibilityExpectation(EligibilityOutcome.Eligible), atMost.Expected);
        Assert.Equal(501, over.Application.MoralPurposeStatement!.Split(' ').Length);
        Assert.Equal(new EligibilityExpectation(EligibilityOutcome.Ineligible, null, [ReasonCodes.StatementTooLong]), over.Expected);
        Assert.Null(none.Application.MoralPurposeStatement);
        Assert.Equal(new EligibilityExpectation(EligibilityOutcome.Incomplete, null, [ReasonCodes.StatementMissing]), none.Expected);
    }

    [Fact]
    public void Generate_Year2_RoutesAloneAndNone()
    {
        ImmutableArray<EligibilityCase> cases = EligibilityBoundaryCases.Generate(BuiltInPolicies.Year2, new LocalDate(2021, 9, 1));

        EligibilityCase transferable = Assert.Single(cases, c => c.Name == $"senior-leadership/route-{BuiltInPolicies.TransferableRouteCode}-alone");
        Assert.Equal(Sector.Health, Assert.Single(transferable.Application.Roles).Sector);
        Assert.Equal(new EligibilityExpectation(EligibilityOutcome.Eligible), transferable.Expected);
        EligibilityCase none = Assert.Single(cases, c => c.Name == "senior-leadership/no-route");
        Assert.Empty(none.Application.Roles);
        Assert.Equal(new EligibilityExpectation(EligibilityOutcome.Ineligible, null, [ReasonCodes.ExperienceInsufficient]), none.Expected);

        // Every role the local-government route counts, the transferable route counts too: it cannot pass alone.
        EligibilityCase local = Assert.Single(cases, c => c.Name == $"senior-leadership/route-{LocalGovernment}-passes");
        Assert.Contains("No application passes it alone", local.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_InlinePolicy_RunsWithoutTheRegistry()
    {
        ImmutableArray<EligibilityCase> cases = EligibilityBoundaryCases.Generate(BuiltInPolicies.Year1, BuiltInPolicies.Year1.EffectiveFrom, new BoundaryCaseOptions { InlinePolicy = true });

        Assert.All(cases, c => Assert.Same(BuiltInPolicies.Year1, c.InlinePolicy));
        EligibilityCaseRun run = EligibilityCaseRun.Of(cases, PolicyRegistry.Create([BuiltInPolicies.Year2]).GetValueOrThrow());
        Assert.True(run.AllPassed, string.Join(Environment.NewLine, run.DescribeFailures()));
        Assert.Equal(Year1Cases().Select(c => (c.Name, c.Expected)), cases.Select(c => (c.Name, c.Expected)));
    }

    private static ImmutableArray<EligibilityCase> Year1Cases() => EligibilityBoundaryCases.Generate(BuiltInPolicies.Year1, BuiltInPolicies.Year1.EffectiveFrom);

    private static EligibilityCase Year1Case(string name) => Assert.Single(Year1Cases(), c => c.Name == name);
}
