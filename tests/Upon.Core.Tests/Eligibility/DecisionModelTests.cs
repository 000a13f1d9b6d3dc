using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// Deciding against a straightforward model. The policy decides in one pass that shares work between rules: the roles'
/// days are worked out once, a route that treats every role like the route before takes its experience, routes with
/// equal days share their calendar figures, the statement's words are counted a vector at a time, and role patterns are
/// sets of bits. The model does none of that: it evaluates each rule on its own through the public API, counts words by
/// splitting the text, and matches patterns by searching their lists, so a slip in any of the shortcuts shows.
/// </summary>
public sealed class DecisionModelTests
{
    private static readonly RolePattern Transferable = new(
        EligibilityGenerators.SeniorLevels,
        [OrganisationType.LocalAuthority, OrganisationType.ChildrensTrust, OrganisationType.NhsBody, OrganisationType.VoluntarySector],
        [Sector.ChildrensServices, Sector.Education, Sector.Health, Sector.VoluntaryAndCommunity]);

    /// <summary>
    /// Policies whose routes share work in every way and in none: the built-ins (Year 2's two routes often treat every role
    /// alike), routes that differ only in counting part time or acting roles, a route repeated, and a route under a not.
    /// </summary>
    private static readonly ImmutableArray<EligibilityPolicy> Policies =
    [
        .. EligibilityGenerators.Policies,
        BuiltInPolicies.Year2,
        EligibilityGenerators.PolicyOf(
            new AnyRule("routes", "Routes that count differently",
            [
                Route("pro-rata", PartTimeCounting.ProRata, actingCounts: true, EligibilityGenerators.LocalGovernment),
                Route("in-full", PartTimeCounting.Full, actingCounts: true, EligibilityGenerators.LocalGovernment),
                Route("no-acting", PartTimeCounting.ProRata, actingCounts: false, EligibilityGenerators.LocalGovernment),
                Route("wider", PartTimeCounting.ProRata, actingCounts: true, EligibilityGenerators.LocalGovernment, Transferable),
            ]),
            "routes-differ"),
        EligibilityGenerators.PolicyOf(
            new AllRule("all", "The same route twice, a short one, and one negated",
            [
                Route("first", PartTimeCounting.ProRata, actingCounts: true, EligibilityGenerators.LocalGovernment),
                Route("again", PartTimeCounting.ProRata, actingCounts: true, EligibilityGenerators.LocalGovernment),
                new ExperienceRule("short", "Seven months", Period.FromMonths(7), [Transferable], PartTimeCounting.ProRata, actingCounts: true),
                new NotRule("not", "Not three years", Route("negated", PartTimeCounting.Full, actingCounts: true, Transferable)),
                new ReadinessRule("ready", "Ready within a year", Period.FromYears(1)),
                new StatementRule("statement", "Twenty to sixty words", 20, 60),
            ]),
            "routes-repeated"),
    ];

    [Property]
    public Property Decide_GivesTheResultsEachRuleGivesOnItsOwn() =>
        Prop.ForAll(Cases(), @case =>
        {
            (EligibilityPolicy policy, Application application, LocalDate asOf) = @case;
            EligibilityDecision decision = policy.Decide(application, asOf);
            CriterionResult model = Model(policy.Rule, application, asOf);

            Assert.Equal(model, decision.Explanation);
            Assert.Equal(model.ToText(), decision.Explanation.ToText());
            Assert.Equal(EligibilityDecision.From(model.Outcome), decision.Outcome);
        });

    [Property]
    public Property CountWords_IsTheNumberOfPiecesBetweenWhiteSpace() =>
        Prop.ForAll(Texts(), text => Assert.Equal(ModelWords(text), StatementRule.CountWords(text)));

