using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Calendars;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Testing;

/// <summary>The package's generators make what they promise, proven by the library, and their shrinks keep it.</summary>
public sealed class GeneratorTests
{
    /// <summary>Every built-in policy's eligible applications are eligible: each case checks one application per policy.</summary>
    [Property]
    public Property Eligible_UnderEveryBuiltInPolicy_IsEligible() =>
        AllOf(BuiltInPolicies.All.Select(policy =>
            Prop.ForAll(ApplicationGenerators.Eligible(policy), a => policy.Decide(a).IsEligible && policy.Governs(a.ProgrammeYear, a.AssessedOn))
                .Label(policy.Id)));

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Ineligible_AndReasonCode_RefuseAnUndefinedReason(int value)
    {
        IneligibilityReason reason = (IneligibilityReason)value;
        foreach (Action call in new Action[] { () => ApplicationGenerators.ReasonCode(reason), () => ApplicationGenerators.Ineligible(reason) })
        {
            ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(call);
            Assert.Equal("reason", error.ParamName);
            Assert.Equal("Not a defined reason. (Parameter 'reason')", error.Message);
        }
    }

    /// <summary>Each case checks one ineligible application per reason.</summary>
    [Property]
    public Property Ineligible_FailsOnlyTheCriterionOfItsReason() =>
        AllOf(Enum.GetValues<IneligibilityReason>().Select(reason =>
        {
            string code = ApplicationGenerators.ReasonCode(reason);
            return Prop.ForAll(
                ApplicationGenerators.Ineligible(reason),
                a =>
                {
                    EligibilityDecision decision = ApplicationGenerators.DefaultPolicy.Decide(a);
                    Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
                    Assert.Equal([code], FailedLeaves(decision).Select(r => r.Reason).Distinct());
                }).Label(reason.ToString());
        }));

    [Property]
    public Property NearMisses_AreOneDayShort_AndEligibleADayLater()
    {
        EligibilityPolicy policy = ApplicationGenerators.DefaultPolicy;
        return Prop.ForAll(
            ApplicationGenerators.NearMisses(),
            a =>
            {
                EligibilityDecision decision = policy.Decide(a);
                Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
                Assert.Equal([ReasonCodes.ExperienceInsufficient], FailedLeaves(decision).Select(r => r.Reason).Distinct());
                Assert.True(policy.Decide(a, a.AssessedOn.PlusDays(1)).IsEligible);
            });
    }

    [Property]
    public Property Incomplete_IsIncomplete() =>
        Prop.ForAll(ApplicationGenerators.Incomplete(), a => ApplicationGenerators.DefaultPolicy.Decide(a).Outcome == EligibilityOutcome.Incomplete);

    /// <summary>Each case checks one value of each kind.</summary>
    [Property]
    public Property Shrinks_KeepTheOutcome()
    {
        EligibilityPolicy policy = ApplicationGenerators.DefaultPolicy;
        (Arbitrary<Application> Arbitrary, EligibilityOutcome Outcome)[] kinds =
        [
            (ApplicationGenerators.Eligible(), EligibilityOutcome.Eligible),
            (ApplicationGenerators.NearMisses(), EligibilityOutcome.Ineligible),
            (ApplicationGenerators.Incomplete(), EligibilityOutcome.Incomplete),
        ];
        return AllOf(kinds.Select(kind =>
            Prop.ForAll(kind.Arbitrary, a => Assert.All(kind.Arbitrary.Shrinker(a).Take(10), s => Assert.Equal(kind.Outcome, policy.Decide(s).Outcome)))
                .Label(kind.Outcome.ToString())));
    }


    [Fact]
    public void Eligible_ShrinksGreedily_ToAFewRolesAndAOneWordStatement()
    {
        Arbitrary<Application> arbitrary = ApplicationGenerators.Eligible();
        foreach (Application start in arbitrary.Generator.Sample(50))
        {
            Application smallest = start;
            while (arbitrary.Shrinker(smallest).FirstOrDefault() is Application simpler)
            {
                smallest = simpler;
            }

            Assert.True(ApplicationGenerators.DefaultPolicy.Decide(smallest).IsEligible);
            Assert.InRange(smallest.Roles.Length, 1, 3);
            Assert.DoesNotContain(' ', smallest.MoralPurposeStatement!);
        }
    }

