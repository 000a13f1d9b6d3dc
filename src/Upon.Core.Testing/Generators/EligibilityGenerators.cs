using Upon.Core.Eligibility;

namespace Upon.Core.Testing;

/// <summary>An application with a permutation of its roles, given as sort keys (one per role).</summary>
public sealed record PermutedApplication(Application Application, ImmutableArray<int> Keys)
{
    /// <summary>Gets the application with its roles in the permuted order.</summary>
    public Application Permuted =>
        Application.WithRoles(Application.Roles.Select((role, i) => (role, key: Keys[i], i)).OrderBy(t => t.key).ThenBy(t => t.i).Select(t => t.role));
}

/// <summary>Roles measured on a date, with one of them picked (by index) and a day offset used to split it.</summary>
public sealed record PickedRole(ImmutableArray<Role> Roles, LocalDate AsOf, int Index, int SplitOffset)
{
    /// <summary>Gets the roles with the picked one duplicated (the copy at the end).</summary>
    public ImmutableArray<Role> WithDuplicate => Roles.Add(Roles[Index]);

    /// <summary>Gets the picked role split in two adjacent roles with the same attributes, or null when it lasts a single day.</summary>
    public ImmutableArray<Role>? WithSplit
    {
        get
        {
            Role role = Roles[Index];
            int length = role.End is LocalDate end ? Period.DaysBetween(role.Start, end) + 1 : int.MaxValue;
            if (length < 2)
            {
                return null;
            }

            // The second part starts 1 to length - 1 days after the start.
            int offset = 1 + (SplitOffset % Math.Min(length - 1, 5000));
            LocalDate secondStart = role.Start.PlusDays(offset);
            Role first = EligibilityGenerators.Copy(role, role.Start, secondStart.PlusDays(-1));
            Role second = EligibilityGenerators.Copy(role, secondStart, role.End);
            return Roles.SetItem(Index, first).Add(second);
        }
    }
}

/// <summary>An application and one more role to add to it.</summary>
public sealed record ApplicationAndRole(Application Application, Role Role);

/// <summary>An application with several sets of equality-monitoring answers submitted alongside it.</summary>
public sealed record MonitoredApplication(Application Application, ImmutableArray<EqualityMonitoring> Answers);

/// <summary>A rule tree described by its shape, built into rules with codes unique under a prefix.</summary>
/// <param name="Kind">All, Any, Not, or a criterion.</param>
/// <param name="Criterion">For criteria: which leaf (0 to 5, see <see cref="EligibilityGenerators.Leaf"/>).</param>
/// <param name="Children">The shapes under a combining rule.</param>
public sealed record RuleShape(RuleKind Kind, int Criterion, ImmutableArray<RuleShape> Children)
{
    /// <summary>Builds the rule, with codes <paramref name="prefix"/>, <paramref name="prefix"/>.0, … so that they are unique in the tree.</summary>
    public EligibilityRule Build(string prefix) => Kind switch
    {
        RuleKind.All => new AllRule(prefix, "All of " + prefix, Children.Select((c, i) => c.Build(prefix + "." + i))),
        RuleKind.Any => new AnyRule(prefix, "Any of " + prefix, Children.Select((c, i) => c.Build(prefix + "." + i))),
        RuleKind.Not => new NotRule(prefix, "Not " + prefix, Children[0].Build(prefix + ".0")),
        _ => EligibilityGenerators.Leaf(Criterion, prefix),
    };

    /// <summary>Returns the shape in prefix notation, for counter-examples.</summary>
    public override string ToString() => Kind switch
    {
        RuleKind.All or RuleKind.Any or RuleKind.Not => $"{Kind}({string.Join(", ", Children)})",
        _ => "leaf" + Criterion,
    };
}

/// <summary>Two rule trees and an application to decide them on.</summary>
public sealed record RuleTreesCase(RuleShape A, RuleShape B, Application Application);