    [Property]
    public Property CountWordsUtf8_CountsTheUtf8FormAsCountWordsCountsTheText() =>
        Prop.ForAll(TextsWithPairs(), text =>
        {
            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);
            Assert.Equal(ModelWords(text), StatementRule.CountWordsUtf8(utf8));
            Assert.Equal(StatementRule.CountWords(text), StatementRule.CountWordsUtf8(utf8));
        });

    [Property]
    public Property CountWordsUtf8_OfBytesThatAreNotUtf8_CountsAsTheirDecodedText() =>
        Prop.ForAll(Utf8Bytes(), bytes =>
            Assert.Equal(StatementRule.CountWords(System.Text.Encoding.UTF8.GetString(bytes)), StatementRule.CountWordsUtf8(bytes)));

    [Theory]
    [InlineData(0)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(65)]
    public void CountWordsUtf8_AcrossBlockEdges_CountsAWordOrARuneSplitAtTheEdgeOnce(int at)
    {
        // Multi-byte white space (a no-break space, an em space, an ideographic space) and a surrogate pair placed so
        // that blocks of 16 and 32 bytes end inside them at some offset.
        string text = new string(' ', at) + "abc\u3000d\u00A0e" + new string(' ', 13) + "\U0001F600" + new string('x', 20) + " \u2003f\u2003";
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);

        Assert.Equal(StatementRule.CountWords(text), StatementRule.CountWordsUtf8(utf8));
        Assert.Equal(5, StatementRule.CountWordsUtf8(utf8));
    }

    [Property]
    public Property Exclusion_IsWhatSearchingThePatternsGives() =>
        Prop.ForAll(RulesAndRoles(), pair =>
        {
            (ExperienceRule rule, Role role) = pair;
            Assert.Equal(ModelExclusion(rule, role), rule.Exclusion(role));
        });

    [Property]
    public Property PartTimeWeight_IsTheFractionInThousandthsRoundedToEven_AtLeastOne() =>
        Prop.ForAll(Fractions(), fraction =>
            Assert.Equal(Math.Max(1, (int)Math.Round(fraction * 1000m, MidpointRounding.ToEven)), EffectiveExperience.PartTimeWeight(fraction)));

    [Theory]
    [InlineData("1", 1000)]
    [InlineData("1.000000", 1000)]
    [InlineData("0.8", 800)]
    [InlineData("0.800", 800)]
    [InlineData("0.001", 1)]
    [InlineData("0.0005", 1)]
    [InlineData("0.0015", 2)]
    [InlineData("0.0025", 2)]
    [InlineData("0.6666666666666666666666666667", 667)]
    public void PartTimeWeight_OfExamples(string fraction, int thousandths) =>
        Assert.Equal(thousandths, EffectiveExperience.PartTimeWeight(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void RoleEnums_HaveValuesFrom0To63_SoThatPatternsFitInBits()
    {
        // ExperienceRule keeps each pattern as one bit per value of a 64-bit word.
        Assert.All(Enum.GetValues<RoleLevel>(), v => Assert.InRange((int)v, 0, 63));
        Assert.All(Enum.GetValues<OrganisationType>(), v => Assert.InRange((int)v, 0, 63));
        Assert.All(Enum.GetValues<Sector>(), v => Assert.InRange((int)v, 0, 63));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(65)]
    public void CountWords_AcrossBlockEdges_CountsAWordSplitAtTheEdgeOnce(int at)
    {
        // A word that runs over the edge of a block of characters read together, and one that starts just after it.
        string text = new string(' ', at) + "abc" + new string(' ', 30) + "d\u00A0e" + new string('x', 40) + " \u2003f";

        Assert.Equal(ModelWords(text), StatementRule.CountWords(text));
        Assert.Equal(4, StatementRule.CountWords(text));
    }

    private static ExperienceRule Route(string code, PartTimeCounting partTime, bool actingCounts, params RolePattern[] patterns) =>
        new(code, "Three years: " + code, Period.FromYears(3), patterns, partTime, actingCounts);

    /// <summary>A policy, an application and a date to decide it as of: its assessment date, or up to three years either side.</summary>
    private static Arbitrary<(EligibilityPolicy Policy, Application Application, LocalDate AsOf)> Cases()
    {
        Gen<(EligibilityPolicy, Application, LocalDate)> gen =
            from policy in Gen.Elements(Policies.AsEnumerable())
            from application in EligibilityGenerators.ApplicationGen()
            from shift in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(-1100, 1100)))
            select (policy, application, application.AssessedOn.PlusDays(shift));
        return Arb.From(gen, c => EligibilityGenerators.ShrinkApplication(c.Item2).Select(a => (c.Item1, a, c.Item3)));
    }

    /// <summary>
    /// Texts of up to 300 characters, mostly ASCII letters and spaces (so that whole blocks are read together), with
    /// every ASCII white space, Unicode white space, and characters above ASCII that are not white space.
    /// </summary>
    private static Arbitrary<string> Texts()
    {
        Gen<char> ascii = Gen.Elements('a', 'b', 'Z', '0', '.', '-', '~', ' ', ' ', '\t', '\n', '\v', '\f', '\r', '\x1F', '\x7F', '\0');
        Gen<char> wide = Gen.Elements('\u0085', '\u00A0', '\u1680', '\u2000', '\u2009', '\u200A', '\u200B', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000', '\uFEFF', 'é', '—', '\u0080', '\u0100');
        Gen<char> character = Gen.Frequency((30, ascii), (1, wide));
        Gen<string> gen =
            from length in Gen.Choose(0, 300)
            from chars in Gen.ArrayOf(character, length)
            select new string(chars);
        return Arb.From(gen, text => Enumerable.Range(0, Math.Min(text.Length, 40)).Select(i => text.Remove(i * text.Length / Math.Min(text.Length, 40), 1)));
    }

    /// <summary>Texts as <see cref="Texts"/> makes them, with characters outside the Basic Multilingual Plane (surrogate pairs) and lone surrogates among them.</summary>
    private static Arbitrary<string> TextsWithPairs()
    {
        Gen<string> piece = Gen.Frequency(
            (20, Gen.Elements("a", "Z", "0", " ", " ", "\t", "\n", "\r", "\v", "\f", "\x1F", "\0")),
            (2, Gen.Elements("\u0085", "\u00A0", "\u1680", "\u2000", "\u2028", "\u3000", "\uFEFF", "é", "—", "\u0080", "\u07FF", "\u0800")),
            (1, Gen.Elements("\U0001F600", "\U00010000", "\U0010FFFF", "\uD800", "\uDFFF")));
        Gen<string> gen =
            from length in Gen.Choose(0, 200)
            from pieces in Gen.ArrayOf(piece, length)
            select string.Concat(pieces);
        return Arb.From(gen);
    }

    /// <summary>Bytes of ASCII letters and white space among bytes of 0x80 and up, in any order: mostly not UTF-8.</summary>
    private static Arbitrary<byte[]> Utf8Bytes()
    {
        Gen<byte> ascii = Gen.Elements((byte)'a', (byte)'Q', (byte)' ', (byte)'\t', (byte)'\n', (byte)'\r', (byte)0x0B, (byte)0x0C, (byte)0x1F, (byte)0x7F);
        Gen<byte> high = Gen.Choose(0x80, 0xFF).Select(b => (byte)b);
        Gen<byte[]> gen =
            from length in Gen.Choose(0, 200)
            from bytes in Gen.ArrayOf(Gen.Frequency((4, ascii), (1, high)), length)
            select bytes;
        return Arb.From(gen);
    }

    /// <summary>Part-time fractions above 0 and at most 1, with 0 to 12 decimal places, trailing zeros included.</summary>
    private static Arbitrary<decimal> Fractions()
    {
        Gen<decimal> gen =
            from places in Gen.Choose(0, 12)
            from digits in Gen.Choose(1, (int)Math.Pow(10, Math.Min(places, 9)))
            let unit = new decimal(1, 0, 0, isNegative: false, scale: (byte)places)
            let fraction = Math.Min(1m, digits * unit)
            select fraction;
        return Arb.From(gen);
    }

    private static Arbitrary<(ExperienceRule Rule, Role Role)> RulesAndRoles()
    {
        Gen<RolePattern> pattern =
            from levels in Gen.SubListOf(Enum.GetValues<RoleLevel>())
            from types in Gen.SubListOf(Enum.GetValues<OrganisationType>())
            from sectors in Gen.SubListOf(Enum.GetValues<Sector>())
            where levels.Count > 0 && types.Count > 0 && sectors.Count > 0
            select new RolePattern(levels, types, sectors);
        Gen<(ExperienceRule, Role)> gen =
            from count in Gen.Choose(1, 3)
            from patterns in Gen.ArrayOf(pattern, count)
            from acting in Gen.Elements(false, true)
            from role in EligibilityGenerators.RoleGen()
            select (new ExperienceRule("experience", "Experience", Period.FromYears(3), patterns, PartTimeCounting.ProRata, acting), role);
        return Arb.From(gen);
    }

    /// <summary>The result of <paramref name="rule"/>, each rule evaluated on its own as the published criteria say.</summary>
    private static CriterionResult Model(EligibilityRule rule, Application application, LocalDate asOf)
    {
        switch (rule)
        {
            case AllRule or AnyRule:
                bool all = rule is AllRule;
                ImmutableArray<CriterionResult> results = [.. rule.Rules.Select(r => Model(r, application, asOf))];
                CriterionOutcome decisive = all ? CriterionOutcome.Fail : CriterionOutcome.Pass;
                CriterionOutcome outcome = results.Any(r => r.Outcome == decisive) ? decisive
                    : results.Any(r => r.Outcome == CriterionOutcome.Undecided) ? CriterionOutcome.Undecided
                    : all ? CriterionOutcome.Pass : CriterionOutcome.Fail;
                string combined = outcome switch
                {
                    CriterionOutcome.Pass => all ? ReasonCodes.AllPassed : ReasonCodes.AnyPassed,
                    CriterionOutcome.Fail => all ? ReasonCodes.AllFailed : ReasonCodes.AnyFailed,
                    _ => all ? ReasonCodes.AllUndecided : ReasonCodes.AnyUndecided,
                };
                return new CriterionResult(rule.Code, rule.Title, rule.Kind, outcome, combined) { Results = results };
            case NotRule not:
                CriterionResult inner = Model(not.Rule, application, asOf);
                CriterionOutcome negated = inner.Outcome switch
                {
                    CriterionOutcome.Pass => CriterionOutcome.Fail,
                    CriterionOutcome.Fail => CriterionOutcome.Pass,
                    _ => CriterionOutcome.Undecided,
                };
                string reason = negated switch
                {
                    CriterionOutcome.Pass => ReasonCodes.NotPassed,
                    CriterionOutcome.Fail => ReasonCodes.NotFailed,
                    _ => ReasonCodes.NotUndecided,
                };
                return new CriterionResult(rule.Code, rule.Title, RuleKind.Not, negated, reason) { Results = [inner] };
            case ExperienceRule experienceRule:
                EffectiveExperience experience = EffectiveExperience.Measure(application.Roles, asOf, experienceRule.Exclusion, experienceRule.PartTime);
                bool met = experience.Meets(experienceRule.Minimum);
                return new CriterionResult(
                    rule.Code,
                    rule.Title,
                    RuleKind.Experience,
                    met ? CriterionOutcome.Pass : CriterionOutcome.Fail,
                    met ? ReasonCodes.ExperienceSufficient : ReasonCodes.ExperienceInsufficient)
                {
                    Measured = experience.Period,
                    Required = experienceRule.Minimum,
                    Difference = experience.Shortfall(experienceRule.Minimum),
                    MetOn = experience.MetOn(experienceRule.Minimum),
                    Experience = experience,
                };
            case ReadinessRule readiness:
                return ModelReadiness(readiness, application.ReadyBy, asOf);
            case StatementRule statement:
                int words = ModelWords(application.MoralPurposeStatement);
                (CriterionOutcome said, string why) =
                    words == 0 ? (CriterionOutcome.Undecided, ReasonCodes.StatementMissing)
                    : words < statement.MinimumWords ? (CriterionOutcome.Fail, ReasonCodes.StatementTooShort)
                    : words > statement.MaximumWords ? (CriterionOutcome.Fail, ReasonCodes.StatementTooLong)
                    : (CriterionOutcome.Pass, ReasonCodes.StatementPresent);
                return new CriterionResult(rule.Code, rule.Title, RuleKind.Statement, said, why)
                {
                    Words = words,
                    MinimumWords = statement.MinimumWords,
                    MaximumWords = statement.MaximumWords,
                };
            case AssessorOutcomeRule assessor:
                (CriterionOutcome judged, string judgement) = assessor.OutcomeIn(application.AssessorOutcomes) switch
                {
                    AssessorOutcome.Met => (CriterionOutcome.Pass, ReasonCodes.AssessorMet),
                    AssessorOutcome.NotMet => (CriterionOutcome.Fail, ReasonCodes.AssessorNotMet),
                    _ => assessor.RequireOutcome ? (CriterionOutcome.Undecided, ReasonCodes.AssessorPending) : (CriterionOutcome.Pass, ReasonCodes.AssessorNotYetAssessed),
                };
                return new CriterionResult(rule.Code, rule.Title, RuleKind.AssessorOutcome, judged, judgement);
            default:
                throw new InvalidOperationException("A rule the model does not know.");
        }
    }

    private static CriterionResult ModelReadiness(ReadinessRule rule, LocalDate? readyBy, LocalDate asOf)
    {
        if (readyBy is not LocalDate ready)
        {
            return new CriterionResult(rule.Code, rule.Title, RuleKind.Readiness, CriterionOutcome.Undecided, ReasonCodes.ReadinessMissing) { Required = rule.Within };
        }

        LocalDate limit = asOf.Plus(rule.Within);
        bool within = ready <= limit;
        return new CriterionResult(
            rule.Code,
            rule.Title,
            RuleKind.Readiness,
            within ? CriterionOutcome.Pass : CriterionOutcome.Fail,
            within ? ReasonCodes.ReadinessWithinWindow : ReasonCodes.ReadinessBeyondWindow)
        {
            Measured = ready <= asOf ? Period.Zero : Period.Between(asOf, ready, PeriodUnits.YearMonthDay),
            Required = rule.Within,
            Difference = within ? Period.Zero : Period.Between(limit, ready, PeriodUnits.YearMonthDay),
        };
    }

    /// <summary>Words as <see cref="string.Split(char[], StringSplitOptions)"/> finds them: split at every white space character.</summary>
    private static int ModelWords(string? text) =>
        text is null ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Acting roles first, then a pattern that holds the role's level, organisation type and sector, searched in lists.</summary>
    private static string? ModelExclusion(ExperienceRule rule, Role role)
    {
        if (role.IsActing && !rule.ActingCounts)
        {
            return ReasonCodes.RoleActingNotCounted;
        }

        IEnumerable<RolePattern> atLevel = rule.QualifyingRoles.Where(p => p.Levels.Contains(role.Level));
        if (!atLevel.Any())
        {
            return ReasonCodes.RoleLevelNotQualifying;
        }

        return atLevel.Any(p => p.OrganisationTypes.Contains(role.OrganisationType) && p.Sectors.Contains(role.Sector))
            ? null
            : ReasonCodes.RoleSectorNotQualifying;
    }
}
