using Requirements = System.Collections.Generic.Dictionary<Upon.Core.Eligibility.EligibilityRule, Upon.Core.Eligibility.CriterionOutcome>;

namespace Upon.Core.Eligibility;

/// <summary>The generator's walk over a policy: the edges of each rule, and the applications that sit on them.</summary>
public static partial class EligibilityBoundaryCases
{
    /// <summary>The organisation of every generated role.</summary>
    private const string Organisation = "Boundary case";

    /// <summary>The words a generated statement is made of, in turn.</summary>
    private static readonly ImmutableArray<string> Vocabulary = ["Every", "child", "deserves", "a", "champion."];

    /// <summary>The start days of experience edges: 29 February, then month ends of 31 and 30 days.</summary>
    private static readonly ImmutableArray<(int Month, int Day)> Starts = [(2, 29), (1, 31), (4, 30), (8, 31)];

    /// <summary>The most role shapes tried for the role at an experience edge.</summary>
    private const int ShapesTried = 6;

    /// <summary>Generates the cases of one policy as of one date; used once.</summary>
    private sealed class Generator
    {
        private readonly EligibilityPolicy policy;
        private readonly LocalDate asOf;
        private readonly BoundaryCaseOptions options;
        private readonly Dictionary<EligibilityRule, EligibilityRule> parents = new(ReferenceEqualityComparer.Instance);
        private readonly ImmutableArray<EligibilityRule> leaves;
        private readonly ImmutableArray<ExperienceRule> experienceRules;

        /// <summary>One role (not acting, full time) of each combination of the experience rules that count it.</summary>
        private readonly ImmutableArray<Role> shapes;

        private readonly List<EligibilityCase> cases = [];
        private readonly HashSet<string> names = new(StringComparer.Ordinal);

        public Generator(EligibilityPolicy policy, LocalDate asOf, BoundaryCaseOptions options)
        {
            this.policy = policy;
            this.asOf = asOf;
            this.options = options;
            foreach (EligibilityRule rule in policy.Rule.DescendantsAndSelf())
            {
                foreach (EligibilityRule child in rule.Rules)
                {
                    parents[child] = rule;
                }
            }

            leaves = [.. policy.Rule.DescendantsAndSelf().Where(r => r.Rules.IsEmpty)];
            experienceRules = [.. leaves.OfType<ExperienceRule>()];
            HashSet<string> seen = new(StringComparer.Ordinal);
            ImmutableArray<Role>.Builder distinct = ImmutableArray.CreateBuilder<Role>();
            foreach (RoleLevel level in Enum.GetValues<RoleLevel>())
            {
                foreach (OrganisationType type in Enum.GetValues<OrganisationType>())
                {
                    foreach (Sector sector in Enum.GetValues<Sector>())
                    {
                        Role role = new("Role", Organisation, type, sector, level, asOf);
                        if (seen.Add(new string([.. experienceRules.Select(e => Oracle.Counts(e, role) ? '1' : '0')])))
                        {
                            distinct.Add(role);
                        }
                    }
                }
            }

            shapes = distinct.ToImmutable();
        }

        public ImmutableArray<EligibilityCase> Run()
        {
            foreach (EligibilityRule rule in policy.Rule.DescendantsAndSelf())
            {
                switch (rule)
                {
                    case ExperienceRule experience:
                        ExperienceEdges(experience);
                        break;
                    case ReadinessRule readiness:
                        ReadinessEdges(readiness);
                        break;
                    case StatementRule statement:
                        StatementEdges(statement);
                        break;
                    case AssessorOutcomeRule assessor:
                        AssessorEdges(assessor);
                        break;
                    case AnyRule any:
                        RouteCases(any);
                        break;
                    default:
                        break;
                }
            }

            return [.. cases];
        }