    [Fact]
    public void RolesWithOverlapsAndGaps_HaveBoth()
    {
        (ImmutableArray<Role> Roles, NodaTime.LocalDate AssessedOn)[] samples = [.. ApplicationGenerators.RolesWithOverlapsAndGaps().Generator.Sample(300)];

        Assert.All(samples, s => Assert.InRange(s.Roles.Length, 2, 6));
        Assert.Contains(samples, s => Pairs(s.Roles).Any(p => p.Second.Start <= p.First.End));
        Assert.Contains(samples, s => Pairs(s.Roles).Any(p => p.Second.Start > p.First.End!.Value.PlusDays(1)));

        static IEnumerable<(Role First, Role Second)> Pairs(ImmutableArray<Role> roles) => roles.Zip(roles.Skip(1)).Where(p => p.First.End is not null);
    }

    [Fact]
    public void Observed_HaveDelayedEntryCensoringAndInterims()
    {
        ObservedHistories[] samples = [.. AppointmentHistoryGenerators.Observed().Generator.Sample(200)];
        TenureRecord[] records = [.. samples.SelectMany(s => TenureMeasures.TenureRecords(s.Appointments, s.Observation))];

        Assert.Contains(records, r => r.Entry > 0);
        Assert.Contains(records, r => !r.IsEvent);
        Assert.Contains(records, r => r.IsEvent);
        Assert.Contains(samples, s => s.Appointments.Any(a => a.Kind == AppointmentKind.Interim));
        Assert.Contains(samples, s => s.Appointments.Any(a => a.End is null));
    }

    [Property]
    public Property RegistersWithMergesAndSplits_KeepEveryAppointmentWithinItsAuthority() =>
        Prop.ForAll(
            AppointmentHistoryGenerators.RegistersWithMergesAndSplits(),
            history => history.Appointments.All(a =>
                history.Register.Find(a.AuthorityCode) is Authority authority
                && authority.IsInForceOn(a.Start)
                && (authority.EffectiveTo is not NodaTime.LocalDate ceases || (a.End is NodaTime.LocalDate end && end <= ceases))));

    [Fact]
    public void RegistersWithMergesAndSplits_HaveMergersAndSplits()
    {
        RegisterHistory[] samples = [.. AppointmentHistoryGenerators.RegistersWithMergesAndSplits().Generator.Sample(200)];

        Assert.Contains(samples, s => s.Register.Authorities.Any(a => a.EffectiveTo is not null));
        Assert.Contains(samples, s => s.Register.Authorities.Count(a => a.EffectiveTo is null) > s.Register.Authorities.Count(a => a.EffectiveFrom == new NodaTime.LocalDate(2008, 4, 1)));
        Assert.Contains(samples, s => s.Register.Authorities.Count(a => a.EffectiveTo is null) < s.Register.Authorities.Count(a => a.EffectiveFrom == new NodaTime.LocalDate(2008, 4, 1)));
    }

    [Property]
    public Property ProgrammeYears_ValidAndInvalid_AreWhatTheValidatorSays() =>
        Prop.ForAll(ProgrammeYearGenerators.Valid(), year => year.Validate(WorkingDayCalendar.EnglandAndWales).IsValid).Label("valid")
            .And(Prop.ForAll(ProgrammeYearGenerators.Invalid(), year => !year.Validate(WorkingDayCalendar.EnglandAndWales).IsValid).Label("invalid"));

    [Property]
    public Property Compositions_AreBreakdownsThatSuppress() =>
        Prop.ForAll(
            CompositionGenerators.Breakdowns(),
            breakdown => breakdown.Total > 0
                && breakdown.Cells.Sum(c => c.Count) == breakdown.Total
                && breakdown.Suppress().Cells.Length == breakdown.Cells.Length);

    [Property]
    public Property InvalidDocuments_AreReportedWithTheirPathAndCode() =>
        Prop.ForAll(
            ApplicationDocumentGenerators.Invalid(),
            document =>
            {
                DocumentResult<ApplicationSubmission> result = ApplicationDocument.Parse(document.Json);
                Assert.False(result.IsValid);
                Assert.Contains(result.Problems, p => p.Path == document.Path && p.Code == document.Code);
            });

    private static IEnumerable<CriterionResult> FailedLeaves(EligibilityDecision decision) =>
        Explanations.Flatten(decision.Explanation).Where(r => r.Results.IsEmpty && r.Outcome == CriterionOutcome.Fail);

    /// <summary>The conjunction of <paramref name="properties"/>: every case checks one generated value for each.</summary>
    private static Property AllOf(IEnumerable<Property> properties) => properties.Aggregate((left, right) => left.And(right));
}
