using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Docs;

/// <summary>The examples of docs/eligibility.md and docs/eligibility-policies.md, run.</summary>
public class EligibilityDocExamples
{
    /// <summary>The application document of the guide's worked example, exactly as the guide shows it.</summary>
    internal const string WorkedExampleJson = """
        {
          "id": "W-2021-0042",
          "programmeYear": "2021/22",
          "assessedOn": "2021-06-01",
          "roles": [
            {
              "title": "Head of Service, Children's Social Care",
              "organisation": "Northshire County Council",
              "organisationType": "localAuthority",
              "sector": "childrensServices",
              "level": "headOfService",
              "start": "2016-04-01",
              "end": "2018-03-31"
            },
            {
              "title": "Assistant Director, Early Help (acting)",
              "organisation": "Northshire County Council",
              "organisationType": "localAuthority",
              "sector": "childrensServices",
              "level": "assistantDirector",
              "start": "2018-04-01",
              "end": "2018-09-30",
              "acting": true
            },
            {
              "title": "Deputy Director, Youth Justice",
              "organisation": "Northshire Youth Justice Service",
              "organisationType": "policeOrJustice",
              "sector": "policingAndJustice",
              "level": "deputyDirector",
              "start": "2019-01-07",
              "partTimeFraction": 0.6
            },
            {
              "title": "Service Manager, Fostering",
              "organisation": "Northshire County Council",
              "organisationType": "localAuthority",
              "sector": "childrensServices",
              "level": "serviceManager",
              "start": "2012-09-03",
              "end": "2016-03-31"
            }
          ],
          "readyBy": "2023-09-01",
          "moralPurposeStatement": "Every child deserves a service that sees them, hears them and never gives up on them.",
          "sponsor": {
            "name": "Jo Bloggs",
            "role": "Director of Children's Services",
            "organisation": "Northshire County Council"
          },
          "equalityMonitoring": {
            "ethnicity": "mixed-white-black-caribbean",
            "disability": "no"
          }
        }
        """;

    [Fact]
    public void WorkedExample_InCSharp()
    {
        // begin-snippet: eligibility-worked-example
        Application application = new(
            id: "W-2021-0042",
            programmeYear: "2021/22",
            assessedOn: new LocalDate(2021, 6, 1),
            roles:
            [
                new Role("Head of Service, Children's Social Care", "Northshire County Council",
                    OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService,
                    start: new LocalDate(2016, 4, 1), end: new LocalDate(2018, 3, 31)),
                new Role("Assistant Director, Early Help (acting)", "Northshire County Council",
                    OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.AssistantDirector,
                    start: new LocalDate(2018, 4, 1), end: new LocalDate(2018, 9, 30), isActing: true),
                new Role("Deputy Director, Youth Justice", "Northshire Youth Justice Service",
                    OrganisationType.PoliceOrJustice, Sector.PolicingAndJustice, RoleLevel.DeputyDirector,
                    start: new LocalDate(2019, 1, 7), partTimeFraction: 0.6m),
                new Role("Service Manager, Fostering", "Northshire County Council",
                    OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.ServiceManager,
                    start: new LocalDate(2012, 9, 3), end: new LocalDate(2016, 3, 31)),
            ],
            readyBy: new LocalDate(2023, 9, 1),
            moralPurposeStatement: "Every child deserves a service that sees them, hears them and never gives up on them.",
            sponsor: new Sponsor("Jo Bloggs", "Director of Children's Services", "Northshire County Council"));

        // The registry picks the policy in force for 2021/22 on 1 June 2021: aspirant-2021-22 version 1.
        if (!PolicyRegistry.BuiltIn.TryDecide(application, out EligibilityDecision? decision))
        {
            throw new InvalidOperationException("No policy governs this programme year on this date.");
        }

        Console.WriteLine(decision);
        // W-2021-0042: Eligible under aspirant-2021-22 v1 as of 2021-06-01

        // The explanation, rule by rule, as `upon eligibility check --explain` prints it (EligibilityExplanation).
        Console.WriteLine(decision.ToText());
        // W-2021-0042: eligible under aspirant-2021-22 v1, as of 2021-06-01
        //   [pass] eligibility (all.passed): All 4 requirements met.
        //     [pass] senior-leadership (any.passed): Met by the route "Three years' senior leadership in children's services or related sectors" (2 routes tried).
        //       [FAIL] senior-leadership.local-government (experience.insufficient): 2 years 6 months of qualifying experience; 3 years required; short by 6 months.
        //       [pass] senior-leadership.transferable (experience.sufficient): 3 years 11 months 9 days of qualifying experience; 3 years required; met.
        //     [pass] readiness (readiness.within-window): Ready to become a DCS in 2 years 3 months; within 3 years required; met.
        //     [pass] moral-purpose.statement (statement.present): 16 words; 1 to 500 words allowed; met.
        //     [pass] moral-purpose.assessment (assessor.not-yet-assessed): Not yet judged by the assessors.
        // end-snippet
        Assert.Equal(EligibilityOutcome.Eligible, decision.Outcome);
        Assert.Equal("W-2021-0042: Eligible under aspirant-2021-22 v1 as of 2021-06-01", decision.ToString());
        Assert.Equal(
            [
                "W-2021-0042: eligible under aspirant-2021-22 v1, as of 2021-06-01",
                "  [pass] eligibility (all.passed): All 4 requirements met.",
                "    [pass] senior-leadership (any.passed): Met by the route \"Three years' senior leadership in children's services or related sectors\" (2 routes tried).",
                "      [FAIL] senior-leadership.local-government (experience.insufficient): 2 years 6 months of qualifying experience; 3 years required; short by 6 months.",
                "      [pass] senior-leadership.transferable (experience.sufficient): 3 years 11 months 9 days of qualifying experience; 3 years required; met.",
                "    [pass] readiness (readiness.within-window): Ready to become a DCS in 2 years 3 months; within 3 years required; met.",
                "    [pass] moral-purpose.statement (statement.present): 16 words; 1 to 500 words allowed; met.",
                "    [pass] moral-purpose.assessment (assessor.not-yet-assessed): Not yet judged by the assessors.",
            ],
            decision.ToLines().ToArray());
        Assert.Equal(string.Join('\n', decision.ToLines()), decision.ToText());
        Assert.Equal(application, ReadWorkedExample().Application);
    }