        private void ExperienceEdges(ExperienceRule rule)
        {
            Period minimum = rule.Minimum;
            if (minimum.Equals(Period.Zero))
            {
                return;
            }

            string token = Token(minimum);
            string required = PeriodText.Describe(minimum);
            foreach ((int month, int day) in Starts)
            {
                if (LatestStart(month, day, s => s.Plus(minimum)) is LocalDate start)
                {
                    LocalDate met = start.Plus(minimum);
                    ExperiencePair(
                        rule,
                        start,
                        met,
                        fraction: null,
                        $"{rule.Code}/experience-{token}-from-{DateText.Format(start)}",
                        $"A full-time role counted by {rule.Code}, from {DateText.Format(start)} and current, as of {DateText.Format(met)}: {required} are met that day, the start plus {required} in calendar terms.",
                        $"The same role as of {DateText.Format(met.PlusDays(-1))}: one day short of {required}, met the next day.");
                }
            }

            // Half time: pro rata, a day counts half, and the half days (a part of a day rounded up) reach the minimum's days.
            Func<LocalDate, LocalDate> halfMet = rule.PartTime == PartTimeCounting.ProRata
                ? s => s.PlusDays((2 * Period.DaysBetween(s, s.Plus(minimum))) - 1)
                : s => s.Plus(minimum);
            if (LatestStart(1, 31, halfMet) is LocalDate halfStart)
            {
                LocalDate met = halfMet(halfStart);
                string counting = rule.PartTime == PartTimeCounting.ProRata
                    ? $"the rule counts part time pro rata, so the role's days, half each and a part of a day rounded up, reach {required} that day"
                    : $"the rule counts part time in full, so {required} are met that day as in full time";
                ExperiencePair(
                    rule,
                    halfStart,
                    met,
                    fraction: 0.5m,
                    $"{rule.Code}/experience-{token}-half-time-from-{DateText.Format(halfStart)}",
                    $"A half-time role counted by {rule.Code}, from {DateText.Format(halfStart)} and current, as of {DateText.Format(met)}: {counting}.",
                    $"The same role as of {DateText.Format(met.PlusDays(-1))}: one day short, met the next day.");
            }
        }

        /// <summary>The cases on either side of an experience edge: the day met and the day before, if some role shape makes the edge decide.</summary>
        private void ExperiencePair(ExperienceRule rule, LocalDate start, LocalDate met, decimal? fraction, string name, string metText, string beforeText)
        {
            LocalDate before = met.PlusDays(-1);
            Requirements requirements = Sensitize(rule, New());
            foreach (bool strict in (ReadOnlySpan<bool>)[true, false])
            {
                IEnumerable<Role> candidates = shapes
                    .Where(shape => Oracle.Counts(rule, shape) && (!strict || !Conflicts(shape, requirements)))
                    .OrderBy(shape => experienceRules.Count(e => Oracle.Counts(e, shape)))
                    .Take(ShapesTried);
                foreach (Role shape in candidates)
                {
                    Role edge = new("Role at the edge", Organisation, shape.OrganisationType, shape.Sector, shape.Level, start, null, fraction);
                    ImmutableArray<Role>? support = Support(requirements, rule, [edge], before, strict);
                    if (support is null)
                    {
                        continue;
                    }

                    ImmutableArray<Role> roles = support.Value;

                    Plan onMet = Fill(met, roles, requirements, rule);
                    Plan onBefore = Fill(before, roles, requirements, rule);
                    if (Decides(onMet, onBefore) && (!strict || (Holds(onMet, requirements, rule) && Holds(onBefore, requirements, rule))))
                    {
                        string note = strict ? string.Empty : Relaxed;
                        Emit(name + "-day-met", onMet, metText + note);
                        Emit(name + "-day-before", onBefore, beforeText + note);
                        return;
                    }
                }
            }
        }

        private void ReadinessEdges(ReadinessRule rule)
        {
            string token = Token(rule.Within);
            string window = PeriodText.Describe(rule.Within);
            Requirements requirements = Sensitize(rule, New());
            ReadinessSet(rule, requirements, asOf, $"{rule.Code}/readiness-{token}", withFirstDays: true, window);
            LocalDate leapDay = LatestLeapDay(asOf);
            if (leapDay != asOf && EligibilityDates.Range.Contains(leapDay))
            {
                ReadinessSet(rule, requirements, leapDay, $"{rule.Code}/readiness-{token}-from-{DateText.Format(leapDay)}", withFirstDays: false, window);
            }
        }

