using System;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// <see cref="DecisionFingerprint"/>: the canonical forms and hashes pinned to fixed values (a change to either is a change
/// of the documented form, which makes every recorded fingerprint look changed), its parts checked, and decisions that
/// compute it on first use without it taking part in their equality.
/// </summary>
public sealed class DecisionFingerprintTests
{
    /// <summary>The application of the golden tests; docs/eligibility.md shows its canonical form.</summary>
    internal static Application Golden { get; } = new(
        "G-001",
        "2021/22",
        new LocalDate(2021, 6, 1),
        [
            new Role("Head of Service \"Early Help\"", "Northshire", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.HeadOfService, new LocalDate(2016, 2, 29), new LocalDate(2019, 8, 31), partTimeFraction: 0.50m),
            new Role("Deputy Director", "NHS Trust", OrganisationType.NhsBody, Sector.Health, RoleLevel.DeputyDirector, new LocalDate(2019, 9, 1), isActing: true),
        ],
        readyBy: new LocalDate(2023, 9, 1),
        moralPurposeStatement: "Children first, always.",
        sponsor: new Sponsor("A sponsor", "Director", "Northshire"),
        assessorOutcomes: new AssessorOutcomes(MoralPurpose: AssessorOutcome.Met));

    internal const string GoldenCanonicalForm =
        """{"id":"G-001","programmeYear":"2021/22","assessedOn":"2021-06-01","roles":[{"organisationType":"localAuthority","sector":"childrensServices","level":"headOfService","start":"2016-02-29","end":"2019-08-31","partTimeFraction":0.5,"isActing":false},{"organisationType":"nhsBody","sector":"health","level":"deputyDirector","start":"2019-09-01","end":null,"partTimeFraction":null,"isActing":true}],"readyBy":"2023-09-01","statementWords":3,"assessorOutcomes":{"moralPurpose":"met","experience":null,"readiness":null}}""";

    internal const string GoldenApplicationHash = "bf223bc7e8391d9875be5f0437cd6f7c1cf0fcc58c93e71e81e5bed2116cd270";

    [Fact]
    public void CanonicalApplication_OfTheGoldenApplication_IsTheDocumentedText()
    {
        Assert.Equal(GoldenCanonicalForm, Encoding.UTF8.GetString(DecisionFingerprint.CanonicalApplication(Golden)));
    }

