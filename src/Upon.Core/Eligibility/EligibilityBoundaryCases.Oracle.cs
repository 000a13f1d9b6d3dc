namespace Upon.Core.Eligibility;

/// <summary>The expected decision of a generated case, worked out from the rules' definitions.</summary>
public static partial class EligibilityBoundaryCases
{
    /// <summary>
    /// Works out the decision a policy's definition gives the simple applications the generator makes, without deciding
    /// them with the policy: each criterion from its definition (experience laid end to end from its first day against
    /// the calendar minimum, a part of a day rounded up; the readiness window's last day included; the word limits
    /// included; the assessors' judgement), the tree by three-valued logic, the deciding reasons as
    /// <see cref="PolicyComparison.DecidingReasons"/> documents them, and the eligible-from date as
    /// <see cref="EligibilityDecision.EligibleFrom"/> does. A case then pins the policy's behaviour against its
    /// definition, and fails when the library departs from it.
    /// </summary>
    /// <remarks>
    /// Handles what the generator makes: roles full time or part time, of which only current ones (without an end) can
    /// go on adding experience after the as-of date.
    /// </remarks>
    private static class Oracle
    {
        private const int Scale = 1000;

        /// <summary>The expected decision of <paramref name="plan"/> under <paramref name="rule"/>.</summary>
        public static EligibilityExpectation Expect(EligibilityRule rule, Plan plan)
        {
            Node root = Evaluate(rule, plan);
            EligibilityOutcome outcome = root.Outcome switch
            {
                CriterionOutcome.Pass => EligibilityOutcome.Eligible,
                CriterionOutcome.Fail => EligibilityOutcome.Ineligible,
                _ => EligibilityOutcome.Incomplete,
            };
            if (outcome == EligibilityOutcome.Eligible)
            {
                return new EligibilityExpectation(outcome);
            }

            List<string> reasons = [];
            Collect(root, root.Outcome, reasons);
            LocalDate? eligibleFrom = outcome == EligibilityOutcome.Ineligible ? EligibleFrom(root) : null;
            return new EligibilityExpectation(outcome, eligibleFrom, reasons);
        }

        /// <summary>The outcome of every rule of the tree for <paramref name="plan"/>.</summary>
        public static Node Evaluate(EligibilityRule rule, Plan plan)
        {
            switch (rule)
            {
                case AllRule or AnyRule:
                    bool all = rule is AllRule;
                    Node[] children = [.. rule.Rules.Select(r => Evaluate(r, plan))];
                    CriterionOutcome outcome = Combine(children.Select(c => c.Outcome), all);
                    return new Node(rule, outcome, (all, outcome) switch
                    {
                        (true, CriterionOutcome.Pass) => ReasonCodes.AllPassed,
                        (true, CriterionOutcome.Fail) => ReasonCodes.AllFailed,
                        (true, _) => ReasonCodes.AllUndecided,
                        (false, CriterionOutcome.Pass) => ReasonCodes.AnyPassed,
                        (false, CriterionOutcome.Fail) => ReasonCodes.AnyFailed,
                        _ => ReasonCodes.AnyUndecided,
                    }, null, children);
                case NotRule not:
                    Node inner = Evaluate(not.Rule, plan);
                    CriterionOutcome negated = Negate(inner.Outcome);
                    return new Node(rule, negated, negated switch
                    {
                        CriterionOutcome.Pass => ReasonCodes.NotPassed,
                        CriterionOutcome.Fail => ReasonCodes.NotFailed,
                        _ => ReasonCodes.NotUndecided,
                    }, null, [inner]);
                default:
                    (CriterionOutcome leaf, string reason, LocalDate? metOn) = Leaf(rule, plan);
                    return new Node(rule, leaf, reason, metOn, []);
            }
        }