        private void ReadinessSet(ReadinessRule rule, Requirements requirements, LocalDate date, string name, bool withFirstDays, string window)
        {
            LocalDate last = date.Plus(rule.Within);
            if (last >= EligibilityDates.Range.End || date <= EligibilityDates.Range.Start)
            {
                return;
            }

            string from = $"{window} from {DateText.Format(date)}";
            List<(string Suffix, LocalDate Ready, string Text)> sides =
            [
                ("ready-on-last-day", last, $"Ready on {DateText.Format(last)}, the last day of the window of {from}: within it."),
                ("ready-day-after", last.PlusDays(1), $"Ready on {DateText.Format(last.PlusDays(1))}, the day after the window of {from}: beyond it."),
            ];
            if (withFirstDays)
            {
                if (last != date)
                {
                    sides.Add(("ready-on-first-day", date, $"Ready on the as-of date {DateText.Format(date)}, the first day of the window of {from}: within it."));
                }

                sides.Add(("ready-day-before", date.PlusDays(-1), $"Ready on {DateText.Format(date.PlusDays(-1))}, the day before the as-of date: already ready, which is within the window."));
            }

            Fixed(
                rule,
                requirements,
                date,
                sides.Select(s => (name + "-" + s.Suffix, (Func<Plan, Plan>)(plan => plan with { ReadyBy = s.Ready }), s.Text)),
                decisive: (0, 1));
        }

        private void StatementEdges(StatementRule rule)
        {
            Requirements requirements = Sensitize(rule, New());
            int max = rule.MaximumWords;
            int min = rule.MinimumWords;
            Fixed(
                rule,
                requirements,
                asOf,
                [
                    Side(rule, max, "at-maximum", $"A statement of {Count(max)}, the most {rule.Code} allows."),
                    Side(rule, max + 1, "over-maximum", $"A statement of {Count(max + 1)}, one over the most {rule.Code} allows."),
                ],
                decisive: (0, 1));
            string under = min == 1
                ? $"No statement: {rule.Code} cannot be decided without one."
                : $"A statement of {Count(min - 1)}, one under the fewest {rule.Code} allows.";
            Fixed(
                rule,
                requirements,
                asOf,
                min == max
                    ? [Side(rule, min - 1, min == 1 ? "none" : "under-minimum", under)]
                    : [Side(rule, min, "at-minimum", $"A statement of {Count(min)}, the fewest {rule.Code} allows."), Side(rule, min - 1, min == 1 ? "none" : "under-minimum", under)],
                decisive: min == max ? null : (0, 1));

            static (string, Func<Plan, Plan>, string) Side(StatementRule rule, int words, string what, string text) =>
                (words == 0 ? $"{rule.Code}/statement-{what}" : $"{rule.Code}/statement-{Count(words).Replace(' ', '-')}-{what}", plan => plan with { Words = words }, text);

            static string Count(int words) => string.Create(CultureInfo.InvariantCulture, $"{words} word{(words == 1 ? string.Empty : "s")}");
        }

        private void AssessorEdges(AssessorOutcomeRule rule)
        {
            Requirements requirements = Sensitize(rule, New());
            string criterion = Words(rule.Criterion.ToString());
            Fixed(
                rule,
                requirements,
                asOf,
                [
                    Judged(rule, AssessorOutcome.Met, "met", $"The assessors judged {criterion} met."),
                    Judged(rule, AssessorOutcome.NotMet, "not-met", $"The assessors judged {criterion} not met."),
                    Judged(rule, null, "not-judged", rule.RequireOutcome
                        ? $"The assessors have not judged {criterion}, which {rule.Code} requires: it cannot be decided."
                        : $"The assessors have not judged {criterion}, which {rule.Code} does not require: it passes."),
                ],
                decisive: (0, 1));

            static (string, Func<Plan, Plan>, string) Judged(AssessorOutcomeRule rule, AssessorOutcome? outcome, string what, string text) =>
                ($"{rule.Code}/assessor-{what}", plan => plan with { Outcomes = With(plan.Outcomes, rule.Criterion, outcome) }, text);
        }