/// <summary>Policies for several programme years, each year covered without gaps or overlaps, in a shuffled order.</summary>
/// <param name="Policies">The policies, in the order given to the registry.</param>
/// <param name="Probe">A date to look up, within or around the years' windows.</param>
/// <param name="Pick">A number used to pick a boundary between two policies of a year.</param>
/// <param name="Shift">A number of days (at least 1) by which to move a boundary.</param>
public sealed record PolicySequence(ImmutableArray<EligibilityPolicy> Policies, LocalDate Probe, int Pick, int Shift)
{
    /// <summary>Returns the pairs of policies (by index in <see cref="Policies"/>) that follow each other in one programme year.</summary>
    public ImmutableArray<(int Previous, int Next)> Boundaries()
    {
        ImmutableArray<EligibilityPolicy> policies = Policies;
        return
        [
            .. Enumerable.Range(0, policies.Length)
                .GroupBy(i => policies[i].ProgrammeYear, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g =>
                {
                    int[] ordered = [.. g.OrderBy(i => policies[i].EffectiveFrom)];
                    return ordered.Zip(ordered.Skip(1), (previous, next) => (previous, next));
                }),
        ];
    }
}

/// <summary>
/// The FsCheck generators of the eligibility tests. Roles start from 2008 and applications are assessed
/// from 2019 to 2023, so that roles are current, past and future and experience is near three years.
/// Every arbitrary shrinks by dropping roles and by simplifying one role (full time, not acting, shorter,
/// earlier).
/// </summary>
public static class EligibilityGenerators
{
    /// <summary>Gets the earliest start date of generated roles.</summary>
    public static LocalDate EarliestStart { get; } = new(2008, 1, 1);

    /// <summary>Gets the first assessment date of generated applications.</summary>
    public static LocalDate FirstAssessment { get; } = new(2019, 1, 1);

    /// <summary>Gets the last assessment date of generated applications.</summary>
    public static LocalDate LastAssessment { get; } = new(2023, 12, 31);

    /// <summary>Gets the latest start date of generated roles (after every assessment date, so that some roles are future).</summary>
    public static LocalDate LatestStart { get; } = new(2024, 12, 31);

    /// <summary>Gets the senior levels the built-in policies count.</summary>
    public static ImmutableArray<RoleLevel> SeniorLevels { get; } =
        [RoleLevel.HeadOfService, RoleLevel.AssistantDirector, RoleLevel.DeputyDirector, RoleLevel.Director, RoleLevel.ChiefExecutive];

    /// <summary>Gets the pattern of the built-in local-government route: senior roles in local authorities or children's trusts, in children's services or education.</summary>
    public static RolePattern LocalGovernment { get; } = new(
        SeniorLevels,
        [OrganisationType.LocalAuthority, OrganisationType.ChildrensTrust],
        [Sector.ChildrensServices, Sector.Education]);

    /// <summary>Gets job titles: none of them can appear in a role's or application's description.</summary>
    public static ImmutableArray<string> Titles { get; } =
        ["Head of Early Help & Safeguarding", "Interim Lead for Family Hubs", "Strategic Lead, Corporate Parenting", "Principal Social Worker (North)"];

    /// <summary>Gets organisation names: none of them can appear in a role's or application's description.</summary>
    public static ImmutableArray<string> Organisations { get; } =
        ["Northshire County Council", "Riverside Children's Trust", "St Aidan's Multi-Academy Trust", "Eastmoor NHS Foundation Trust", "Harbour Youth Charity"];

    /// <summary>Gets the answers equality monitoring may hold (ONS-style codes); none of them is part of the redacted description.</summary>
    public static ImmutableArray<string> MonitoringAnswers { get; } =
    [
        "white-british", "white-irish", "asian-indian", "asian-pakistani", "black-african", "black-caribbean", "mixed-white-asian",
        "yes", "preferNotToSay", "female", "male", "non-binary", "18-29", "40-49", "60-69", "christian", "muslim", "hindu",
        "jewish", "no-religion", "heterosexual", "gay-or-lesbian", "bisexual",
    ];

    private static readonly ImmutableArray<string> Words =
        ["children", "first", "every", "child", "deserves", "a", "champion", "outcomes", "equity", "families", "safe", "thrive"];

    /// <summary>The experience-only rule used by many properties: three years in <see cref="LocalGovernment"/> roles.</summary>
    public static ExperienceRule ThreeYears(PartTimeCounting partTime = PartTimeCounting.ProRata, bool actingCounts = true) =>
        new("experience", "Three years' senior leadership", Period.FromYears(3), [LocalGovernment], partTime, actingCounts);