        /// <summary>The outcome of one criterion, its reason, and for a failing experience rule the date it would be met on.</summary>
        public static (CriterionOutcome Outcome, string Reason, LocalDate? MetOn) Leaf(EligibilityRule rule, Plan plan) => rule switch
        {
            ExperienceRule experience => Experience(experience, plan.Roles, plan.AsOf),
            ReadinessRule readiness => plan.ReadyBy is not LocalDate ready ? (CriterionOutcome.Undecided, ReasonCodes.ReadinessMissing, null)
                : ready <= plan.AsOf.Plus(readiness.Within) ? (CriterionOutcome.Pass, ReasonCodes.ReadinessWithinWindow, null)
                : (CriterionOutcome.Fail, ReasonCodes.ReadinessBeyondWindow, null),
            StatementRule statement => plan.Words == 0 ? (CriterionOutcome.Undecided, ReasonCodes.StatementMissing, null)
                : plan.Words < statement.MinimumWords ? (CriterionOutcome.Fail, ReasonCodes.StatementTooShort, null)
                : plan.Words > statement.MaximumWords ? (CriterionOutcome.Fail, ReasonCodes.StatementTooLong, null)
                : (CriterionOutcome.Pass, ReasonCodes.StatementPresent, null),
            AssessorOutcomeRule assessor => Judged(assessor, plan.Outcomes) switch
            {
                AssessorOutcome.Met => (CriterionOutcome.Pass, ReasonCodes.AssessorMet, null),
                AssessorOutcome.NotMet => (CriterionOutcome.Fail, ReasonCodes.AssessorNotMet, null),
                _ when assessor.RequireOutcome => (CriterionOutcome.Undecided, ReasonCodes.AssessorPending, null),
                _ => (CriterionOutcome.Pass, ReasonCodes.AssessorNotYetAssessed, null),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(rule), "A criterion is an experience, readiness, statement or assessor-outcome rule."),
        };

        /// <summary>Whether <paramref name="role"/> counts under <paramref name="rule"/>: it matches a pattern, and is not acting unless acting counts.</summary>
        public static bool Counts(ExperienceRule rule, Role role) =>
            (!role.IsActing || rule.ActingCounts)
            && rule.QualifyingRoles.Any(p => p.Levels.Contains(role.Level) && p.OrganisationTypes.Contains(role.OrganisationType) && p.Sectors.Contains(role.Sector));

        /// <summary>
        /// Experience by its definition: the days before the as-of date in counted roles, each day weighted by the
        /// largest weight held that day, laid end to end from the first counted day with a part of a day rounded up, against
        /// the minimum in calendar terms; when short, the day the current roles, going on, make up the shortfall.
        /// </summary>
        private static (CriterionOutcome, string, LocalDate?) Experience(ExperienceRule rule, ImmutableArray<Role> roles, LocalDate asOf)
        {
            Role[] counted = [.. roles.Where(r => Counts(rule, r))];
            List<(int Day, int Weight, bool Start)> edges = [];
            LocalDate? first = null;
            foreach (Role role in counted.Where(r => r.Start < asOf))
            {
                LocalDate last = role.End is LocalDate end && end < asOf.PlusDays(-1) ? end : asOf.PlusDays(-1);
                edges.Add((Day(role.Start), Weight(rule, role), true));
                edges.Add((Day(last) + 1, Weight(rule, role), false));
                first = first is LocalDate f && f <= role.Start ? f : role.Start;
            }

            long scaled = 0;
            List<int> held = [];
            int previous = 0;
            foreach ((int day, int weight, bool start) in edges.OrderBy(e => e.Day))
            {
                scaled += (long)(day - previous) * (held.Count == 0 ? 0 : held.Max());
                previous = day;
                if (start)
                {
                    held.Add(weight);
                }
                else
                {
                    held.Remove(weight);
                }
            }

            LocalDate from = first ?? asOf;
            LocalDate target = from.Plus(rule.Minimum);
            long wholeDays = (scaled + Scale - 1) / Scale;
            bool met = first is null ? rule.Minimum.Equals(Period.Zero) : from.PlusDays((int)wholeDays) >= target;
            if (met)
            {
                return (CriterionOutcome.Pass, ReasonCodes.ExperienceSufficient, null);
            }

            // Only current roles go on: at the largest weight among them, the shortfall's thousandths, rounded up to a day.
            int rate = counted.Where(r => r.Start <= asOf && r.End is null).Select(r => Weight(rule, r)).DefaultIfEmpty(0).Max();
            LocalDate? metOn = null;
            if (rate > 0)
            {
                long needed = (((long)Period.DaysBetween(from, target) - 1) * Scale) - scaled + 1;
                long days = (needed + rate - 1) / rate;
                if (days <= Period.DaysBetween(asOf, EligibilityDates.Range.End))
                {
                    metOn = asOf.PlusDays((int)days);
                }
            }

            return (CriterionOutcome.Fail, ReasonCodes.ExperienceInsufficient, metOn);
        }