        /// <summary>Each route of an <c>any</c> passing alone (or, where none can pass alone, passing), and no route passing.</summary>
        private void RouteCases(AnyRule any)
        {
            foreach (EligibilityRule route in any.Rules)
            {
                Requirements alone = New();
                Require(route, CriterionOutcome.Pass, alone);
                foreach (EligibilityRule other in any.Rules.Where(r => !ReferenceEquals(r, route)))
                {
                    Require(other, CriterionOutcome.Fail, alone);
                }

                if (Route(any, Sensitize(any, alone), route, others: CriterionOutcome.Fail) is Plan plan)
                {
                    Emit($"{any.Code}/route-{route.Code}-alone", plan, $"Route {route.Code} of {any.Code} passes and every other route fails.");
                    continue;
                }

                Requirements passes = New();
                Require(route, CriterionOutcome.Pass, passes);
                if (Route(any, Sensitize(any, passes), route, others: null) is Plan passing)
                {
                    Emit(
                        $"{any.Code}/route-{route.Code}-passes",
                        passing,
                        $"Route {route.Code} of {any.Code} passes. No application passes it alone: what it counts, another route counts too.");
                }
            }

            Requirements none = New();
            Require(any, CriterionOutcome.Fail, none);
            if (Route(any, Sensitize(any, none), route: null, others: CriterionOutcome.Fail) is Plan failing)
            {
                Emit($"{any.Code}/no-route", failing, $"No route of {any.Code} passes.");
            }
        }

        /// <summary>The application as of the date given in which <paramref name="route"/> passes and the others have the outcome <paramref name="others"/> (any when null); null when none is found.</summary>
        private Plan? Route(AnyRule any, Requirements requirements, EligibilityRule? route, CriterionOutcome? others)
        {
            foreach (bool strict in (ReadOnlySpan<bool>)[true, false])
            {
                ImmutableArray<Role>? support = Support(requirements, null, [], asOf, strict);
                if (support is null)
                {
                    continue;
                }

                ImmutableArray<Role> roles = support.Value;

                Plan plan = Fill(asOf, roles, requirements, null);
                Oracle.Node root = Oracle.Evaluate(policy.Rule, plan);
                bool routes = any.Rules.All(r => ReferenceEquals(r, route)
                    ? Find(root, r).Outcome == CriterionOutcome.Pass
                    : others is not CriterionOutcome wanted || Find(root, r).Outcome == wanted);
                if (routes && (!strict || Holds(plan, requirements, null)))
                {
                    return plan;
                }
            }

            return null;
        }

        /// <summary>
        /// The cases of an edge that one field of the application sits on: each side is <paramref name="sides"/>' change of the
        /// application planned for the other rules. They are written when the sides at <paramref name="decisive"/> decide
        /// differently (or always, when null).
        /// </summary>
        private void Fixed(EligibilityRule rule, Requirements requirements, LocalDate date, IEnumerable<(string Name, Func<Plan, Plan> Set, string Text)> sides, (int A, int B)? decisive)
        {
            (string Name, Func<Plan, Plan> Set, string Text)[] all = [.. sides];
            foreach (bool strict in (ReadOnlySpan<bool>)[true, false])
            {
                ImmutableArray<Role>? support = Support(requirements, null, [], date, strict);
                if (support is null)
                {
                    continue;
                }

                ImmutableArray<Role> roles = support.Value;

                Plan planned = Fill(date, roles, requirements, rule);
                Plan[] plans = [.. all.Select(s => s.Set(planned))];
                bool decides = decisive is null || Decides(plans[decisive.Value.A], plans[decisive.Value.B]);
                if (decides && (!strict || plans.All(p => Holds(p, requirements, rule))))
                {
                    for (int i = 0; i < all.Length; i++)
                    {
                        Emit(all[i].Name, plans[i], all[i].Text + (strict ? string.Empty : Relaxed));
                    }

                    return;
                }
            }
        }

        /// <summary>Said of a case in which the other rules could not all be held as the path to its edge needs them.</summary>
        private const string Relaxed = " No application holds every other rule still here: some change with this one.";

        /// <summary>Whether the policy's definition decides the two applications differently.</summary>
        private bool Decides(Plan a, Plan b) => Oracle.Expect(policy.Rule, a).Outcome != Oracle.Expect(policy.Rule, b).Outcome;

