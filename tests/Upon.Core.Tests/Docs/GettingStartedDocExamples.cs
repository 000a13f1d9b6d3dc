using System;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Docs;

/// <summary>The examples of README.md and docs/getting-started.md, run.</summary>
public class GettingStartedDocExamples
{
    [Fact]
    public void Readme_FirstExample()
    {
        // begin-snippet: readme-first-example
        WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
        bool working = calendar.IsWorkingDay(new LocalDate(2022, 9, 19));         // false: the Queen's state funeral
        LocalDate next = calendar.AddWorkingDays(new LocalDate(2026, 12, 24), 1);  // 2026-12-29: Boxing Day moves to the 28th
        int days = calendar.CountWorkingDays(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31))); // 254
        // end-snippet

        Assert.False(working);
        Assert.Equal(new LocalDate(2026, 12, 29), next);
        Assert.Equal(254, days);
    }

    [Fact]
    public void GettingStarted_FirstDecision()
    {
        // begin-snippet: getting-started-first-decision
        Application application = new(
            id: "A-001", programmeYear: "2021/22", assessedOn: new LocalDate(2021, 6, 1),
            roles:
            [
                new Role("Assistant Director, Children's Social Care", "Northshire County Council",
                    OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.AssistantDirector,
                    start: new LocalDate(2017, 9, 4)),
            ],
            readyBy: new LocalDate(2023, 9, 1),
            moralPurposeStatement: "Every child in care deserves a champion who never gives up on them.");

        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(application);
        Console.WriteLine(decision);   // Eligible under aspirant-2021-22 v1 as of 2021-06-01
        // end-snippet

        Assert.Equal("A-001: Eligible under aspirant-2021-22 v1 as of 2021-06-01", decision.ToString());
    }

    [Fact]
    public void GettingStarted_WhyNot()
    {
        // begin-snippet: getting-started-why-not
        Application shortOfExperience = new(
            id: "A-002", programmeYear: "2021/22", assessedOn: new LocalDate(2021, 6, 1),
            roles:
            [
                new Role("Head of Early Help", "Westborough Council",
                    OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService,
                    start: new LocalDate(2019, 1, 7)),
            ],
            readyBy: new LocalDate(2023, 9, 1),
            moralPurposeStatement: "Children should grow up safe and loved.");

        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(shortOfExperience);
        // decision.Outcome is Ineligible; decision.EligibleFrom is the day the experience rule would pass
        // if the current role continues; decision.Explanation holds every rule's result and reason code.
        // end-snippet

        Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
        Assert.Equal(new LocalDate(2022, 1, 7), decision.EligibleFrom);
    }
}
