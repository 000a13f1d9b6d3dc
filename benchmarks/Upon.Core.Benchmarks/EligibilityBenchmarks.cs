using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Benchmarks;

/// <summary>
/// Eligibility. Target (issue 3): effective experience over 1,000 roles in under 50 µs. Deciding applications is
/// measured on the varied corpus in <see cref="EligibilityDecisionBenchmarks"/>, and streaming JSON Lines to decisions in
/// <see cref="EligibilityStreamBenchmarks"/> (issue 13).
/// </summary>
[MemoryDiagnoser]
public class EligibilityBenchmarks
{
    private static readonly Role[] ThousandRoles = [.. Enumerable.Range(0, 1000).Select(i =>
        new Role("Title", "Organisation", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.AssistantDirector, new LocalDate(1990, 1, 1).PlusDays(i * 9), new LocalDate(1990, 1, 1).PlusDays((i * 9) + 20 + (i % 7))))];

    private static readonly ExperienceRule Route = (ExperienceRule)BuiltInPolicies.Year1.Rule.Rules[0];

    /// <summary>Effective experience over 1,000 roles.</summary>
    [Benchmark]
    public EffectiveExperience EffectiveExperience1000Roles() =>
        EffectiveExperience.Measure(ThousandRoles, new LocalDate(2021, 1, 1), Route.Exclusion, PartTimeCounting.ProRata);
}
