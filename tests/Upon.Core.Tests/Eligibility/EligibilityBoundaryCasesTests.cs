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
    public void Dump()
    {
        foreach (EligibilityPolicy policy in BuiltInPolicies.All.Take(2))
        {
            foreach (EligibilityCase c in EligibilityBoundaryCases.Generate(policy, policy.EffectiveFrom))
            {
                Console.WriteLine($"{c.Name} | {c.AsOf} | {c.Expected} | {c.Application.Roles.Length} roles {string.Join(";", c.Application.Roles)} | ready {c.Application.ReadyBy} | {c.Description}");
            }
        }
    }
}
