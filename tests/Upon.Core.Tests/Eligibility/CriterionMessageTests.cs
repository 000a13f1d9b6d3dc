using System.Collections.Generic;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// Every sentence <see cref="CriterionResult.Message"/> can be, word for word: one example for each kind of rule, each
/// outcome and each reason that changes the wording, from results made directly (not through a policy), so that a
/// change to any part of a message, or to which message a result gets, fails here.
/// </summary>
public sealed class CriterionMessageTests
{
    private static readonly Dictionary<string, (CriterionResult Result, string Message)> Cases = new()
    {
        ["experience met"] = (Experience(CriterionOutcome.Pass, ReasonCodes.ExperienceSufficient, Period.FromYears(3) + Period.FromMonths(2), Period.FromYears(3), Period.Zero, null),
            "3 years 2 months of qualifying experience; 3 years required; met."),
        ["experience short, met later"] = (Experience(CriterionOutcome.Fail, ReasonCodes.ExperienceInsufficient, Period.FromYears(2) + Period.FromDays(1), Period.FromYears(3), Period.FromMonths(11) + Period.FromDays(29), new LocalDate(2023, 1, 5)),
            "2 years 1 day of qualifying experience; 3 years required; short by 11 months 29 days; met on 2023-01-05 if current roles continue."),
        ["experience short, never met"] = (Experience(CriterionOutcome.Fail, ReasonCodes.ExperienceInsufficient, Period.FromMonths(1), Period.FromYears(1), Period.FromMonths(11), null),
            "1 month of qualifying experience; 1 year required; short by 11 months."),
        ["experience short, no difference"] = (Experience(CriterionOutcome.Fail, ReasonCodes.ExperienceInsufficient, Period.FromWeeks(1), Period.FromYears(1), null, null),
            "1 week of qualifying experience; 1 year required; short by 0 days."),
        ["experience without figures"] = (Result(RuleKind.Experience, CriterionOutcome.Fail, ReasonCodes.ExperienceInsufficient), "Not met."),
        ["readiness missing"] = (Result(RuleKind.Readiness, CriterionOutcome.Undecided, ReasonCodes.ReadinessMissing),
            "No date given by which the applicant will be ready to become a DCS."),
        ["readiness now"] = (Readiness(CriterionOutcome.Pass, ReasonCodes.ReadinessWithinWindow, Period.Zero, Period.FromYears(2), Period.Zero),
            "Ready to become a DCS now; within 2 years required; met."),
        ["readiness within"] = (Readiness(CriterionOutcome.Pass, ReasonCodes.ReadinessWithinWindow, Period.FromMonths(18), Period.FromYears(2), Period.Zero),
            "Ready to become a DCS in 18 months; within 2 years required; met."),
        ["readiness beyond"] = (Readiness(CriterionOutcome.Fail, ReasonCodes.ReadinessBeyondWindow, Period.FromYears(3), Period.FromYears(2), Period.FromYears(1)),
            "Ready to become a DCS in 3 years; within 2 years required; beyond the window by 1 year."),
        ["readiness beyond, no difference"] = (Readiness(CriterionOutcome.Fail, ReasonCodes.ReadinessBeyondWindow, Period.FromYears(3), Period.FromYears(2), null),
            "Ready to become a DCS in 3 years; within 2 years required; beyond the window by 0 days."),
        ["readiness without figures"] = (Result(RuleKind.Readiness, CriterionOutcome.Pass, ReasonCodes.ReadinessWithinWindow), "Met."),
        ["statement missing"] = (Statement(CriterionOutcome.Fail, ReasonCodes.StatementMissing, null, 10, 500), "No statement given; 10 to 500 words allowed."),
        ["statement missing, no limits"] = (Statement(CriterionOutcome.Fail, ReasonCodes.StatementMissing, null, null, null), "No statement given; a statement required."),
        ["statement met"] = (Statement(CriterionOutcome.Pass, ReasonCodes.StatementPresent, 120, 10, 500), "120 words; 10 to 500 words allowed; met."),
        ["statement too long"] = (Statement(CriterionOutcome.Fail, ReasonCodes.StatementTooLong, 501, 10, 500), "501 words; 10 to 500 words allowed; too long."),
        ["statement too short"] = (Statement(CriterionOutcome.Fail, ReasonCodes.StatementTooShort, 9, 10, 500), "9 words; 10 to 500 words allowed; too short."),
        ["statement, one limit only"] = (Statement(CriterionOutcome.Pass, ReasonCodes.StatementPresent, 7, 1, null), "7 words; a statement required; met."),
        ["statement without a count"] = (Statement(CriterionOutcome.Fail, ReasonCodes.StatementTooShort, null, 10, 500), "0 words; 10 to 500 words allowed; too short."),
        ["assessors met"] = (Result(RuleKind.AssessorOutcome, CriterionOutcome.Pass, ReasonCodes.AssessorMet), "The assessors judged this met."),
        ["assessors not met"] = (Result(RuleKind.AssessorOutcome, CriterionOutcome.Fail, ReasonCodes.AssessorNotMet), "The assessors judged this not met."),
        ["assessors pending"] = (Result(RuleKind.AssessorOutcome, CriterionOutcome.Undecided, ReasonCodes.AssessorPending), "Not yet judged by the assessors, and a judgement is required."),
        ["assessors not yet"] = (Result(RuleKind.AssessorOutcome, CriterionOutcome.Pass, ReasonCodes.AssessorNotYetAssessed), "Not yet judged by the assessors."),
        ["all met"] = (Group(RuleKind.All, CriterionOutcome.Pass, ReasonCodes.AllPassed, CriterionOutcome.Pass, CriterionOutcome.Pass, CriterionOutcome.Pass), "All 3 requirements met."),
        ["all failed"] = (Group(RuleKind.All, CriterionOutcome.Fail, ReasonCodes.AllFailed, CriterionOutcome.Fail, CriterionOutcome.Undecided, CriterionOutcome.Pass, CriterionOutcome.Fail), "2 of 4 requirements not met."),
        ["all undecided"] = (Group(RuleKind.All, CriterionOutcome.Undecided, ReasonCodes.AllUndecided, CriterionOutcome.Undecided, CriterionOutcome.Pass), "1 of 2 requirements cannot be decided from the information given."),
        ["any met"] = (Group(RuleKind.Any, CriterionOutcome.Pass, ReasonCodes.AnyPassed, CriterionOutcome.Fail, CriterionOutcome.Pass, CriterionOutcome.Pass), "Met by the route \"Route 2\" (3 routes tried)."),
        ["any failed"] = (Group(RuleKind.Any, CriterionOutcome.Fail, ReasonCodes.AnyFailed, CriterionOutcome.Fail, CriterionOutcome.Fail), "None of the 2 routes met."),
        ["any undecided"] = (Group(RuleKind.Any, CriterionOutcome.Undecided, ReasonCodes.AnyUndecided, CriterionOutcome.Fail, CriterionOutcome.Undecided, CriterionOutcome.Fail), "No route met; at least one of the 3 cannot be decided from the information given."),
        ["not passed"] = (Result(RuleKind.Not, CriterionOutcome.Pass, ReasonCodes.NotPassed), "Met."),
        ["not failed"] = (Result(RuleKind.Not, CriterionOutcome.Fail, ReasonCodes.NotFailed), "Not met."),
        ["not undecided"] = (Result(RuleKind.Not, CriterionOutcome.Undecided, ReasonCodes.NotUndecided), "Cannot be decided from the information given."),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void TheMessage_IsTheSentenceForItsKindOutcomeAndReason(string name)
    {
        (CriterionResult result, string message) = Cases[name];

        Assert.Equal(message, result.Message);
        Assert.Same(result.Message, result.Message);
    }

    private static CriterionResult Result(RuleKind kind, CriterionOutcome outcome, string reason) => new("rule", "Rule", kind, outcome, reason);

    private static CriterionResult Experience(CriterionOutcome outcome, string reason, Period measured, Period required, Period? difference, LocalDate? metOn) =>
        Result(RuleKind.Experience, outcome, reason) with { Measured = measured, Required = required, Difference = difference, MetOn = metOn };

    private static CriterionResult Readiness(CriterionOutcome outcome, string reason, Period measured, Period required, Period? difference) =>
        Result(RuleKind.Readiness, outcome, reason) with { Measured = measured, Required = required, Difference = difference };

    private static CriterionResult Statement(CriterionOutcome outcome, string reason, int? words, int? minimum, int? maximum) =>
        Result(RuleKind.Statement, outcome, reason) with { Words = words, MinimumWords = minimum, MaximumWords = maximum };

    private static CriterionResult Group(RuleKind kind, CriterionOutcome outcome, string reason, params CriterionOutcome[] children) =>
        Result(kind, outcome, reason) with
        {
            Results = [.. System.Linq.Enumerable.Select(children, (child, i) => new CriterionResult("route-" + (i + 1), "Route " + (i + 1), RuleKind.Statement, child, ReasonCodes.StatementPresent))],
        };
}
