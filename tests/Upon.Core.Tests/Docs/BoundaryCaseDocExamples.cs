using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Docs;

/// <summary>The generated boundary cases of docs/eligibility.md, run.</summary>
public sealed class BoundaryCaseDocExamples
{
    [Fact]
    public void GeneratedBoundaryCases()
    {
        // begin-snippet: eligibility-boundary-cases
        // The edges of the Year 1 policy, placed by 1 September 2020: 23 cases, each saying what it shows.
        EligibilityPolicy year1 = BuiltInPolicies.Year1;
        ImmutableArray<EligibilityCase> cases = EligibilityBoundaryCases.Generate(year1, new LocalDate(2020, 9, 1));
        EligibilityCase dayBefore = cases.Single(c => c.Name == "senior-leadership.local-government/experience-36m-from-2016-02-29-day-before");
        Console.WriteLine(dayBefore.Description);
        // The same role as of 2019-02-27: one day short of 3 years, met the next day.
        Console.WriteLine(dayBefore.Expected);
        // ineligible (eligible from 2019-02-28) because experience.insufficient

        // Kept as a case file, they run like any other: the policy passes them all.
        using MemoryStream file = new();
        EligibilityCaseDocument.Write(file, cases, indented: true);
        file.Position = 0;
        Console.WriteLine(EligibilityCaseRun.Read(file, PolicyRegistry.BuiltIn));
        // 23 records: 23 cases (23 passed, 0 failed), 0 errors

        // A Year 1 that asked a month less would let in the five "day before" applications: the cases catch it.
        ExperienceRule route = (ExperienceRule)year1.Rule.Rules[0];
        EligibilityRule lenientRule = new AllRule(year1.Rule.Code, year1.Rule.Title,
            [new ExperienceRule(route.Code, route.Title, Period.FromMonths(35), route.QualifyingRoles, route.PartTime, route.ActingCounts), .. year1.Rule.Rules.Skip(1)]);
        EligibilityPolicy lenient = new(year1.Id, year1.Version, year1.ProgrammeYear, year1.EffectiveFrom, year1.EffectiveTo, year1.Title, lenientRule, year1.Interpretation);
        EligibilityCaseRun caught = EligibilityCaseRun.Of(cases, PolicyRegistry.Create([lenient]).GetValueOrThrow());
        Console.WriteLine(caught);
        // 23 records: 23 cases (18 passed, 5 failed), 0 errors
        // end-snippet

        Assert.Equal("The same role as of 2019-02-27: one day short of 3 years, met the next day.", dayBefore.Description);
        Assert.Equal("ineligible (eligible from 2019-02-28) because experience.insufficient", dayBefore.Expected.ToString());
        file.Position = 0;
        Assert.Equal("23 records: 23 cases (23 passed, 0 failed), 0 errors", EligibilityCaseRun.Read(file, PolicyRegistry.BuiltIn).ToString());
        Assert.Equal("23 records: 23 cases (18 passed, 5 failed), 0 errors", caught.ToString());
        Assert.All(caught.Failures, f => Assert.EndsWith("-day-before", f.Case.Name, StringComparison.Ordinal));
    }
}
