using System.IO;
using System.Text;
using Upon.Core.Eligibility;

namespace Upon.Core.Testing;

/// <summary>
/// Generators for the eligibility document tests: applications (with equality-monitoring answers),
/// random rule trees and policies, and the text helpers that write them as JSON.
/// </summary>
public static class EligibilityDocumentGenerators
{
    /// <summary>The earliest date generated for roles and assessments.</summary>
    public static readonly LocalDate Earliest = new(1995, 1, 1);

    /// <summary>The latest date generated for roles and assessments.</summary>
    public static readonly LocalDate Latest = new(2030, 12, 31);

    // Pieces of text that JSON must escape, that take several UTF-8 bytes, or that are plain.
    private static readonly string[] Pieces =
        ["a", "Z", "7", " ", "  ", "\"", "\\", "/", "\n", "\r", "\t", "\u0001", "\u001f", "é", "ß", "’", "😀", "<", ">", "&", "'", "+", "{", "}", "[", "]", ":", ",", "null", "Director"];

    private static readonly char[] SecretAlphabet = "QXJZqxjz0123456789".ToCharArray();

    /// <summary>Free text, possibly empty, with characters JSON must escape and multi-byte characters.</summary>
    public static Gen<string> Text(int maxPieces = 8) =>
        from n in Gen.Choose(0, maxPieces)
        from parts in Gen.ArrayOf(Gen.Elements(Pieces), n)
        select string.Concat(parts);

    /// <summary>Free text that is not empty or white space.</summary>
    public static Gen<string> NonBlankText(int maxPieces = 8) =>
        from lead in Gen.Elements("A", "x", "9", "é", "😀", "Ö", "\"", "\\")
        from rest in Text(maxPieces)
        select lead + rest;

    /// <summary>
    /// A value that could not appear in a message by chance: 12 to 16 characters of an alphabet that
    /// forms no English word ("Q", "X", "J", "Z" and digits).
    /// </summary>
    public static Gen<string> Secret() =>
        from n in Gen.Choose(12, 16)
        from chars in Gen.ArrayOf(Gen.Elements(SecretAlphabet), n)
        select "Q" + new string(chars);

    /// <summary>Dates from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static Gen<LocalDate> Dates(LocalDate start, LocalDate end) =>
        Gen.Choose(0, Period.DaysBetween(start, end)).Select(start.PlusDays);

    /// <summary>Programme years from 1995/96 to 2029/30.</summary>
    public static Gen<string> ProgrammeYears() => Gen.Choose(1995, 2029).Select(Upon.Core.Eligibility.ProgrammeYears.Format);