        /// <summary>Whether every criterion other than <paramref name="target"/> has the outcome <paramref name="requirements"/> ask of it.</summary>
        private bool Holds(Plan plan, Requirements requirements, EligibilityRule? target)
        {
            Oracle.Node root = Oracle.Evaluate(policy.Rule, plan);
            return requirements.All(r => ReferenceEquals(r.Key, target) || Find(root, r.Key).Outcome == r.Value);
        }

        private static Oracle.Node Find(Oracle.Node node, EligibilityRule rule) =>
            ReferenceEquals(node.Rule, rule) ? node : node.Children.Select(c => FindOrNull(c, rule)).First(n => n is not null)!;

        private static Oracle.Node? FindOrNull(Oracle.Node node, EligibilityRule rule) =>
            ReferenceEquals(node.Rule, rule) ? node : node.Children.Select(c => FindOrNull(c, rule)).FirstOrDefault(n => n is not null);

        private void Emit(string name, Plan plan, string description)
        {
            if (!names.Add(name))
            {
                return;
            }

            string? statement = plan.Words == 0 ? null : string.Join(' ', Enumerable.Range(0, plan.Words).Select(i => Vocabulary[i % Vocabulary.Length]));
            Application application = new(name, policy.ProgrammeYear, plan.AsOf, plan.Roles, plan.ReadyBy, statement, null, plan.Outcomes);
            EligibilityExpectation expected = Oracle.Expect(policy.Rule, plan);
            cases.Add(options.InlinePolicy
                ? new EligibilityCase(name, application, policy, plan.AsOf, expected, description)
                : new EligibilityCase(name, application, policy.Id, policy.Version, plan.AsOf, expected, description));
        }

        /// <summary>
        /// Asks of the rules along the path from the top to <paramref name="rule"/> what lets it decide: every other rule of
        /// an <c>all</c> passing, every other route of an <c>any</c> failing (a <c>not</c> asks nothing).
        /// </summary>
        private Requirements Sensitize(EligibilityRule rule, Requirements requirements)
        {
            EligibilityRule node = rule;
            while (parents.TryGetValue(node, out EligibilityRule? parent))
            {
                if (parent is AllRule or AnyRule)
                {
                    foreach (EligibilityRule sibling in parent.Rules.Where(r => !ReferenceEquals(r, node)))
                    {
                        Require(sibling, parent is AllRule ? CriterionOutcome.Pass : CriterionOutcome.Fail, requirements);
                    }
                }

                node = parent;
            }

            return requirements;
        }

        /// <summary>Asks the criteria under <paramref name="rule"/> for what makes it have the outcome <paramref name="wanted"/>: all of them, or the easiest one.</summary>
        private static void Require(EligibilityRule rule, CriterionOutcome wanted, Requirements requirements)
        {
            switch (rule)
            {
                case NotRule not:
                    Require(not.Rule, Negate(wanted), requirements);
                    break;
                case AllRule or AnyRule when (rule is AllRule) == (wanted == CriterionOutcome.Pass):
                    foreach (EligibilityRule child in rule.Rules)
                    {
                        Require(child, wanted, requirements);
                    }

                    break;
                case AllRule or AnyRule:
                    Require(rule.Rules.MinBy(child => Difficulty(child, wanted))!, wanted, requirements);
                    break;
                default:
                    requirements[rule] = wanted;
                    break;
            }
        }

        /// <summary>How much an application needs for <paramref name="rule"/> to have the outcome <paramref name="wanted"/>: nothing, a field, roles, or the impossible.</summary>
        private static int Difficulty(EligibilityRule rule, CriterionOutcome wanted) => rule switch
        {
            NotRule not => Difficulty(not.Rule, Negate(wanted)),
            AllRule or AnyRule when (rule is AllRule) == (wanted == CriterionOutcome.Pass) => rule.Rules.Sum(child => Difficulty(child, wanted)),
            AllRule or AnyRule => rule.Rules.Min(child => Difficulty(child, wanted)),
            AssessorOutcomeRule assessor => wanted == CriterionOutcome.Pass && !assessor.RequireOutcome ? 0 : 1,
            ExperienceRule experience when experience.Minimum.Equals(Period.Zero) => wanted == CriterionOutcome.Pass ? 0 : 1000,
            ExperienceRule => 3,
            _ => 2,
        };

