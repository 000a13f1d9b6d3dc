using System;
using System.IO;
using System.Text;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Docs;

/// <summary>The conformance-case examples of docs/eligibility.md, run.</summary>
public sealed class CaseDocExamples
{
    [Fact]
    public void RunningCases()
    {
        // begin-snippet: eligibility-cases
        // A head of service since 2 June 2018, assessed on 1 June 2021: a day short of three years, eligible the next day.
        Application application = new("C-002", "2021/22", new LocalDate(2021, 6, 1),
            [new Role("Head of Service", "A county council", OrganisationType.LocalAuthority, Sector.ChildrensServices,
                RoleLevel.HeadOfService, start: new LocalDate(2018, 6, 2))],
            readyBy: new LocalDate(2023, 9, 1),
            moralPurposeStatement: "Every child deserves a champion.");
        EligibilityCase oneDayShort = new(
            name: "one-day-short",
            application: application,
            policyId: "aspirant-2021-22",
            policyVersion: null, // the registry's latest version
            asOf: new LocalDate(2021, 6, 1),
            expected: new EligibilityExpectation(EligibilityOutcome.Ineligible, new LocalDate(2021, 6, 2), [ReasonCodes.ExperienceInsufficient]));

        EligibilityCaseResult result = oneDayShort.Run(PolicyRegistry.BuiltIn);
        Console.WriteLine(result);
        // one-day-short: passed

        // Expecting the applicant to be eligible already fails, saying what differs; ToLines() adds the whole explanation.
        EligibilityCaseResult wrong = oneDayShort.WithExpected(new EligibilityExpectation(EligibilityOutcome.Eligible)).Run(PolicyRegistry.BuiltIn);
        Console.WriteLine(wrong);
        // one-day-short: failed: outcome expected eligible, was ineligible; eligible from expected none, was 2021-06-02; reasons expected none, were experience.insufficient

        // Save what a policy decides today as a case; write the cases as a case file, then read it and run every case.
        EligibilityCase saved = EligibilityCase.FromDecision("saved", application, BuiltInPolicies.Year2.Decide(application));
        using MemoryStream file = new();
        EligibilityCaseDocument.Write(file, [oneDayShort, saved], indented: true);
        file.Position = 0;
        EligibilityCaseRun run = EligibilityCaseRun.Read(file, PolicyRegistry.BuiltIn);
        Console.WriteLine(run);
        // 2 records: 2 cases (2 passed, 0 failed), 0 errors
        // end-snippet

        Assert.Equal("one-day-short: passed", result.ToString());
        Assert.Equal("one-day-short: failed: outcome expected eligible, was ineligible; eligible from expected none, was 2021-06-02; reasons expected none, were experience.insufficient", wrong.ToString());
        Assert.Equal("2 records: 2 cases (2 passed, 0 failed), 0 errors", run.ToString());
        Assert.Equal(oneDayShort, run.Results[0].Case);
        Assert.Equal(("aspirant-2021-22", (int?)1), (saved.PolicyId, saved.PolicyVersion));

        // The guide shows the one-case file as the writer writes it.
        using MemoryStream one = new();
        EligibilityCaseDocument.Write(one, [oneDayShort], indented: true);
        Assert.Contains("```json\n" + Encoding.UTF8.GetString(one.ToArray()) + "\n```", EligibilityDocExamples.Page("eligibility.md"), StringComparison.Ordinal);
    }
}