    [Fact]
    public void WorkedExample_Evidence()
    {
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(ReadWorkedExample().Application);

        // begin-snippet: eligibility-evidence
        CriterionResult route = decision.Explanation.Results[0].Results[1]; // senior-leadership.transferable
        EffectiveExperience experience = route.Experience!;

        Console.WriteLine($"{experience.Days} days from {experience.FirstDay}: {experience.Period}");
        // 1438.6 days from 2016-04-01, a part of a day rounded up: P3Y11M9D

        foreach (RoleEvidence role in experience.Roles)
        {
            Console.WriteLine($"role {role.RoleIndex}: {role.Reason} {role.Counted} {role.Days}");
        }

        // role 0: role.counted [2016-04-01, 2018-03-31] 730
        // role 1: role.counted [2018-04-01, 2018-09-30] 183
        // role 2: role.counted [2019-01-07, 2021-05-31] 525.6
        // role 3: role.level-not-qualifying  0
        // end-snippet
        Assert.Equal(BuiltInPolicies.TransferableRouteCode, route.Code);
        Assert.Equal(1438.6m, experience.Days);
        Assert.Equal(new LocalDate(2016, 4, 1), experience.FirstDay);
        Assert.Equal(new PeriodBuilder { Years = 3, Months = 11, Days = 9 }.Build(), experience.Period);
        Assert.Equal(0.6m, experience.CurrentDailyRate);
        Assert.Equal(
            [
                "role 0: role.counted [2016-04-01, 2018-03-31] 730",
                "role 1: role.counted [2018-04-01, 2018-09-30] 183",
                "role 2: role.counted [2019-01-07, 2021-05-31] 525.6",
                "role 3: role.level-not-qualifying  0",
            ],
            experience.Roles.Select(r => $"role {r.RoleIndex}: {r.Reason} {r.Counted} {r.Days}"));
        CriterionResult local = decision.Explanation.Results[0].Results[0];
        Assert.Equal(
            [ReasonCodes.RoleCounted, ReasonCodes.RoleCounted, ReasonCodes.RoleSectorNotQualifying, ReasonCodes.RoleLevelNotQualifying],
            local.Experience!.Roles.Select(r => r.Reason));
        Assert.Null(local.MetOn);
    }

    [Fact]
    public void WorkedExample_ChoosingThePolicy()
    {
        Application application = ReadWorkedExample().Application;

        // begin-snippet: eligibility-choose-policy
        PolicyRegistry registry = PolicyRegistry.BuiltIn;

        EligibilityPolicy? governing = registry.Find("2021/22", new LocalDate(2021, 6, 1)); // aspirant-2021-22 v1
        EligibilityPolicy? none = registry.Find("2019/20", new LocalDate(2019, 6, 1));      // null: no policy for 2019/20
        EligibilityPolicy? byId = registry.FindById("aspirant-2020-21");                    // the latest version

        // A policy decides whatever application it is given: choosing it is the caller's job.
        EligibilityDecision underYear1 = byId!.Decide(application);
        Console.WriteLine(underYear1);
        // W-2021-0042: Ineligible under aspirant-2020-21 v1 as of 2021-06-01

        // Decide as of another date: experience counts the days before it, the readiness window starts on it.
        EligibilityDecision later = governing!.Decide(application, new LocalDate(2022, 6, 1));
        // end-snippet
        Assert.Same(BuiltInPolicies.Year2, governing);
        Assert.Null(none);
        Assert.Same(BuiltInPolicies.Year1, byId);
        Assert.Equal("W-2021-0042: Ineligible under aspirant-2020-21 v1 as of 2021-06-01", underYear1.ToString());
        Assert.Null(underYear1.EligibleFrom);
        Assert.Equal(EligibilityOutcome.Eligible, later.Outcome);
        Assert.Equal(new LocalDate(2022, 6, 1), later.AsOf);
    }

    [Fact]
    public void WorkedExample_ReadingTheDocument()
    {
        string json = WorkedExampleJson;

        // begin-snippet: eligibility-read-document
        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Parse(json);
        if (!read.IsValid)
        {
            foreach (DocumentProblem problem in read.Problems)
            {
                Console.WriteLine(problem); // path, message and code; never a value from the document
            }

            return;
        }

        Application application = read.Value.Application;      // what a policy decides on
        EqualityMonitoring? monitoring = read.Value.Monitoring; // kept apart: no policy can see it

        PolicyRegistry.BuiltIn.TryDecide(application, out EligibilityDecision? decision);
        // end-snippet
        Assert.True(read.IsValid);
        Assert.Equal(new EqualityMonitoring(Ethnicity: "mixed-white-black-caribbean", Disability: "no"), monitoring);
        Assert.NotNull(decision);
        Assert.Equal(EligibilityOutcome.Eligible, decision.Outcome);
    }