        /// <summary>Whether a role of <paramref name="shape"/> counts under an experience rule that must fail.</summary>
        private bool Conflicts(Role shape, Requirements requirements) =>
            experienceRules.Any(e => requirements.TryGetValue(e, out CriterionOutcome wanted) && wanted == CriterionOutcome.Fail && Oracle.Counts(e, shape));

        /// <summary>
        /// The roles: <paramref name="roles"/> and, ended two days before <paramref name="earliest"/>, earlier roles long enough
        /// for the experience rules that must pass and do not with <paramref name="roles"/> alone, each counted by none of
        /// <paramref name="target"/> and (when <paramref name="strict"/>) of the experience rules that must fail. Null
        /// when <paramref name="strict"/> and no such roles are found, or when they would start before <see cref="EligibilityDates.Range"/>.
        /// </summary>
        private ImmutableArray<Role>? Support(Requirements requirements, ExperienceRule? target, ImmutableArray<Role> roles, LocalDate earliest, bool strict)
        {
            Plan probe = new(earliest, roles, null, 0, null);
            List<ExperienceRule> uncovered =
            [
                .. experienceRules.Where(e => !ReferenceEquals(e, target)
                    && requirements.TryGetValue(e, out CriterionOutcome wanted) && wanted == CriterionOutcome.Pass
                    && Oracle.Leaf(e, probe).Outcome != CriterionOutcome.Pass),
            ];
            if (uncovered.Count == 0)
            {
                return roles;
            }

            LocalDate end = earliest.PlusDays(-2);
            Period longest = uncovered.Select(e => e.Minimum).MaxBy(m => end.Plus(m))!;
            LocalDate start = end.PlusDays(1).Minus(longest).PlusDays(-7);
            if (start < EligibilityDates.Range.Start)
            {
                return null;
            }

            ImmutableArray<Role>.Builder all = roles.ToBuilder();
            while (uncovered.Count > 0)
            {
                Role? best = shapes
                    .Where(s => (target is null || !Oracle.Counts(target, s)) && (!strict || !Conflicts(s, requirements)))
                    .MaxBy(s => uncovered.Count(e => Oracle.Counts(e, s)));
                if (best is null || !uncovered.Any(e => Oracle.Counts(e, best)))
                {
                    return strict ? null : all.ToImmutable();
                }

                all.Add(new Role("Earlier role", Organisation, best.OrganisationType, best.Sector, best.Level, start, end));
                uncovered.RemoveAll(e => Oracle.Counts(e, best));
            }

            return all.ToImmutable();
        }

        /// <summary>
        /// The application as of <paramref name="date"/> with <paramref name="roles"/>, and the readiness date, statement
        /// and assessors' outcomes that best give the criteria other than <paramref name="target"/> the outcomes asked of
        /// them (and, of the others, as many passes as they can): the smallest such, none where no rule reads it.
        /// </summary>
        private Plan Fill(LocalDate date, ImmutableArray<Role> roles, Requirements requirements, EligibilityRule? target)
        {
            Plan plan = new(date, roles, null, 0, null);
            IEnumerable<LocalDate?> readyDates = leaves.OfType<ReadinessRule>()
                .Where(r => requirements.TryGetValue(r, out CriterionOutcome wanted) && wanted == CriterionOutcome.Fail)
                .Select(r => date.Plus(r.Within))
                .Where(last => last < EligibilityDates.Range.End)
                .Select(last => (LocalDate?)last.PlusDays(1))
                .Order()
                .Prepend(date)
                .Append(null);
            plan = Best<ReadinessRule, LocalDate?>(plan, readyDates, (p, ready) => p with { ReadyBy = ready }, requirements, target);
            IEnumerable<int> words = leaves.OfType<StatementRule>()
                .SelectMany(s => (int[])[s.MinimumWords, s.MaximumWords, s.MinimumWords - 1, s.MaximumWords + 1])
                .Prepend(1)
                .Where(n => n > 0)
                .Distinct()
                .Order()
                .Append(0);
            plan = Best<StatementRule, int>(plan, words, (p, n) => p with { Words = n }, requirements, target);
            foreach (AssessedCriterion criterion in Enum.GetValues<AssessedCriterion>())
            {
                plan = Best<AssessorOutcomeRule, AssessorOutcome?>(
                    plan,
                    [null, AssessorOutcome.Met, AssessorOutcome.NotMet],
                    (p, outcome) => p with { Outcomes = With(p.Outcomes, criterion, outcome) },
                    requirements,
                    target,
                    rule => rule.Criterion == criterion);
            }

            return plan;
        }