        private static int Weight(ExperienceRule rule, Role role) =>
            rule.PartTime == PartTimeCounting.ProRata && role.PartTimeFraction is decimal fraction ? (int)(fraction * Scale) : Scale;

        private static int Day(LocalDate date) => Period.DaysBetween(EligibilityDates.Range.Start, date);

        private static AssessorOutcome? Judged(AssessorOutcomeRule rule, AssessorOutcomes? outcomes) => rule.Criterion switch
        {
            AssessedCriterion.MoralPurpose => outcomes?.MoralPurpose,
            AssessedCriterion.Experience => outcomes?.Experience,
            _ => outcomes?.Readiness,
        };

        private static CriterionOutcome Combine(IEnumerable<CriterionOutcome> outcomes, bool all)
        {
            CriterionOutcome decisive = all ? CriterionOutcome.Fail : CriterionOutcome.Pass;
            bool undecided = false;
            foreach (CriterionOutcome outcome in outcomes)
            {
                if (outcome == decisive)
                {
                    return decisive;
                }

                undecided |= outcome == CriterionOutcome.Undecided;
            }

            return undecided ? CriterionOutcome.Undecided : (all ? CriterionOutcome.Pass : CriterionOutcome.Fail);
        }

        private static CriterionOutcome Negate(CriterionOutcome outcome) => outcome switch
        {
            CriterionOutcome.Pass => CriterionOutcome.Fail,
            CriterionOutcome.Fail => CriterionOutcome.Pass,
            _ => CriterionOutcome.Undecided,
        };

        /// <summary>The reason of every rule with the decision's outcome that has no rule under it with that outcome, in order, each once.</summary>
        private static void Collect(Node node, CriterionOutcome outcome, List<string> reasons)
        {
            bool below = false;
            foreach (Node child in node.Children.Where(c => c.Outcome == outcome))
            {
                below = true;
                Collect(child, outcome, reasons);
            }

            if (!below && !reasons.Contains(node.Reason, StringComparer.Ordinal))
            {
                reasons.Add(node.Reason);
            }
        }

        /// <summary>The first of the failing experience rules' met-on dates on which the tree passes with those rules passing from then on.</summary>
        private static LocalDate? EligibleFrom(Node root)
        {
            IEnumerable<Node> nodes = Flatten(root);
            if (!nodes.Any(n => n.Rule is ExperienceRule))
            {
                return null;
            }

            foreach (LocalDate candidate in nodes.Where(n => n.MetOn is not null).Select(n => n.MetOn!.Value).Order())
            {
                if (On(root, candidate) == CriterionOutcome.Pass)
                {
                    return candidate;
                }
            }

            return null;

            static IEnumerable<Node> Flatten(Node node) => node.Children.SelectMany(Flatten).Prepend(node);

            static CriterionOutcome On(Node node, LocalDate date) => node.Rule switch
            {
                ExperienceRule => node.MetOn is LocalDate on && on <= date ? CriterionOutcome.Pass : node.Outcome,
                AllRule => Combine(node.Children.Select(c => On(c, date)), all: true),
                AnyRule => Combine(node.Children.Select(c => On(c, date)), all: false),
                NotRule => Negate(On(node.Children[0], date)),
                _ => node.Outcome,
            };
        }

        /// <summary>A rule with its outcome, reason, met-on date (failing experience rules only) and the rules under it.</summary>
        public sealed record Node(EligibilityRule Rule, CriterionOutcome Outcome, string Reason, LocalDate? MetOn, Node[] Children);
    }
}