    /// <summary>A policy with only <paramref name="rule"/>, governing 2020/21 from 2000 with an open end.</summary>
    public static EligibilityPolicy PolicyOf(EligibilityRule rule, string id = "test-policy") =>
        new(id, 1, "2020/21", new LocalDate(2000, 1, 1), null, "A policy for tests", rule, ["For tests."]);

    /// <summary>The policies applications are decided under: the built-ins and experience-only policies (pro rata, and counting part time in full).</summary>
    public static ImmutableArray<EligibilityPolicy> Policies { get; } =
    [
        BuiltInPolicies.Year1,
        BuiltInPolicies.Year2,
        PolicyOf(ThreeYears(PartTimeCounting.ProRata), "experience-pro-rata"),
        PolicyOf(ThreeYears(PartTimeCounting.Full, actingCounts: false), "experience-full"),
    ];

    /// <summary>A copy of <paramref name="role"/> with other dates.</summary>
    public static Role Copy(Role role, LocalDate start, LocalDate? end) =>
        new(role.Title, role.Organisation, role.OrganisationType, role.Sector, role.Level, start, end, role.PartTimeFraction, role.IsActing);

    /// <summary>
    /// Roles: qualifying under <see cref="LocalGovernment"/> about half the time (always when
    /// <paramref name="qualifyingOnly"/>), a quarter current, starting from <see cref="EarliestStart"/>
    /// to <paramref name="latestStart"/> (default <see cref="LatestStart"/>), lasting up to about seven
    /// years, part time (fractions 0.001 to 1) a third of the time when <paramref name="partTime"/>,
    /// acting a fifth of the time when <paramref name="acting"/>.
    /// </summary>
    public static Gen<Role> RoleGen(bool qualifyingOnly = false, bool partTime = true, bool acting = true, LocalDate? latestStart = null)
    {
        Gen<(OrganisationType Type, Sector Sector, RoleLevel Level)> qualifying =
            from type in Gen.Elements(OrganisationType.LocalAuthority, OrganisationType.ChildrensTrust)
            from sector in Gen.Elements(Sector.ChildrensServices, Sector.Education)
            from level in Gen.Elements(SeniorLevels.AsEnumerable())
            select (type, sector, level);
        Gen<(OrganisationType Type, Sector Sector, RoleLevel Level)> any =
            from type in Gen.Elements(Enum.GetValues<OrganisationType>())
            from sector in Gen.Elements(Enum.GetValues<Sector>())
            from level in Gen.Elements(Enum.GetValues<RoleLevel>())
            select (type, sector, level);
        int span = Period.DaysBetween(EarliestStart, latestStart ?? LatestStart);
        return
            from startDay in Gen.Choose(0, span)
            from length in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(1, 2600).Select(n => (int?)n)))
            from shape in qualifyingOnly ? qualifying : Gen.OneOf(qualifying, any)
            from fraction in partTime
                ? Gen.Frequency((2, Gen.Constant<decimal?>(null)), (1, Gen.Choose(1, 1000).Select(n => (decimal?)(n / 1000m))))
                : Gen.Constant<decimal?>(null)
            from isActing in acting ? Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true))) : Gen.Constant(false)
            from title in Gen.Elements(Titles.AsEnumerable())
            from organisation in Gen.Elements(Organisations.AsEnumerable())
            let start = EarliestStart.PlusDays(startDay)
            select new Role(title, organisation, shape.Type, shape.Sector, shape.Level, start, length is int n ? start.PlusDays(n - 1) : null, fraction, isActing);
    }

    /// <summary>Simpler versions of <paramref name="role"/>: not acting, full time, shorter, earlier.</summary>
    public static IEnumerable<Role> ShrinkRole(Role role)
    {
        if (role.IsActing)
        {
            yield return new Role(role.Title, role.Organisation, role.OrganisationType, role.Sector, role.Level, role.Start, role.End, role.PartTimeFraction);
        }

        if (role.PartTimeFraction is not null)
        {
            yield return new Role(role.Title, role.Organisation, role.OrganisationType, role.Sector, role.Level, role.Start, role.End, null, role.IsActing);
        }

        if (role.End is LocalDate end)
        {
            int length = Period.DaysBetween(role.Start, end) + 1;
            foreach (int shorter in Halvings(length - 1))
            {
                yield return Copy(role, role.Start, role.Start.PlusDays(shorter));
            }
        }

        foreach (int earlier in Halvings(Period.DaysBetween(EarliestStart, role.Start)))
        {
            LocalDate start = EarliestStart.PlusDays(earlier);
            yield return Copy(role, start, role.End is LocalDate last ? start.PlusDays(Period.DaysBetween(role.Start, last)) : null);
        }
    }

    /// <summary>Simpler role lists: one role dropped, or one role simplified.</summary>
    public static IEnumerable<ImmutableArray<Role>> ShrinkRoles(ImmutableArray<Role> roles)
    {
        for (int i = 0; i < roles.Length; i++)
        {
            yield return roles.RemoveAt(i);
        }

        for (int i = 0; i < roles.Length; i++)
        {
            foreach (Role simpler in ShrinkRole(roles[i]))
            {
                yield return roles.SetItem(i, simpler);
            }
        }
    }

    /// <summary>Lists of 0 to <paramref name="max"/> roles from <see cref="RoleGen"/>.</summary>
    public static Gen<ImmutableArray<Role>> RolesGen(int max = 6, bool qualifyingOnly = false, bool partTime = true, bool acting = true, LocalDate? latestStart = null) =>
        from count in Gen.Choose(0, max)
        from roles in Gen.ArrayOf(RoleGen(qualifyingOnly, partTime, acting, latestStart), count)
        select roles.ToImmutableArray();

    /// <summary>
    /// Applications assessed from 2019 to 2023 with up to six roles, a readiness date mostly given and
    /// sometimes beyond the three-year window, a statement mostly given (sometimes blank or over 500
    /// words), and assessor outcomes met, not met or absent.
    /// </summary>
    public static Gen<Application> ApplicationGen(bool qualifyingOnly = false, bool partTime = true, bool acting = true, bool futureRoles = true) =>
        from asOfDay in Gen.Choose(0, Period.DaysBetween(FirstAssessment, LastAssessment))
        let asOf = FirstAssessment.PlusDays(asOfDay)
        from roles in RolesGen(6, qualifyingOnly, partTime, acting, futureRoles ? null : asOf.PlusDays(-1))
        from ready in Gen.Frequency((1, Gen.Constant<int?>(null)), (8, Gen.Choose(-400, 1200).Select(n => (int?)n)))
        from statement in StatementGen()
        from outcomes in AssessorOutcomesGen()
        from id in Gen.Choose(1, 99999)
        select new Application(
            "A-" + id,
            ProgrammeYears.Format(asOf.Year),
            asOf,
            roles,
            ready is int days ? asOf.PlusDays(days) : null,
            statement,
            null,
            outcomes);

    /// <summary>Simpler applications: fewer or simpler roles.</summary>
    public static IEnumerable<Application> ShrinkApplication(Application application) =>
        ShrinkRoles(application.Roles).Select(roles => application.WithRoles(roles));

    /// <summary>The arbitrary of <see cref="ApplicationGen"/>, shrinking the roles.</summary>
    public static Arbitrary<Application> Applications(bool qualifyingOnly = false, bool partTime = true, bool acting = true, bool futureRoles = true) =>
        Arb.From(ApplicationGen(qualifyingOnly, partTime, acting, futureRoles), ShrinkApplication);

    /// <summary>Applications with a policy of <see cref="Policies"/> to decide them; shrinks the application.</summary>
    public static Arbitrary<(EligibilityPolicy Policy, Application Application)> PolicyAndApplications(bool partTime = true, bool futureRoles = true)
    {
        Gen<(EligibilityPolicy, Application)> gen =
            from policy in Gen.Elements(Policies.AsEnumerable())
            from application in ApplicationGen(partTime: partTime, futureRoles: futureRoles)
            select (policy, application);
        return Arb.From(gen, pair => ShrinkApplication(pair.Item2).Select(a => (pair.Item1, a)));
    }

    /// <summary>Applications with a random permutation of their roles; shrinks by dropping or simplifying roles (and their keys).</summary>
    public static Arbitrary<(EligibilityPolicy Policy, PermutedApplication Case)> PermutedApplications()
    {
        Gen<(EligibilityPolicy, PermutedApplication)> gen =
            from policy in Gen.Elements(Policies.AsEnumerable())
            from application in ApplicationGen()
            from keys in Gen.ArrayOf(Gen.Choose(0, 1000), application.Roles.Length)
            select (policy, new PermutedApplication(application, [.. keys]));
        return Arb.From(gen, pair => ShrinkPermuted(pair.Item2).Select(c => (pair.Item1, c)));

        static IEnumerable<PermutedApplication> ShrinkPermuted(PermutedApplication permuted)
        {
            Application application = permuted.Application;
            for (int i = 0; i < application.Roles.Length; i++)
            {
                yield return new PermutedApplication(application.WithRoles(application.Roles.RemoveAt(i)), permuted.Keys.RemoveAt(i));
            }

            for (int i = 0; i < application.Roles.Length; i++)
            {
                foreach (Role simpler in ShrinkRole(application.Roles[i]))
                {
                    yield return permuted with { Application = application.WithRoles(application.Roles.SetItem(i, simpler)) };
                }
            }
        }
    }

    /// <summary>One to six roles with an as-of date and one role picked; shrinks the other roles and the picked one.</summary>
    public static Arbitrary<PickedRole> PickedRoles(bool partTime = true)
    {
        Gen<PickedRole> gen =
            from roles in RolesGen(5, partTime: partTime)
            from extra in RoleGen(partTime: partTime)
            let all = roles.Add(extra)
            from index in Gen.Choose(0, all.Length - 1)
            from asOfDay in Gen.Choose(0, Period.DaysBetween(FirstAssessment, LastAssessment))
            from split in Gen.Choose(0, 5000)
            select new PickedRole(all, FirstAssessment.PlusDays(asOfDay), index, split);
        return Arb.From(gen, Shrink);

        static IEnumerable<PickedRole> Shrink(PickedRole picked)
        {
            for (int i = 0; i < picked.Roles.Length; i++)
            {
                if (i != picked.Index)
                {
                    yield return picked with { Roles = picked.Roles.RemoveAt(i), Index = i < picked.Index ? picked.Index - 1 : picked.Index };
                }
            }

            for (int i = 0; i < picked.Roles.Length; i++)
            {
                foreach (Role simpler in ShrinkRole(picked.Roles[i]))
                {
                    yield return picked with { Roles = picked.Roles.SetItem(i, simpler) };
                }
            }

            foreach (int split in Halvings(picked.SplitOffset))
            {
                yield return picked with { SplitOffset = split };
            }
        }
    }

    /// <summary>Applications with one more role to add (qualifying under <see cref="LocalGovernment"/>, not acting, so it qualifies under every one of <see cref="Policies"/>); shrinks both.</summary>
    public static Arbitrary<(EligibilityPolicy Policy, ApplicationAndRole Case)> ApplicationsAndQualifyingRoles(bool partTime)
    {
        Gen<(EligibilityPolicy, ApplicationAndRole)> gen =
            from policy in Gen.Elements(Policies.AsEnumerable())
            from application in ApplicationGen(partTime: partTime)
            from role in RoleGen(qualifyingOnly: true, partTime: partTime, acting: false)
            select (policy, new ApplicationAndRole(application, role));
        return Arb.From(gen, pair => Shrink(pair.Item2).Select(c => (pair.Item1, c)));

        static IEnumerable<ApplicationAndRole> Shrink(ApplicationAndRole pair) =>
            ShrinkApplication(pair.Application).Select(a => pair with { Application = a })
                .Concat(ShrinkRole(pair.Role).Select(r => pair with { Role = r }));
    }

    /// <summary>Equality-monitoring answers: each answer absent or one of <see cref="MonitoringAnswers"/>.</summary>
    public static Gen<EqualityMonitoring> EqualityMonitoringGen()
    {
        Gen<string?> answer = Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Gen.Elements(MonitoringAnswers.AsEnumerable()).Select(s => (string?)s)));
        return
            from ethnicity in answer
            from disability in answer
            from sex in answer
            from age in answer
            from religion in answer
            from orientation in answer
            select new EqualityMonitoring(ethnicity, disability, sex, age, religion, orientation);
    }

    /// <summary>The arbitrary of <see cref="EqualityMonitoringGen"/>, shrinking by removing answers.</summary>
    public static Arbitrary<EqualityMonitoring> EqualityMonitorings() =>
        Arb.From(
            EqualityMonitoringGen(),
            m => new[]
            {
                m with { Ethnicity = null }, m with { Disability = null }, m with { Sex = null },
                m with { AgeBand = null }, m with { Religion = null }, m with { SexualOrientation = null },
            }.Where(simpler => simpler != m));

    /// <summary>Applications with one to four sets of monitoring answers; shrinks the application and drops answer sets.</summary>
    public static Arbitrary<(EligibilityPolicy Policy, MonitoredApplication Case)> MonitoredApplications()
    {
        Gen<(EligibilityPolicy, MonitoredApplication)> gen =
            from policy in Gen.Elements(Policies.AsEnumerable())
            from application in ApplicationGen()
            from count in Gen.Choose(1, 4)
            from answers in Gen.ArrayOf(EqualityMonitoringGen(), count)
            select (policy, new MonitoredApplication(application, [.. answers]));
        return Arb.From(gen, pair => Shrink(pair.Item2).Select(c => (pair.Item1, c)));

        static IEnumerable<MonitoredApplication> Shrink(MonitoredApplication monitored)
        {
            for (int i = 0; monitored.Answers.Length > 1 && i < monitored.Answers.Length; i++)
            {
                yield return monitored with { Answers = monitored.Answers.RemoveAt(i) };
            }

            foreach (Application application in ShrinkApplication(monitored.Application))
            {
                yield return monitored with { Application = application };
            }
        }
    }

    /// <summary>
    /// The leaves of generated rule trees, with codes <paramref name="code"/>: 0-2 assessor outcomes that
    /// require a judgement (pass, fail or undecided by the application's outcomes), 3 readiness within
    /// three years, 4 a statement of 1 to 500 words, 5 three years' experience.
    /// </summary>
    public static EligibilityRule Leaf(int criterion, string code) => criterion switch
    {
        0 => new AssessorOutcomeRule(code, "Moral purpose judged", AssessedCriterion.MoralPurpose, requireOutcome: true),
        1 => new AssessorOutcomeRule(code, "Experience judged", AssessedCriterion.Experience, requireOutcome: true),
        2 => new AssessorOutcomeRule(code, "Readiness judged", AssessedCriterion.Readiness, requireOutcome: true),
        3 => new ReadinessRule(code, "Ready within three years", Period.FromYears(3)),
        4 => new StatementRule(code, "A statement", 1, 500),
        _ => new ExperienceRule(code, "Three years", Period.FromYears(3), [LocalGovernment], PartTimeCounting.ProRata, actingCounts: true),
    };

    /// <summary>Rule-tree shapes of depth up to <paramref name="depth"/>, with up to three children under all and any.</summary>
    public static Gen<RuleShape> RuleShapeGen(int depth)
    {
        Gen<RuleShape> leaf = Gen.Choose(0, 5).Select(c => new RuleShape(RuleKind.Experience, c, []));
        if (depth <= 0)
        {
            return leaf;
        }

        Gen<RuleShape> child = RuleShapeGen(depth - 1);
        Gen<RuleShape> combined =
            from kind in Gen.Elements(RuleKind.All, RuleKind.Any, RuleKind.Not)
            from count in kind == RuleKind.Not ? Gen.Constant(1) : Gen.Choose(1, 3)
            from children in Gen.ArrayOf(child, count)
            select new RuleShape(kind, 0, [.. children]);
        return Gen.Frequency((2, leaf), (3, combined));
    }

    /// <summary>Simpler shapes: a child in place of its parent, a child dropped, or a child simplified.</summary>
    public static IEnumerable<RuleShape> ShrinkShape(RuleShape shape)
    {
        foreach (RuleShape child in shape.Children)
        {
            yield return child;
        }

        for (int i = 0; shape.Children.Length > 1 && i < shape.Children.Length; i++)
        {
            yield return shape with { Children = shape.Children.RemoveAt(i) };
        }

        for (int i = 0; i < shape.Children.Length; i++)
        {
            foreach (RuleShape simpler in ShrinkShape(shape.Children[i]))
            {
                yield return shape with { Children = shape.Children.SetItem(i, simpler) };
            }
        }

        if (shape.Children.IsEmpty && shape.Criterion > 0)
        {
            yield return shape with { Criterion = 0 };
        }
    }

    /// <summary>Two rule trees of depth up to three and an application; shrinks the trees and the application.</summary>
    public static Arbitrary<RuleTreesCase> RuleTrees()
    {
        Gen<RuleTreesCase> gen =
            from a in RuleShapeGen(3)
            from b in RuleShapeGen(3)
            from application in ApplicationGen()
            select new RuleTreesCase(a, b, application);
        return Arb.From(gen, Shrink);

        static IEnumerable<RuleTreesCase> Shrink(RuleTreesCase trees) =>
            ShrinkShape(trees.A).Select(a => trees with { A = a })
                .Concat(ShrinkShape(trees.B).Select(b => trees with { B = b }))
                .Concat(ShrinkApplication(trees.Application).Select(a => trees with { Application = a }));
    }

    /// <summary>
    /// One to three programme years from 2020/21, each covered by one to four policies laid end to end
    /// (each 2 to 400 days, the last sometimes open-ended), sharing an identifier with rising versions or
    /// each with its own; shuffled. Shrinks by dropping whole programme years.
    /// </summary>
    public static Arbitrary<PolicySequence> PolicySequences()
    {
        EligibilityRule rule = ThreeYears();
        Gen<ImmutableArray<EligibilityPolicy>> YearGen(int startYear) =>
            from startDay in Gen.Choose(0, 365)
            from count in Gen.Choose(1, 4)
            from lengths in Gen.ArrayOf(Gen.Choose(2, 400), count)
            from openEnd in Gen.Elements(false, true)
            from sharedId in Gen.Elements(false, true)
            select Year(startYear, new LocalDate(startYear - 1, 1, 1).PlusDays(startDay), lengths, openEnd, sharedId, rule);
        Gen<PolicySequence> gen =
            from years in Gen.Choose(1, 3)
            from policies in Gen.CollectToArray(Enumerable.Range(2020, years).Select(YearGen))
            from shuffled in Gen.Shuffle(policies.SelectMany(p => p))
            from probeDay in Gen.Choose(0, 365 * 6)
            from pick in Gen.Choose(0, 100)
            from shift in Gen.Choose(1, 500)
            select new PolicySequence([.. shuffled], new LocalDate(2018, 6, 1).PlusDays(probeDay), pick, shift);
        return Arb.From(gen, Shrink);

        static IEnumerable<PolicySequence> Shrink(PolicySequence sequence)
        {
            string[] years = [.. sequence.Policies.Select(p => p.ProgrammeYear).Distinct()];
            for (int i = 0; years.Length > 1 && i < years.Length; i++)
            {
                string dropped = years[i];
                yield return sequence with { Policies = [.. sequence.Policies.Where(p => p.ProgrammeYear != dropped)] };
            }

            foreach (int shift in Halvings(sequence.Shift - 1))
            {
                yield return sequence with { Shift = shift + 1 };
            }
        }
    }

    /// <summary>
    /// Start dates from 1900 to 2194 (so that three years and 400 days later stays within EligibilityDates.Range), a third of them on 28 or 29 February, 1 March or a month end, so
    /// that leap days and short months come up often; shrink towards 1 January 1900.
    /// </summary>
    public static Arbitrary<LocalDate> StartDates()
    {
        LocalDate first = new(1900, 1, 1);
        Gen<LocalDate> any = Gen.Choose(0, Period.DaysBetween(first, new LocalDate(2194, 12, 31))).Select(first.PlusDays);
        Gen<LocalDate> awkward =
            from year in Gen.Choose(1900, 2194)
            from month in Gen.Choose(1, 12)
            from kind in Gen.Choose(0, 3)
            select kind switch
            {
                0 => new LocalDate(year, 2, 28),
                1 => new LocalDate(year, 2, DateTime.IsLeapYear(year) ? 29 : 28),
                2 => new LocalDate(year, 3, 1),
                _ => new LocalDate(year, month, DateTime.DaysInMonth(year, month)),
            };
        return Arb.From(
            Gen.Frequency((2, any), (1, awkward)),
            date => Halvings(Period.DaysBetween(first, date)).Select(first.PlusDays));
    }

    /// <summary>
    /// Full-time qualifying roles that never overlap (one to six, laid out with gaps of 1 to 400 days from
    /// 2008, the last sometimes current), shuffled, with an as-of date from 2019 to 2023; shrinks by dropping roles.
    /// </summary>
    public static Arbitrary<(ImmutableArray<Role> Roles, LocalDate AsOf)> DisjointRoles()
    {
        Gen<(ImmutableArray<Role>, LocalDate)> gen =
            from count in Gen.Choose(1, 6)
            from gaps in Gen.ArrayOf(Gen.Choose(1, 400), count)
            from lengths in Gen.ArrayOf(Gen.Choose(1, 900), count)
            from current in Gen.Elements(false, true)
            from template in RoleGen(qualifyingOnly: true, partTime: false)
            from asOfDay in Gen.Choose(0, Period.DaysBetween(FirstAssessment, LastAssessment))
            let roles = Laid(template, gaps, lengths, current)
            from shuffled in Gen.Shuffle(roles)
            select (shuffled.ToImmutableArray(), FirstAssessment.PlusDays(asOfDay));
        return Arb.From(gen, pair => Enumerable.Range(0, pair.Item1.Length).Where(_ => pair.Item1.Length > 1).Select(i => (pair.Item1.RemoveAt(i), pair.Item2)));

        static Role[] Laid(Role template, int[] gaps, int[] lengths, bool current)
        {
            Role[] roles = new Role[gaps.Length];
            LocalDate start = EarliestStart;
            for (int i = 0; i < roles.Length; i++)
            {
                start = start.PlusDays(gaps[i]);
                LocalDate end = start.PlusDays(lengths[i] - 1);
                roles[i] = Copy(template, start, current && i == roles.Length - 1 ? null : end);
                start = end.PlusDays(1);
            }

            return roles;
        }
    }

    /// <summary>A copy of <paramref name="policy"/> with other effective dates.</summary>
    public static EligibilityPolicy WithDates(EligibilityPolicy policy, LocalDate from, LocalDate? to) =>
        new(policy.Id, policy.Version, policy.ProgrammeYear, from, to, policy.Title, policy.Rule, policy.Interpretation);

    private static ImmutableArray<EligibilityPolicy> Year(int startYear, LocalDate from, int[] lengths, bool openEnd, bool sharedId, EligibilityRule rule)
    {
        string programmeYear = ProgrammeYears.Format(startYear);
        ImmutableArray<EligibilityPolicy>.Builder policies = ImmutableArray.CreateBuilder<EligibilityPolicy>(lengths.Length);
        for (int i = 0; i < lengths.Length; i++)
        {
            LocalDate? to = openEnd && i == lengths.Length - 1 ? null : from.PlusDays(lengths[i] - 1);
            string id = sharedId ? $"policy-{startYear}" : $"policy-{startYear}-{i}";
            policies.Add(new EligibilityPolicy(id, sharedId ? i + 1 : 1, programmeYear, from, to, "Policy " + id, rule, []));
            from = from.PlusDays(lengths[i]);
        }

        return policies.MoveToImmutable();
    }

    private static Gen<string?> StatementGen() =>
        Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (1, Gen.Constant<string?>(" \n\t")),
            (8, from count in Gen.Frequency((9, Gen.Choose(1, 120)), (1, Gen.Choose(490, 520)))
                from words in Gen.ArrayOf(Gen.Elements(Words.AsEnumerable()), count)
                select (string?)string.Join(' ', words)));

    private static Gen<AssessorOutcomes?> AssessorOutcomesGen()
    {
        Gen<AssessorOutcome?> outcome = Gen.Elements<AssessorOutcome?>(null, AssessorOutcome.Met, AssessorOutcome.NotMet);
        return Gen.Frequency(
            (1, Gen.Constant<AssessorOutcomes?>(null)),
            (3, from moral in outcome
                from experience in outcome
                from readiness in outcome
                select (AssessorOutcomes?)new AssessorOutcomes(moral, experience, readiness)));
    }

    private static IEnumerable<int> Halvings(int n)
    {
        while (n > 0)
        {
            n /= 2;
            yield return n;
        }
    }
}