    [Fact]
    public void WorkedExample_WritingTheDecision()
    {
        Application application = ReadWorkedExample().Application;
        PolicyRegistry.BuiltIn.TryDecide(application, out EligibilityDecision? decision);

        // begin-snippet: eligibility-write-decision
        using MemoryStream stream = new();
        DecisionDocument.Write(stream, decision!, indented: true);
        string written = Encoding.UTF8.GetString(stream.ToArray());

        // Reading it back gives an equal decision.
        EligibilityDecision copy = DecisionDocument.Parse(written).GetValueOrThrow();
        // end-snippet
        Assert.Equal(decision, copy);
        // The page shows the library version of its release; the fingerprint's other parts do not change with it.
        string shown = written.Replace($"\"libraryVersion\": \"{DecisionFingerprint.CurrentLibraryVersion}\"", "\"libraryVersion\": \"0.3.0\"", StringComparison.Ordinal);
        Assert.Contains(Normalise(shown), Page("eligibility.md"), StringComparison.Ordinal);
        Assert.Contains(Normalise(WorkedExampleJson), Page("eligibility.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void WorkedExample_WritingASummary()
    {
        Application application = ReadWorkedExample().Application;

        // begin-snippet: eligibility-write-summary
        EligibilityDecision decision = BuiltInPolicies.Year1.Decide(application);

        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream, new JsonWriterOptions { Indented = true }))
        {
            DecisionDocument.WriteSummary(writer, decision);
        }

        string summary = Encoding.UTF8.GetString(stream.ToArray());
        // end-snippet
        Assert.Equal(EligibilityOutcome.Ineligible, decision.Outcome);
        Assert.Contains("```json\n" + Normalise(summary) + "\n```", Page("eligibility.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void BadDocument_EveryProblemWithPathAndCode()
    {
        // begin-snippet: eligibility-bad-document
        string json = """
            {
              "id": "W-2021-0043",
              "programmeYear": "2021-22",
              "assessedOn": "2021-06-01",
              "roles": [
                {
                  "title": "Assistant Director",
                  "organisation": "Southmere Council",
                  "organisationType": "localAuthority",
                  "sector": "childrenServices",
                  "level": "assistantDirector",
                  "start": "2019-04-01",
                  "end": "2018-03-31",
                  "partTime": 0.5
                }
              ],
              "equalityMonitoring": { "ethnicity": 7 }
            }
            """;

        DocumentResult<ApplicationSubmission> read = ApplicationDocument.Parse(json);
        foreach (DocumentProblem problem in read.Problems)
        {
            Console.WriteLine(problem);
        }

        // $.programmeYear: A programme year is written yyyy/yy with consecutive years, for example 2021/22. (programme-year.invalid)
        // $.roles[0].partTime: This property is not part of the format; check its spelling. (property.unknown)
        // $.roles[0].sector: Expected one of: childrensServices, education, health, adultSocialCare, policingAndJustice, housing, centralGovernment, voluntaryAndCommunity, other. (value.unknown)
        // $.roles[0].end: A role's end date (its last day in post) cannot be before its start date. (date.end-before-start)
        // $.equalityMonitoring.ethnicity: Expected a string, but found a number. (value.type-mismatch)
        // end-snippet
        Assert.False(read.IsValid);
        Assert.Equal(
            [
                "$.programmeYear: A programme year is written yyyy/yy with consecutive years, for example 2021/22. (programme-year.invalid)",
                "$.roles[0].partTime: This property is not part of the format; check its spelling. (property.unknown)",
                "$.roles[0].sector: Expected one of: childrensServices, education, health, adultSocialCare, policingAndJustice, housing, centralGovernment, voluntaryAndCommunity, other. (value.unknown)",
                "$.roles[0].end: A role's end date (its last day in post) cannot be before its start date. (date.end-before-start)",
                "$.equalityMonitoring.ethnicity: Expected a string, but found a number. (value.type-mismatch)",
            ],
            read.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Convention_EndDateInclusiveAndThreeYears()
    {
        // begin-snippet: eligibility-three-years
        Role role = Senior(start: new LocalDate(2017, 10, 1));

        EffectiveExperience onTheDay = Measure([role], asOf: new LocalDate(2020, 10, 1));
        EffectiveExperience dayBefore = Measure([role], asOf: new LocalDate(2020, 9, 30));

        // onTheDay counts 2017-10-01 to 2020-09-30: 1096 days, exactly P3Y, and Meets(P3Y) is true.
        // dayBefore counts one day fewer: P2Y11M29D, short by P1D.

        // An end date is the last day in post: a role from 2017-10-01 to 2020-09-30 gives the same three years.
        Role ended = Senior(start: new LocalDate(2017, 10, 1), end: new LocalDate(2020, 9, 30));
        EffectiveExperience later = Measure([ended], asOf: new LocalDate(2021, 6, 1)); // P3Y
        // end-snippet
        Period three = Period.FromYears(3);
        Assert.Equal(1096m, onTheDay.Days);
        Assert.Equal(three, onTheDay.Period);
        Assert.True(onTheDay.Meets(three));
        Assert.Equal(new PeriodBuilder { Years = 2, Months = 11, Days = 29 }.Build(), dayBefore.Period);
        Assert.False(dayBefore.Meets(three));
        Assert.Equal(Period.FromDays(1), dayBefore.Shortfall(three));
        Assert.Equal(three, later.Period);
        Assert.True(later.Meets(three));
    }

    [Fact]
    public void Convention_OverlapsGapsCurrentAndFutureRoles()
    {
        // begin-snippet: eligibility-overlaps-gaps
        LocalDate asOf = new(2021, 6, 1);
        Role[] roles =
        [
            Senior(new LocalDate(2017, 1, 1), new LocalDate(2018, 12, 31)), // 2 years
            Senior(new LocalDate(2018, 7, 1), new LocalDate(2019, 6, 30)),  // overlaps the first for 6 months
            Senior(new LocalDate(2020, 1, 1)),                              // current, after a 6-month gap
            Senior(new LocalDate(2021, 9, 1)),                              // not started yet
        ];

        EffectiveExperience experience = Measure(roles, asOf);
        // 2017-01-01 to 2019-06-30 counts once (911 days), the gap not at all, the current role
        // 2020-01-01 to 2021-05-31 (517 days), the future role nothing: 1428 days in all,
        // which laid end to end from 2017-01-01 reach 2020-11-29. experience.Period is P3Y10M28D.
        // experience.Roles[3].Reason is "role.not-started".
        // end-snippet
        Assert.Equal(1428m, experience.Days);
        Assert.Equal(new PeriodBuilder { Years = 3, Months = 10, Days = 28 }.Build(), experience.Period);
        Assert.Equal(ReasonCodes.RoleNotStarted, experience.Roles[3].Reason);
        Assert.Equal(1m, experience.CurrentDailyRate);
    }

    [Fact]
    public void Convention_SeparatePeriodsLaidEndToEnd()
    {
        // begin-snippet: eligibility-separate-periods
        LocalDate asOf = new(2019, 1, 1);

        // One continuous period of three calendar years, across 29 February 2016: exactly three years.
        EffectiveExperience single = Measure([Senior(new LocalDate(2016, 1, 1), new LocalDate(2018, 12, 31))], asOf);
        // single.Days is 1096; single.Period is P3Y.

        // Two separate periods of one and two calendar years, with the leap day of 2016 in the gap.
        EffectiveExperience split = Measure(
            [Senior(new LocalDate(2015, 1, 1), new LocalDate(2015, 12, 31)), Senior(new LocalDate(2017, 1, 1), new LocalDate(2018, 12, 31))],
            asOf);
        // split.Days is 365 + 730 = 1095, laid end to end from 2015-01-01: they reach 2017-12-31,
        // one day short of 2018-01-01. split.Period is P2Y11M30D and Shortfall(P3Y) is P1D.
        // end-snippet
        Period three = Period.FromYears(3);
        Assert.Equal(1096m, single.Days);
        Assert.Equal(three, single.Period);
        Assert.Equal(1095m, split.Days);
        Assert.Equal(new PeriodBuilder { Years = 2, Months = 11, Days = 30 }.Build(), split.Period);
        Assert.False(split.Meets(three));
        Assert.Equal(Period.FromDays(1), split.Shortfall(three));
    }

    [Fact]
    public void Convention_LeapDay()
    {
        // begin-snippet: eligibility-leap-day
        LocalDate start = new(2016, 2, 29);
        LocalDate threeYearsOn = start.PlusYears(3); // 2019-02-28: NodaTime clamps to the end of February

        EffectiveExperience onThe28th = Measure([Senior(start)], asOf: new LocalDate(2019, 2, 28));
        EffectiveExperience onThe27th = Measure([Senior(start)], asOf: new LocalDate(2019, 2, 27));
        // onThe28th.Meets(P3Y) is true: 1095 days from 2016-02-29 reach 2019-02-28.
        // onThe27th.Meets(P3Y) is false: short by P1D.
        // end-snippet
        Period three = Period.FromYears(3);
        Assert.Equal(new LocalDate(2019, 2, 28), threeYearsOn);
        Assert.Equal(1095m, onThe28th.Days);
        Assert.True(onThe28th.Meets(three));
        Assert.Equal(Period.Zero, onThe28th.Shortfall(three));
        Assert.False(onThe27th.Meets(three));
        Assert.Equal(Period.FromDays(1), onThe27th.Shortfall(three));
    }

    [Fact]
    public void Convention_PartTime()
    {
        // begin-snippet: eligibility-part-time
        LocalDate asOf = new(2020, 10, 1);
        Role halfTime = new("Head of Service", "A council", OrganisationType.LocalAuthority, Sector.ChildrensServices,
            RoleLevel.HeadOfService, new LocalDate(2017, 10, 1), partTimeFraction: 0.5m);
        Role otherHalf = new("Head of Service, Education", "A council", OrganisationType.LocalAuthority, Sector.Education,
            RoleLevel.HeadOfService, new LocalDate(2017, 10, 1), partTimeFraction: 0.5m);

        EffectiveExperience proRata = EffectiveExperience.Measure([halfTime], asOf, _ => null, PartTimeCounting.ProRata);
        EffectiveExperience full = EffectiveExperience.Measure([halfTime], asOf, _ => null, PartTimeCounting.Full);
        EffectiveExperience together = EffectiveExperience.Measure([halfTime, otherHalf], asOf, _ => null, PartTimeCounting.ProRata);
        // proRata.Days is 548 (1096 days at 0.5): P1Y6M1D.
        // full.Days is 1096: P3Y.
        // together.Days is 548: concurrent roles never add up; each day counts the larger weight, a half.
        // end-snippet
        Assert.Equal(548m, proRata.Days);
        Assert.Equal(new PeriodBuilder { Years = 1, Months = 6, Days = 1 }.Build(), proRata.Period);
        Assert.Equal(0.5m, proRata.CurrentDailyRate);
        Assert.Equal(1096m, full.Days);
        Assert.Equal(Period.FromYears(3), full.Period);
        Assert.Equal(548m, together.Days);
        Assert.Equal(proRata.Period, together.Period);
    }

    [Fact]
    public void Convention_ActingRoles()
    {
        // begin-snippet: eligibility-acting
        Role acting = new("Director of Children's Services (interim)", "A council", OrganisationType.LocalAuthority,
            Sector.ChildrensServices, RoleLevel.Director, new LocalDate(2018, 1, 1), isActing: true);

        // The built-in policies count acting roles at the level acted in.
        string? builtIn = ((ExperienceRule)BuiltInPolicies.Year1.Rule.Rules[0]).Exclusion(acting); // null: it counts

        // A policy of your own may refuse them.
        ExperienceRule substantiveOnly = new("experience", "Three years' substantive senior leadership", Period.FromYears(3),
            [new RolePattern([RoleLevel.HeadOfService, RoleLevel.AssistantDirector, RoleLevel.DeputyDirector, RoleLevel.Director],
                [OrganisationType.LocalAuthority], [Sector.ChildrensServices])],
            PartTimeCounting.ProRata, actingCounts: false);
        string? refused = substantiveOnly.Exclusion(acting); // "role.acting-not-counted"
        // end-snippet
        Assert.Null(builtIn);
        Assert.Equal(ReasonCodes.RoleActingNotCounted, refused);
    }

    [Fact]
    public void Convention_ReadinessWindow()
    {
        // begin-snippet: eligibility-readiness
        // The readiness rule is the second requirement of the built-in policies.
        CriterionResult Readiness(LocalDate? readyBy) =>
            BuiltInPolicies.Year2.Decide(new Application("R-1", "2021/22", new LocalDate(2021, 6, 1),
                [Senior(new LocalDate(2015, 1, 5))], readyBy, "Children first.")).Explanation.Results[1];

        string atTheEnd = Readiness(new LocalDate(2024, 6, 1)).Message;
        // "Ready to become a DCS in 3 years; within 3 years required; met."
        string beyond = Readiness(new LocalDate(2024, 9, 1)).Message;
        // "Ready to become a DCS in 3 years 3 months; within 3 years required; beyond the window by 3 months."
        string now = Readiness(new LocalDate(2021, 1, 1)).Message;
        // "Ready to become a DCS now; within 3 years required; met."
        string missing = Readiness(null).Message;
        // "No date given by which the applicant will be ready to become a DCS." (readiness.missing: undecided)
        // end-snippet
        Assert.Equal("Ready to become a DCS in 3 years; within 3 years required; met.", atTheEnd);
        Assert.Equal("Ready to become a DCS in 3 years 3 months; within 3 years required; beyond the window by 3 months.", beyond);
        Assert.Equal("Ready to become a DCS now; within 3 years required; met.", now);
        Assert.Equal("No date given by which the applicant will be ready to become a DCS.", missing);
    }

    [Fact]
    public void Convention_ThreeValuedLogic()
    {
        // begin-snippet: eligibility-three-valued
        LocalDate assessedOn = new(2021, 6, 1);
        Role enough = Senior(new LocalDate(2015, 1, 5));
        Role tooShort = Senior(new LocalDate(2020, 1, 6));

        // No readiness date: that requirement is undecided; nothing fails, so the whole is undecided.
        EligibilityDecision incomplete = BuiltInPolicies.Year2.Decide(
            new Application("T-1", "2021/22", assessedOn, [enough], readyBy: null, "Children first."));
        // incomplete.Outcome is Incomplete; the top rule's reason is "all.undecided".

        // No readiness date and too little experience: in an all, a failure wins over an undecided.
        EligibilityDecision ineligible = BuiltInPolicies.Year2.Decide(
            new Application("T-2", "2021/22", assessedOn, [tooShort], readyBy: null, "Children first."));
        // ineligible.Outcome is Ineligible; ineligible.EligibleFrom is null, since readiness is still undecided.

        // The assessors judged the statement not met: the assessor rule fails, and so does the whole.
        EligibilityDecision notMet = BuiltInPolicies.Year2.Decide(
            new Application("T-3", "2021/22", assessedOn, [enough], new LocalDate(2023, 1, 1), "Children first.",
                assessorOutcomes: new AssessorOutcomes(MoralPurpose: AssessorOutcome.NotMet)));
        // notMet.Outcome is Ineligible; the assessment's reason is "assessor.not-met".
        // end-snippet
        Assert.Equal(EligibilityOutcome.Incomplete, incomplete.Outcome);
        Assert.Equal(ReasonCodes.AllUndecided, incomplete.Explanation.Reason);
        Assert.Equal(EligibilityOutcome.Ineligible, ineligible.Outcome);
        Assert.Equal(CriterionOutcome.Undecided, ineligible.Explanation.Results[1].Outcome);
        Assert.Null(ineligible.EligibleFrom);
        Assert.Equal(EligibilityOutcome.Ineligible, notMet.Outcome);
        Assert.Equal(ReasonCodes.AssessorNotMet, notMet.Explanation.Results[3].Reason);
    }

    [Fact]
    public void Convention_EligibleFrom()
    {
        // begin-snippet: eligibility-eligible-from
        LocalDate assessedOn = new(2020, 10, 1);
        LocalDate readyBy = new(2022, 9, 1);
        Role current = Senior(new LocalDate(2018, 3, 1));
        Role halfTime = new("Head of Service", "A council", OrganisationType.LocalAuthority, Sector.ChildrensServices,
            RoleLevel.HeadOfService, new LocalDate(2018, 3, 1), partTimeFraction: 0.5m);
        Role ended = Senior(new LocalDate(2018, 3, 1), new LocalDate(2020, 9, 30));

        EligibilityDecision fullTime = BuiltInPolicies.Year1.Decide(new Application("E-1", "2020/21", assessedOn, [current], readyBy, "Children first."));
        // Ineligible: 2 years 7 months; 3 years required; short by 5 months. fullTime.EligibleFrom is 2021-03-01.

        EligibilityDecision partTime = BuiltInPolicies.Year1.Decide(new Application("E-2", "2020/21", assessedOn, [halfTime], readyBy, "Children first."));
        // Ineligible: the half-time role adds half a day a day. partTime.EligibleFrom is 2024-02-29
        // (2,191 half days make 1,095.5 days, which round up to the 1,096 that three years from 2018-03-01 need).

        EligibilityDecision noCurrentRole = BuiltInPolicies.Year1.Decide(new Application("E-3", "2020/21", assessedOn, [ended], readyBy, "Children first."));
        // Ineligible, and noCurrentRole.EligibleFrom is null: no qualifying role continues.
        // end-snippet
        Assert.Equal(new LocalDate(2021, 3, 1), fullTime.EligibleFrom);
        Assert.Equal(new LocalDate(2024, 2, 29), partTime.EligibleFrom);
        Assert.Equal(EligibilityOutcome.Ineligible, noCurrentRole.Outcome);
        Assert.Null(noCurrentRole.EligibleFrom);
    }

    [Fact]
    public void Batch_StreamingJsonLines()
    {
        string path = Repository.PathOf("docs", "examples", "applications.jsonl");

        // begin-snippet: eligibility-batch
        EligibilityBatch batch = new(PolicyRegistry.BuiltIn); // or new(registry, policy, asOf) to fix either
        BatchSummary summary = default;
        List<string> lines = [];

        using Stream input = File.OpenRead(path); // a JSON array or JSON Lines; BatchFormat.Auto tells them apart
        foreach (RecordResult<EligibilityDecision> item in batch.Evaluate(input))
        {
            summary = summary.Add(item);
            lines.Add(item.Value is EligibilityDecision decision
                ? $"line {item.RecordNumber}: {decision.ApplicationId} {decision.Outcome}"
                : $"line {item.RecordNumber}: error {string.Join(", ", item.Problems.Select(p => $"{p.Path} {p.Code}"))}");
        }

        // line 1: A-001 Eligible
        // line 2: A-002 Ineligible
        // line 3: A-003 Eligible
        // line 4: A-004 Incomplete
        // line 5: error $.roles[0].sector value.unknown, $.roles[0].start date.invalid
        Console.WriteLine(summary);
        // 5 documents: 4 decisions (2 eligible, 1 ineligible, 1 incomplete), 1 error
        // end-snippet
        Assert.Equal(
            [
                "line 1: A-001 Eligible",
                "line 2: A-002 Ineligible",
                "line 3: A-003 Eligible",
                "line 4: A-004 Incomplete",
                "line 5: error $.roles[0].sector value.unknown, $.roles[0].start date.invalid",
            ],
            lines);
        Assert.Equal("5 documents: 4 decisions (2 eligible, 1 ineligible, 1 incomplete), 1 error", summary.ToString());
        Assert.Equal(summary.Documents, summary.Decisions + summary.Errors);
    }

    [Fact]
    public void Privacy_ToStringIsRedacted()
    {
        ApplicationSubmission submission = ReadWorkedExample();

        // begin-snippet: eligibility-redacted
        Application application = submission.Application;
        string a = application.ToString();              // "Application W-2021-0042 for 2021/22, assessed on 2021-06-01, 4 role(s)"
        string r = application.Roles[2].ToString();     // "DeputyDirector in PolicingAndJustice (PoliceOrJustice), 2019-01-07 to present"
        string s = application.Sponsor!.ToString();     // "Sponsor"
        string m = submission.Monitoring!.ToString();   // "EqualityMonitoring (redacted)"
        // end-snippet
        Assert.Equal("Application W-2021-0042 for 2021/22, assessed on 2021-06-01, 4 role(s)", a);
        Assert.Equal("DeputyDirector in PolicingAndJustice (PoliceOrJustice), 2019-01-07 to present", r);
        Assert.Equal("Sponsor", s);
        Assert.Equal("EqualityMonitoring (redacted)", m);
    }

    [Fact]
    public void Cli_OutputInTheGuideIsReal()
    {
        string file = Repository.PathOf("docs", "examples", "applications.jsonl");
        string page = Page("eligibility.md");

        (int exit, string table, string error) = RunCli("eligibility", "check", file, "--explain");
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains(table, page, StringComparison.Ordinal);

        (exit, string policies, _) = RunCli("eligibility", "policies");
        Assert.Equal(0, exit);
        Assert.Contains(policies, page, StringComparison.Ordinal);

        (exit, string json, _) = RunCli("eligibility", "check", file, "--format", "json");
        Assert.Equal(1, exit);
        string tail = json[json.LastIndexOf("    {\n      \"record\": 5,", StringComparison.Ordinal)..];
        Assert.Contains(tail, page, StringComparison.Ordinal);

        (exit, string jsonl, string summary) = RunCli("eligibility", "check", file, "--format", "jsonl");
        Assert.Equal(1, exit);
        Assert.Contains(jsonl.Split('\n')[4] + "\n", page, StringComparison.Ordinal);
        Assert.Contains(summary, page, StringComparison.Ordinal);
    }

    /// <summary>A head of service in a local authority's children's services: the role the convention examples use.</summary>
    internal static Role Senior(LocalDate start, LocalDate? end = null) =>
        new("Head of Service", "A council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, start, end);

    /// <summary>Effective experience in which every role qualifies, counted pro rata.</summary>
    internal static EffectiveExperience Measure(IReadOnlyList<Role> roles, LocalDate asOf) =>
        EffectiveExperience.Measure(roles, asOf, _ => null, PartTimeCounting.ProRata);

    internal static ApplicationSubmission ReadWorkedExample() => ApplicationDocument.Parse(WorkedExampleJson).GetValueOrThrow();

    internal static string Page(string name) => File.ReadAllText(Repository.PathOf("docs", name)).Replace("\r\n", "\n", StringComparison.Ordinal);

    internal static (int ExitCode, string Output, string Error) RunCli(params string[] args) => InProcessCli.Run(args);

    internal static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>The examples of docs/eligibility-policies.md, run.</summary>
public class EligibilityPoliciesDocExamples
{
    [Fact]
    public void Builder_NextVersion()
    {
        // begin-snippet: policies-builder-versions
        EligibilityPolicy first = new EligibilityPolicyBuilder("aspirant-2024-25", 1, "2024/25")
            .EffectiveFrom(new LocalDate(2024, 1, 1))
            .WithTitle("Aspirant Directors programme, 2024/25")
            .WithRule(EligibilityRules.All(
                "eligibility",
                "Eligible for the Aspirant Directors programme",
                EligibilityRules.Experience(
                    "senior-leadership", "Three years' senior leadership", Period.FromYears(3),
                    EligibilityRules.SeniorLevels, [OrganisationType.LocalAuthority], [Sector.ChildrensServices]),
                EligibilityRules.Readiness("readiness", "Ready within three years", Period.FromYears(3))))
            .WithInterpretation("Senior means head of service or above.")
            .Build();

        // From 1 March 2024 the readiness window is two years: version 2, and version 1 ends on 29 February.
        EligibilityPolicy second = EligibilityPolicyBuilder.NextVersionOf(first, new LocalDate(2024, 3, 1))
            .WithRule(EligibilityRules.All(
                "eligibility",
                "Eligible for the Aspirant Directors programme",
                first.Rule.Rules[0],
                EligibilityRules.Readiness("readiness", "Ready within two years", Period.FromYears(2))))
            .Build();
        PolicyRegistry registry = PolicyRegistry.Create([first.WithEffectiveTo(new LocalDate(2024, 2, 29)), second]).GetValueOrThrow();
        // registry.Find("2024/25", new LocalDate(2024, 2, 29)) is version 1; on 2024-03-01, version 2.
        // end-snippet
        Assert.Equal(1, registry.Find("2024/25", new LocalDate(2024, 2, 29))!.Version);
        Assert.Equal(2, registry.Find("2024/25", new LocalDate(2024, 3, 1))!.Version);
        Assert.Equal(Period.FromYears(2), ((ReadinessRule)registry.Find("2024/25", new LocalDate(2024, 3, 1))!.Rule.Rules[1]).Within);
    }

    /// <summary>The policy of the page's example, as JSON, exactly as the page shows it.</summary>
    internal const string CustomPolicyJson = """
        {
          "id": "aspirant-2023-24",
          "version": 1,
          "programmeYear": "2023/24",
          "effectiveFrom": "2023-01-01",
          "title": "Aspirant Directors programme, Year 4 (2023/24), a local variant",
          "interpretation": [
            "Acting roles do not count; part-time roles count in full.",
            "Applicants who have been a director of children's services belong to the New Directors programme instead."
          ],
          "rule": {
            "kind": "all",
            "code": "eligibility",
            "title": "Eligible",
            "rules": [
              {
                "kind": "experience",
                "code": "senior-leadership",
                "title": "Three years' senior leadership",
                "minimum": "P3Y",
                "partTime": "full",
                "actingCounts": false,
                "qualifyingRoles": [
                  {
                    "levels": [
                      "headOfService",
                      "assistantDirector",
                      "deputyDirector",
                      "director"
                    ],
                    "organisationTypes": [
                      "localAuthority",
                      "childrensTrust"
                    ],
                    "sectors": [
                      "childrensServices",
                      "education"
                    ]
                  }
                ]
              },
              {
                "kind": "not",
                "code": "not-a-director",
                "title": "Not already a director of children's services",
                "rule": {
                  "kind": "experience",
                  "code": "director",
                  "title": "Any time as a director of children's services",
                  "minimum": "P1D",
                  "partTime": "full",
                  "actingCounts": true,
                  "qualifyingRoles": [
                    {
                      "levels": [
                        "director"
                      ],
                      "organisationTypes": [
                        "localAuthority",
                        "childrensTrust"
                      ],
                      "sectors": [
                        "childrensServices"
                      ]
                    }
                  ]
                }
              },
              {
                "kind": "readiness",
                "code": "readiness",
                "title": "Ready within two years",
                "within": "P2Y"
              },
              {
                "kind": "statement",
                "code": "statement",
                "title": "A statement of 50 to 500 words",
                "minimumWords": 50,
                "maximumWords": 500
              },
              {
                "kind": "assessorOutcome",
                "code": "assessment",
                "title": "Moral purpose judged by the assessors",
                "criterion": "moralPurpose",
                "requireOutcome": true
              }
            ]
          }
        }
        """;

    [Fact]
    public void CustomPolicy_InCSharp()
    {
        // begin-snippet: policies-custom-csharp
        RolePattern localGovernment = new(
            [RoleLevel.HeadOfService, RoleLevel.AssistantDirector, RoleLevel.DeputyDirector, RoleLevel.Director],
            [OrganisationType.LocalAuthority, OrganisationType.ChildrensTrust],
            [Sector.ChildrensServices, Sector.Education]);
        RolePattern director = new([RoleLevel.Director], [OrganisationType.LocalAuthority, OrganisationType.ChildrensTrust], [Sector.ChildrensServices]);

        EligibilityPolicy policy = new(
            id: "aspirant-2023-24",
            version: 1,
            programmeYear: "2023/24",
            effectiveFrom: new LocalDate(2023, 1, 1),
            effectiveTo: null, // open-ended
            title: "Aspirant Directors programme, Year 4 (2023/24), a local variant",
            rule: new AllRule("eligibility", "Eligible",
            [
                new ExperienceRule("senior-leadership", "Three years' senior leadership", Period.FromYears(3),
                    [localGovernment], PartTimeCounting.Full, actingCounts: false),
                new NotRule("not-a-director", "Not already a director of children's services",
                    new ExperienceRule("director", "Any time as a director of children's services", Period.FromDays(1),
                        [director], PartTimeCounting.Full, actingCounts: true)),
                new ReadinessRule("readiness", "Ready within two years", Period.FromYears(2)),
                new StatementRule("statement", "A statement of 50 to 500 words", minimumWords: 50, maximumWords: 500),
                new AssessorOutcomeRule("assessment", "Moral purpose judged by the assessors", AssessedCriterion.MoralPurpose, requireOutcome: true),
            ]),
            interpretation:
            [
                "Acting roles do not count; part-time roles count in full.",
                "Applicants who have been a director of children's services belong to the New Directors programme instead.",
            ]);

        // Add it to the built-in policies: the registry checks the set is consistent.
        PolicyRegistry registry = PolicyRegistry.Create([.. BuiltInPolicies.All, policy]).GetValueOrThrow();

        Application application = new("P-1", "2023/24", new LocalDate(2023, 6, 1),
            [new Role("Assistant Director", "A council", OrganisationType.LocalAuthority, Sector.ChildrensServices,
                RoleLevel.AssistantDirector, new LocalDate(2019, 9, 2))],
            readyBy: new LocalDate(2024, 9, 1),
            moralPurposeStatement: string.Join(' ', Enumerable.Repeat("children", 60)));
        registry.TryDecide(application, out EligibilityDecision? decision);
        // decision.Outcome is Incomplete: everything else passes, and the assessors have not judged the statement yet.
        // end-snippet
        Assert.NotNull(decision);
        Assert.Equal(EligibilityOutcome.Incomplete, decision.Outcome);
        Assert.Equal(ReasonCodes.AssessorPending, decision.Explanation.Results[4].Reason);
        Assert.Equal(ReasonCodes.NotPassed, decision.Explanation.Results[1].Reason);
        Assert.All(decision.Explanation.Results.Take(4), r => Assert.Equal(CriterionOutcome.Pass, r.Outcome));

        EligibilityPolicy read = Assert.Single(PolicyDocument.Parse(CustomPolicyJson).GetValueOrThrow());
        Assert.Equal(policy, read);
        using MemoryStream stream = new();
        PolicyDocument.Write(stream, [policy], indented: true);
        Assert.Equal(EligibilityDocExamples.Normalise(CustomPolicyJson), Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Contains(EligibilityDocExamples.Normalise(CustomPolicyJson), EligibilityDocExamples.Page("eligibility-policies.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void CustomPolicy_FromJson()
    {
        string json = CustomPolicyJson;

        // begin-snippet: policies-read-json
        DocumentResult<IReadOnlyList<EligibilityPolicy>> read = PolicyDocument.Parse(json); // one policy, or an array of them
        if (!read.IsValid)
        {
            foreach (DocumentProblem problem in read.Problems)
            {
                Console.WriteLine(problem);
            }

            return;
        }

        DocumentResult<PolicyRegistry> registry = PolicyRegistry.Create([.. BuiltInPolicies.All, .. read.Value]);
        // end-snippet
        Assert.True(registry.IsValid);
        Assert.Equal(4, registry.Value!.Policies.Length);
    }

    [Fact]
    public void PolicyDocument_Typo()
    {
        // begin-snippet: policies-typo
        string json = """
            {
              "id": "aspirant-2023-24", "version": 1, "programmeYear": "2023/24", "effectiveFrom": "2023-01-01",
              "title": "A policy with mistakes",
              "rule": { "kind": "readiness", "code": "readiness", "title": "Ready within two years", "whithin": "P2Y" }
            }
            """;

        foreach (DocumentProblem problem in PolicyDocument.Parse(json).Problems)
        {
            Console.WriteLine(problem);
        }

        // $.rule.whithin: This property is not part of the format; check its spelling. (property.unknown)
        // $.rule.within: "within" is required. (value.required)
        // end-snippet
        Assert.Equal(
            [
                "$.rule.whithin: This property is not part of the format; check its spelling. (property.unknown)",
                "$.rule.within: \"within\" is required. (value.required)",
            ],
            PolicyDocument.Parse(json).Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Registry_RefusesOverlapsAndGaps()
    {
        // begin-snippet: policies-registry-problems
        EligibilityPolicy Version2(LocalDate from) => new("aspirant-2021-22", 2, "2021/22", from, new LocalDate(2022, 8, 31),
            "Aspirant Directors programme, Year 2 (2021/22), revised", BuiltInPolicies.Year2.Rule, BuiltInPolicies.Year2.Interpretation);

        // Version 1 is in force to 2022-08-31, so a version 2 from 2022-03-01 overlaps it.
        DocumentResult<PolicyRegistry> overlap = PolicyRegistry.Create([.. BuiltInPolicies.All, Version2(new LocalDate(2022, 3, 1))]);
        // $[3]: Policies aspirant-2021-22 v1 and aspirant-2021-22 v2 for 2021/22 are both in force on 2022-03-01. (policy.overlap)

        // To supersede version 1, end it the day before version 2 takes effect.
        EligibilityPolicy version1 = BuiltInPolicies.Year2;
        EligibilityPolicy ended = new(version1.Id, version1.Version, version1.ProgrammeYear, version1.EffectiveFrom,
            new LocalDate(2022, 2, 28), version1.Title, version1.Rule, version1.Interpretation);
        DocumentResult<PolicyRegistry> superseded = PolicyRegistry.Create([BuiltInPolicies.Year1, ended, Version2(new LocalDate(2022, 3, 1)), BuiltInPolicies.Year3]);
        // superseded.IsValid is true

        // Ending it earlier leaves a gap.
        EligibilityPolicy tooEarly = new(version1.Id, version1.Version, version1.ProgrammeYear, version1.EffectiveFrom,
            new LocalDate(2022, 1, 31), version1.Title, version1.Rule, version1.Interpretation);
        DocumentResult<PolicyRegistry> gap = PolicyRegistry.Create([tooEarly, Version2(new LocalDate(2022, 3, 1))]);
        // $[1]: No policy for 2021/22 is in force from 2022-02-01 to 2022-02-28, between aspirant-2021-22 v1 and aspirant-2021-22 v2. (policy.gap)
        // end-snippet
        Assert.Equal(
            ["$[3]: Policies aspirant-2021-22 v1 and aspirant-2021-22 v2 for 2021/22 are both in force on 2022-03-01. (policy.overlap)"],
            overlap.Problems.Select(p => p.ToString()));
        Assert.True(superseded.IsValid);
        Assert.Equal(2, superseded.Value!.Find("2021/22", new LocalDate(2022, 3, 1))!.Version);
        Assert.Equal(1, superseded.Value.Find("2021/22", new LocalDate(2022, 2, 28))!.Version);
        Assert.Equal(
            ["$[1]: No policy for 2021/22 is in force from 2022-02-01 to 2022-02-28, between aspirant-2021-22 v1 and aspirant-2021-22 v2. (policy.gap)"],
            gap.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Registry_OtherProblems()
    {
        EligibilityPolicy y2 = BuiltInPolicies.Year2;
        EligibilityPolicy Copy(string id, int version, string year, LocalDate from, LocalDate? to) => new(id, version, year, from, to, y2.Title, y2.Rule, y2.Interpretation);

        DocumentResult<PolicyRegistry> duplicate = PolicyRegistry.Create([y2, Copy(y2.Id, 1, "2021/22", new LocalDate(2022, 9, 1), null)]);
        Assert.Contains(duplicate.Problems, p => p.Code == EligibilityProblemCodes.PolicyDuplicate && p.Path == "$[1]");

        DocumentResult<PolicyRegistry> order = PolicyRegistry.Create([Copy(y2.Id, 2, "2021/22", y2.EffectiveFrom, new LocalDate(2022, 8, 31)), Copy(y2.Id, 1, "2021/22", new LocalDate(2022, 9, 1), null)]);
        Assert.Equal([EligibilityProblemCodes.PolicyVersionOrder], order.Problems.Select(p => p.Code));

        DocumentResult<PolicyRegistry> idYear = PolicyRegistry.Create([y2, Copy(y2.Id, 2, "2022/23", new LocalDate(2022, 1, 1), null)]);
        Assert.Equal([EligibilityProblemCodes.PolicyIdYearMismatch], idYear.Problems.Select(p => p.Code));
    }
}