    /// <summary>Roles with any organisation type, sector, level, dates, part-time fraction and acting flag.</summary>
    public static Gen<Role> Roles(Gen<string> title, Gen<string> organisation) =>
        from t in title
        from o in organisation
        from type in Gen.Elements(System.Enum.GetValues<OrganisationType>())
        from sector in Gen.Elements(System.Enum.GetValues<Sector>())
        from level in Gen.Elements(System.Enum.GetValues<RoleLevel>())
        from start in Dates(Earliest, Latest)
        from length in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Constant<int?>(0)), (4, Gen.Choose(1, 4000).Select(d => (int?)d)))
        from fraction in Gen.Frequency((3, Gen.Constant<decimal?>(null)), (1, Gen.Constant<decimal?>(1m)), (2, Gen.Choose(1, 1000).Select(n => (decimal?)(n / 1000m))))
        from acting in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Role(t, o, type, sector, level, start, length is int days ? start.PlusDays(days) : null, fraction, acting);

    /// <summary>Roles with random free text.</summary>
    public static Gen<Role> Roles() => Roles(NonBlankText(), NonBlankText());

    /// <summary>Equality-monitoring answers, each present or not.</summary>
    public static Gen<EqualityMonitoring> Monitoring(Gen<string> answer)
    {
        Gen<string?> optional = Gen.Frequency((1, Gen.Constant<string?>(null)), (2, answer.Select(a => (string?)a)));
        return
            from ethnicity in optional
            from disability in optional
            from sex in optional
            from age in optional
            from religion in optional
            from orientation in optional
            select new EqualityMonitoring(ethnicity, disability, sex, age, religion, orientation);
    }

    /// <summary>Applications built from the given text generators (free text may then be checked for in messages).</summary>
    public static Gen<Application> Applications(Gen<string> id, Gen<string> text, Gen<string> statement, int maxRoles = 5)
    {
        Gen<AssessorOutcome?> outcome = Gen.Elements<AssessorOutcome?>(null, AssessorOutcome.Met, AssessorOutcome.NotMet);
        Gen<AssessorOutcomes?> outcomes = Gen.Frequency(
            (1, Gen.Constant<AssessorOutcomes?>(null)),
            (2, from m in outcome from e in outcome from r in outcome select (AssessorOutcomes?)new AssessorOutcomes(m, e, r)));
        Gen<Sponsor?> sponsor = Gen.Frequency(
            (1, Gen.Constant<Sponsor?>(null)),
            (1, from n in text from r in text from o in text select (Sponsor?)new Sponsor(n, r, o)));
        return
            from i in id
            from year in ProgrammeYears()
            from assessedOn in Dates(Earliest, Latest)
            from count in Gen.Choose(0, maxRoles)
            from roles in Gen.ArrayOf(Roles(text, text), count)
            from readyBy in Gen.Frequency((1, Gen.Constant<LocalDate?>(null)), (3, Dates(Earliest, Latest.PlusYears(5)).Select(d => (LocalDate?)d)))
            from s in Gen.Frequency((1, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>(string.Empty)), (4, statement.Select(t => (string?)t)))
            from sp in sponsor
            from ao in outcomes
            select new Application(i, year, assessedOn, roles, readyBy, s, sp, ao);
    }

    /// <summary>Applications with random free text.</summary>
    public static Gen<Application> Applications() => Applications(NonBlankText(), NonBlankText(), Text(40));

    /// <summary>Submissions: an application and, or not, equality-monitoring answers.</summary>
    public static Gen<ApplicationSubmission> Submissions() =>
        from application in Applications()
        from monitoring in Gen.Frequency((1, Gen.Constant<EqualityMonitoring?>(null)), (2, Monitoring(NonBlankText()).Select(m => (EqualityMonitoring?)m)))
        select new ApplicationSubmission(application, monitoring);

    /// <summary>Non-negative date periods of years, months, weeks and days.</summary>
    public static Gen<Period> DatePeriods() =>
        from years in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 10)))
        from months in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(0, 30)))
        from weeks in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(0, 10)))
        from days in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(0, 400)))
        select new PeriodBuilder { Years = years, Months = months, Weeks = weeks, Days = days }.Build();

    /// <summary>Role patterns of random, possibly repeated, values.</summary>
    public static Gen<RolePattern> RolePatterns() =>
        from levels in SomeOf(System.Enum.GetValues<RoleLevel>())
        from types in SomeOf(System.Enum.GetValues<OrganisationType>())
        from sectors in SomeOf(System.Enum.GetValues<Sector>())
        select new RolePattern(levels, types, sectors);

    /// <summary>Rule trees of every kind, nested up to <paramref name="depth"/> levels of all, any and not, with unique codes.</summary>
    public static Gen<EligibilityRule> Rules(int depth = 3) => RuleTree(depth).Select(rule => Renumber(rule, new Counter()));

    /// <summary>Policies with random rule trees, dates, versions and interpretation sentences.</summary>
    public static Gen<EligibilityPolicy> Policies() =>
        from id in NonBlankText(4)
        from version in Gen.Frequency((3, Gen.Choose(1, 10)), (1, Gen.Elements(int.MaxValue)))
        from year in ProgrammeYears()
        from effectiveFrom in Dates(Earliest, Latest)
        from length in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 1000).Select(d => (int?)d)))
        from title in NonBlankText()
        from rule in Rules()
        from count in Gen.Choose(0, 4)
        from interpretation in Gen.ArrayOf(Text(12), count)
        select new EligibilityPolicy(id, version, year, effectiveFrom, length is int days ? effectiveFrom.PlusDays(days) : null, title, rule, interpretation);

    /// <summary>
    /// Decisions of generated applications by a built-in or a generated policy, as of the application's assessment
    /// date or another date from <see cref="Earliest"/> to <see cref="Latest"/>: every outcome, explanation kind and figure.
    /// </summary>
    public static Gen<EligibilityDecision> Decisions() =>
        from application in Applications()
        from policy in Gen.OneOf(Gen.Elements(BuiltInPolicies.All.ToArray()), Policies())
        from asOf in Gen.Frequency((1, Gen.Constant<LocalDate?>(null)), (1, Dates(Earliest, Latest).Select(d => (LocalDate?)d)))
        select asOf is LocalDate date ? policy.Decide(application, date) : policy.Decide(application);

    /// <summary>Writes an application document as compact UTF-8 JSON text.</summary>
    public static string Json(Application application, EqualityMonitoring? monitoring = null)
    {
        using MemoryStream stream = new();
        ApplicationDocument.Write(stream, application, monitoring);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes one policy document as compact UTF-8 JSON text.</summary>
    public static string Json(EligibilityPolicy policy)
    {
        using MemoryStream stream = new();
        PolicyDocument.Write(stream, [policy]);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes one decision document as compact UTF-8 JSON text.</summary>
    public static string Json(EligibilityDecision decision)
    {
        using MemoryStream stream = new();
        DecisionDocument.Write(stream, decision);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Gen<T[]> SomeOf<T>(T[] values) =>
        from n in Gen.Choose(1, values.Length + 2)
        from chosen in Gen.ArrayOf(Gen.Elements(values), n)
        select chosen;

    private static Gen<EligibilityRule> RuleTree(int depth)
    {
        Gen<string> title = NonBlankText(4);
        Gen<EligibilityRule> experience =
            from t in title
            from minimum in DatePeriods()
            from count in Gen.Choose(1, 3)
            from patterns in Gen.ArrayOf(RolePatterns(), count)
            from partTime in Gen.Elements(PartTimeCounting.ProRata, PartTimeCounting.Full)
            from acting in Gen.Elements(true, false)
            select (EligibilityRule)new ExperienceRule("x", t, minimum, patterns, partTime, acting);
        Gen<EligibilityRule> readiness =
            from t in title
            from within in DatePeriods()
            select (EligibilityRule)new ReadinessRule("x", t, within);
        Gen<EligibilityRule> statement =
            from t in title
            from min in Gen.Choose(1, 600)
            from extra in Gen.Choose(0, 600)
            select (EligibilityRule)new StatementRule("x", t, min, min + extra);
        Gen<EligibilityRule> assessor =
            from t in title
            from criterion in Gen.Elements(System.Enum.GetValues<AssessedCriterion>())
            from require in Gen.Elements(true, false)
            select (EligibilityRule)new AssessorOutcomeRule("x", t, criterion, require);
        Gen<EligibilityRule> leaf = Gen.OneOf(experience, readiness, statement, assessor);
        if (depth == 0)
        {
            return leaf;
        }

        Gen<EligibilityRule> child = RuleTree(depth - 1);
        Gen<EligibilityRule> all =
            from t in title
            from n in Gen.Choose(1, 3)
            from children in Gen.ArrayOf(child, n)
            select (EligibilityRule)new AllRule("x", t, children);
        Gen<EligibilityRule> any =
            from t in title
            from n in Gen.Choose(1, 3)
            from children in Gen.ArrayOf(child, n)
            select (EligibilityRule)new AnyRule("x", t, children);
        Gen<EligibilityRule> not =
            from t in title
            from inner in child
            select (EligibilityRule)new NotRule("x", t, inner);
        return Gen.Frequency((3, leaf), (2, all), (2, any), (1, not));
    }

    /// <summary>Gives every rule of a tree a unique code, keeping everything else.</summary>
    private static EligibilityRule Renumber(EligibilityRule rule, Counter counter)
    {
        string code = $"{rule.Kind.ToString().ToLowerInvariant()}.{counter.Next()}";
        return rule switch
        {
            AllRule all => new AllRule(code, all.Title, all.Rules.Select(r => Renumber(r, counter)).ToImmutableArray()),
            AnyRule any => new AnyRule(code, any.Title, any.Rules.Select(r => Renumber(r, counter)).ToImmutableArray()),
            NotRule not => new NotRule(code, not.Title, Renumber(not.Rule, counter)),
            ExperienceRule e => new ExperienceRule(code, e.Title, e.Minimum, e.QualifyingRoles, e.PartTime, e.ActingCounts),
            ReadinessRule r => new ReadinessRule(code, r.Title, r.Within),
            StatementRule s => new StatementRule(code, s.Title, s.MinimumWords, s.MaximumWords),
            AssessorOutcomeRule a => new AssessorOutcomeRule(code, a.Title, a.Criterion, a.RequireOutcome),
            _ => throw new KeyNotFoundException(rule.GetType().Name),
        };
    }

    private sealed class Counter
    {
        private int next;

        public int Next() => next++;
    }
}