        /// <summary>
        /// The first of <paramref name="values"/> set into <paramref name="plan"/> that gives the fewest criteria of kind
        /// <typeparamref name="TRule"/> an outcome other than asked, then the fewest of the others not passing;
        /// <paramref name="plan"/> as it is when no rule of the kind is in the policy.
        /// </summary>
        private Plan Best<TRule, TValue>(Plan plan, IEnumerable<TValue> values, Func<Plan, TValue, Plan> set, Requirements requirements, EligibilityRule? target, Func<TRule, bool>? which = null)
            where TRule : EligibilityRule
        {
            TRule[] rules = [.. leaves.OfType<TRule>().Where(r => !ReferenceEquals(r, target) && (which is null || which(r)))];
            if (rules.Length == 0)
            {
                return plan;
            }

            Plan? best = null;
            int bestScore = int.MaxValue;
            foreach (TValue value in values)
            {
                Plan candidate = set(plan, value);
                int score = 0;
                foreach (TRule rule in rules)
                {
                    CriterionOutcome outcome = Oracle.Leaf(rule, candidate).Outcome;
                    score += requirements.TryGetValue(rule, out CriterionOutcome wanted)
                        ? (outcome == wanted ? 0 : 1000)
                        : (outcome == CriterionOutcome.Pass ? 0 : 1);
                }

                if (score < bestScore)
                {
                    (best, bestScore) = (candidate, score);
                }
            }

            return best ?? plan;
        }

        /// <summary>The latest day <paramref name="month"/>/<paramref name="day"/> from which <paramref name="met"/> is on or before the as-of date, from 1900 on; null when there is none.</summary>
        private LocalDate? LatestStart(int month, int day, Func<LocalDate, LocalDate> met)
        {
            for (int year = asOf.Year; year >= EligibilityDates.Range.Start.Year; year--)
            {
                if (day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
                {
                    LocalDate start = new(year, month, day);
                    if (met(start) <= asOf)
                    {
                        return start;
                    }
                }
            }

            return null;
        }

        private static LocalDate LatestLeapDay(LocalDate date)
        {
            int year = date.Year;
            while (!CalendarSystem.Iso.IsLeapYear(year) || new LocalDate(year, 2, 29) > date)
            {
                year--;
            }

            return new LocalDate(year, 2, 29);
        }

        private static Requirements New() => new(ReferenceEqualityComparer.Instance);

        private static CriterionOutcome Negate(CriterionOutcome outcome) => outcome switch
        {
            CriterionOutcome.Pass => CriterionOutcome.Fail,
            CriterionOutcome.Fail => CriterionOutcome.Pass,
            _ => CriterionOutcome.Undecided,
        };

        private static AssessorOutcomes? With(AssessorOutcomes? outcomes, AssessedCriterion criterion, AssessorOutcome? outcome)
        {
            AssessorOutcomes changed = criterion switch
            {
                AssessedCriterion.MoralPurpose => (outcomes ?? new()) with { MoralPurpose = outcome },
                AssessedCriterion.Experience => (outcomes ?? new()) with { Experience = outcome },
                _ => (outcomes ?? new()) with { Readiness = outcome },
            };
            return changed is { MoralPurpose: null, Experience: null, Readiness: null } ? null : changed;
        }

        /// <summary>A period in a name: <c>36m</c> for years and months, otherwise its ISO form in lower case (<c>p1y2w</c>).</summary>
        private static string Token(Period period) =>
            period.Weeks == 0 && period.Days == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{(period.Years * 12) + period.Months}m")
                : period.ToString().ToLowerInvariant();

        /// <summary>A PascalCase name in lower-case words.</summary>
        private static string Words(string name) =>
            string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }
}