    [Fact]
    public void HashApplication_OfTheGoldenApplication_IsFixed()
    {
        Assert.Equal(GoldenApplicationHash, DecisionFingerprint.HashApplication(Golden));
        Assert.Equal(GoldenApplicationHash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(GoldenCanonicalForm))));
    }

    [Theory]
    [InlineData("aspirant-2020-21", "d3f73c7a9374c4caa825ae04b5956cc772132879d345256e6b01d8696538205e")]
    [InlineData("aspirant-2021-22", "7e3f9b5da72283b411742b550e997605ad78c03c4bd66bca0ceacbf495133448")]
    [InlineData("aspirant-2022-23", "27e568279eb3c621bb9298c7344477135c1ff1c5a03bab21423c55ca758280b1")]
    public void HashPolicy_OfEachBuiltInPolicy_IsFixed(string id, string hash)
    {
        EligibilityPolicy policy = BuiltInPolicies.All.Single(p => p.Id == id);

        Assert.Equal(hash, DecisionFingerprint.HashPolicy(policy));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(DecisionFingerprint.CanonicalPolicy(policy))), hash);
    }

    [Fact]
    public void Value_OfTheGoldenParts_IsTheDocumentedLengthPrefixedHash()
    {
        DecisionFingerprint fingerprint = new(GoldenApplicationHash, "aspirant-2021-22", 1, new string('a', 64), "0.3.0");

        byte[] expected = [.. Part("upon/decision-fingerprint/1"), .. Part(GoldenApplicationHash), .. Part("aspirant-2021-22"), .. Part("1"), .. Part(new string('a', 64))];
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(expected)), fingerprint.Value);
        Assert.Equal("9a6b484154e63012d9b9bbde0326f310961eb4d31119b41e993834d3a5d0c464", fingerprint.Value);

        static byte[] Part(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            return [(byte)(bytes.Length >> 24), (byte)(bytes.Length >> 16), (byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];
        }
    }

    [Fact]
    public void CanonicalApplication_EscapesOnlyQuotesBackslashesAndControlCharacters_AndWritesOtherTextAsUtf8()
    {
        Application application = new("id \"q\" \\ \t\n\u0001 é 😀 <&>", "2021/22", new LocalDate(2021, 6, 1), []);

        string canonical = Encoding.UTF8.GetString(DecisionFingerprint.CanonicalApplication(application));

        Assert.StartsWith("""{"id":"id \"q\" \\ \t\n\u0001 é 😀 <&>","programmeYear""", canonical, StringComparison.Ordinal);
        Assert.Contains("""
            "roles":[],"readyBy":null,"statementWords":0,"assessorOutcomes":{"moralPurpose":null,"experience":null,"readiness":null}}
            """, canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void CanonicalApplication_LeavesOutTitlesOrganisationsSponsorAndStatementText_ButCountsTheStatementsWords()
    {
        Application other = new(Golden.Id, Golden.ProgrammeYear, Golden.AssessedOn, Golden.Roles.Select(r => new Role("x", "y", r.OrganisationType, r.Sector, r.Level, r.Start, r.End, r.PartTimeFraction, r.IsActing)), Golden.ReadyBy, "Other, same count.", null, Golden.AssessorOutcomes);

        Assert.Equal(DecisionFingerprint.HashApplication(Golden), DecisionFingerprint.HashApplication(other));
        Assert.NotEqual(DecisionFingerprint.HashApplication(Golden), DecisionFingerprint.HashApplication(new Application(other.Id, other.ProgrammeYear, other.AssessedOn, other.Roles, other.ReadyBy, "Four words this time.", null, other.AssessorOutcomes)));
    }

    [Fact]
    public void CanonicalApplication_WritesNoAssessorOutcomesAndNoneGivenAlike_AndAFractionWhateverItsScale()
    {
        Application none = new("A", "2021/22", new LocalDate(2021, 6, 1), [Role(0.5m)]);
        Application empty = new("A", "2021/22", new LocalDate(2021, 6, 1), [Role(0.500m)], assessorOutcomes: new AssessorOutcomes());

        Assert.Equal(DecisionFingerprint.CanonicalApplication(none), DecisionFingerprint.CanonicalApplication(empty));
        Assert.NotEqual(DecisionFingerprint.HashApplication(none), DecisionFingerprint.HashApplication(new("A", "2021/22", new LocalDate(2021, 6, 1), [Role(1m)])));

        static Role Role(decimal fraction) => new("t", "o", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.Director, new LocalDate(2015, 1, 1), partTimeFraction: fraction);
    }

    [Fact]
    public void CanonicalApplication_LargerThanTheStackBuffer_IsWrittenWhole()
    {
        Role role = new("t", "o", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.Director, new LocalDate(2015, 1, 1));
        Application application = new(new string('x', 3000), "2021/22", new LocalDate(2021, 6, 1), Enumerable.Repeat(role, 40));

        string canonical = Encoding.UTF8.GetString(DecisionFingerprint.CanonicalApplication(application));

        Assert.StartsWith("{\"id\":\"" + new string('x', 3000) + "\",", canonical, StringComparison.Ordinal);
        Assert.Equal(40, canonical.Split("\"organisationType\"").Length - 1);
        Assert.EndsWith("}}", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_NamesThePolicy_HashesBothParts_AndThisLibrarysVersion()
    {
        DecisionFingerprint fingerprint = DecisionFingerprint.Of(Golden, BuiltInPolicies.Year2);

        Assert.Equal(GoldenApplicationHash, fingerprint.Application);
        Assert.Equal(("aspirant-2021-22", 1), (fingerprint.PolicyId, fingerprint.PolicyVersion));
        Assert.Equal(DecisionFingerprint.HashPolicy(BuiltInPolicies.Year2), fingerprint.PolicyContent);
        Assert.Equal(DecisionFingerprint.CurrentLibraryVersion, fingerprint.LibraryVersion);
        Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+", fingerprint.LibraryVersion);
        Assert.DoesNotContain('+', fingerprint.LibraryVersion);
        Assert.Equal(new DecisionFingerprint(fingerprint.Application, "aspirant-2021-22", 1, fingerprint.PolicyContent, "9.9.9").Value, fingerprint.Value);
    }

    [Fact]
    public void Value_ChangesWithEveryPartButTheLibraryVersion()
    {
        string a = new('a', 64), b = new('b', 64);
        DecisionFingerprint fingerprint = new(a, "p", 1, b, "1.0.0");

        Assert.NotEqual(fingerprint.Value, new DecisionFingerprint(b, "p", 1, b, "1.0.0").Value);
        Assert.NotEqual(fingerprint.Value, new DecisionFingerprint(a, "q", 1, b, "1.0.0").Value);
        Assert.NotEqual(fingerprint.Value, new DecisionFingerprint(a, "p", 2, b, "1.0.0").Value);
        Assert.NotEqual(fingerprint.Value, new DecisionFingerprint(a, "p", 1, a, "1.0.0").Value);
        Assert.Equal(fingerprint.Value, new DecisionFingerprint(a, "p", 1, b, "2.0.0").Value);
        Assert.NotEqual(fingerprint, new DecisionFingerprint(a, "p", 1, b, "2.0.0"));
        Assert.Equal(fingerprint, new DecisionFingerprint(a, "p", 1, b, "1.0.0"));
    }

    [Fact]
    public void Value_OfAPolicyIdentifierLongerThanTheStackBuffer_IsComputed()
    {
        string a = new('a', 64);
        DecisionFingerprint fingerprint = new(a, new string('p', 2000), 1, a, "1.0.0");

        Assert.True(DecisionFingerprint.IsHash(fingerprint.Value));
        Assert.NotEqual(fingerprint.Value, new DecisionFingerprint(a, new string('p', 1999), 1, a, "1.0.0").Value);
    }

    [Theory]
    [InlineData("application")]
    [InlineData("policyContent")]
    public void Constructor_AHashNotOf64LowercaseHexDigits_Throws(string parameter)
    {
        string good = new('0', 64);
        foreach (string bad in new[] { new string('0', 63), new string('A', 64), new string('g', 64), string.Empty })
        {
            ArgumentException thrown = Assert.Throws<ArgumentException>(() => parameter == "application"
                ? new DecisionFingerprint(bad, "p", 1, good, "1")
                : new DecisionFingerprint(good, "p", 1, bad, "1"));
            Assert.Equal(parameter, thrown.ParamName);
            Assert.StartsWith("A hash is 64 lowercase hexadecimal characters.", thrown.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Constructor_OtherBadParts_Throw()
    {
        string good = new('0', 64);

        Assert.Equal("application", Assert.Throws<ArgumentNullException>(() => new DecisionFingerprint(null!, "p", 1, good, "1")).ParamName);
        Assert.Equal("policyContent", Assert.Throws<ArgumentNullException>(() => new DecisionFingerprint(good, "p", 1, null!, "1")).ParamName);
        Assert.Equal("policyId", Assert.Throws<ArgumentException>(() => new DecisionFingerprint(good, " ", 1, good, "1")).ParamName);
        Assert.Equal("policyVersion", Assert.Throws<ArgumentOutOfRangeException>(() => new DecisionFingerprint(good, "p", 0, good, "1")).ParamName);
        Assert.Equal("libraryVersion", Assert.Throws<ArgumentException>(() => new DecisionFingerprint(good, "p", 1, good, "")).ParamName);
        Assert.Equal("application", Assert.Throws<ArgumentNullException>(() => DecisionFingerprint.Of(null!, BuiltInPolicies.Year2)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => DecisionFingerprint.Of(Golden, null!)).ParamName);
        Assert.Equal("application", Assert.Throws<ArgumentNullException>(() => DecisionFingerprint.HashApplication(null!)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => DecisionFingerprint.HashPolicy(null!)).ParamName);
    }

    [Fact]
    public void ToString_GivesTheValuePolicyAndLibraryVersion()
    {
        DecisionFingerprint fingerprint = new(new string('a', 64), "p", 2, new string('b', 64), "1.2.3");

        Assert.Equal($"{fingerprint.Value} (p v2, Upon.Core 1.2.3)", fingerprint.ToString());
    }

    [Fact]
    public void Decide_GivesAFingerprintOnFirstUse_TheSameEachTime_AndEqualToOf()
    {
        EligibilityDecision decision = BuiltInPolicies.Year2.Decide(Golden);

        DecisionFingerprint first = decision.Fingerprint!;

        Assert.Same(first, decision.Fingerprint);
        Assert.Equal(DecisionFingerprint.Of(Golden, BuiltInPolicies.Year2), first);
    }

    [Fact]
    public void DecisionEquality_IgnoresTheFingerprint()
    {
        EligibilityDecision decided = BuiltInPolicies.Year2.Decide(Golden);
        EligibilityDecision constructed = new(decided.ApplicationId, decided.Outcome, decided.PolicyId, decided.PolicyVersion, decided.AsOf, decided.Explanation, decided.EligibleFrom);
        EligibilityDecision other = constructed with { Fingerprint = new DecisionFingerprint(new string('c', 64), "x", 3, new string('d', 64), "0.0.1") };

        Assert.Null(constructed.Fingerprint);
        Assert.Equal(decided, constructed);
        Assert.Equal(decided, other);
        Assert.Equal(decided.GetHashCode(), constructed.GetHashCode());
        Assert.Equal(decided.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(decided, constructed with { AsOf = decided.AsOf.PlusDays(1) });
        Assert.NotEqual(decided, constructed with { Outcome = EligibilityOutcome.Incomplete });
        Assert.NotEqual(decided, constructed with { EligibleFrom = new LocalDate(2030, 1, 1) });
        Assert.NotEqual(decided, constructed with { PolicyVersion = 2 });
        Assert.False(decided.Equals(null));
    }

    [Fact]
    public void With_AFingerprint_ReplacesTheComputedOne_AndNullRemovesIt()
    {
        EligibilityDecision decided = BuiltInPolicies.Year2.Decide(Golden);
        DecisionFingerprint given = new(new string('c', 64), "aspirant-2021-22", 1, new string('d', 64), "0.0.1");

        Assert.Same(given, (decided with { Fingerprint = given }).Fingerprint);
        Assert.Null((decided with { Fingerprint = null }).Fingerprint);
        Assert.Equal(decided.Fingerprint, (decided with { Outcome = EligibilityOutcome.Incomplete }).Fingerprint);
    }

    [Fact]
    public void PolicyContentHash_IsComputedOncePerPolicyInstance()
    {
        EligibilityPolicy policy = BuiltInPolicies.Year2.WithEffectiveTo(BuiltInPolicies.Year2.EffectiveTo);

        Assert.Same(policy.ContentHash, policy.ContentHash);
        Assert.Equal(BuiltInPolicies.Year2.ContentHash, policy.ContentHash);
        Assert.NotEqual(BuiltInPolicies.Year2.ContentHash, BuiltInPolicies.Year2.WithEffectiveTo(new LocalDate(2022, 7, 31)).ContentHash);
    }
}
