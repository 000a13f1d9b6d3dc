using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Benchmarks;

/// <summary>
/// Eligibility. Targets (issue 3): a compiled policy decides a typical application (5 roles) with its
/// full explanation in under 1 µs; effective experience over 1,000 roles in under 50 µs; streaming JSON
/// Lines to decisions at 100,000 applications a second or more on one core.
/// </summary>
[MemoryDiagnoser]
public class EligibilityBenchmarks
{
    private const int BatchSize = 10_000;

    private static readonly LocalDate AssessedOn = new(2021, 6, 1);
    private static readonly Application Typical = new(
        "A-001",
        "2021/22",
        AssessedOn,
        [
            Role(RoleLevel.ServiceManager, OrganisationType.LocalAuthority, Sector.ChildrensServices, new LocalDate(2010, 4, 1), new LocalDate(2014, 3, 31)),
            Role(RoleLevel.HeadOfService, OrganisationType.LocalAuthority, Sector.ChildrensServices, new LocalDate(2014, 4, 1), new LocalDate(2017, 8, 31)),
            Role(RoleLevel.DeputyDirector, OrganisationType.NhsBody, Sector.Health, new LocalDate(2017, 9, 1), new LocalDate(2019, 12, 31)),
            Role(RoleLevel.AssistantDirector, OrganisationType.LocalAuthority, Sector.Education, new LocalDate(2020, 1, 6), null, 0.8m),
            Role(RoleLevel.HeadOfService, OrganisationType.VoluntarySector, Sector.VoluntaryAndCommunity, new LocalDate(2019, 6, 1), new LocalDate(2020, 5, 31), 0.2m),
        ],
        new LocalDate(2023, 9, 1),
        "Every child deserves a champion.");

    private static readonly Role[] ThousandRoles = [.. Enumerable.Range(0, 1000).Select(i =>
        Role(RoleLevel.AssistantDirector, OrganisationType.LocalAuthority, Sector.ChildrensServices, new LocalDate(1990, 1, 1).PlusDays(i * 9), new LocalDate(1990, 1, 1).PlusDays((i * 9) + 20 + (i % 7))))];

    private static readonly ExperienceRule Route = (ExperienceRule)BuiltInPolicies.Year1.Rule.Rules[0];
    private static readonly EligibilityPolicy Policy = BuiltInPolicies.Year2;
    private static readonly EligibilityBatch Batch = new(PolicyRegistry.BuiltIn);
    private static readonly byte[] JsonLines = BuildJsonLines(BatchSize);

    /// <summary>Decides a five-role application under Year 2 (two experience routes), with the full explanation.</summary>
    [Benchmark]
    public EligibilityDecision DecideTypicalApplication() => Policy.Decide(Typical);

    /// <summary>Effective experience over 1,000 roles.</summary>
    [Benchmark]
    public EffectiveExperience EffectiveExperience1000Roles() =>
        EffectiveExperience.Measure(ThousandRoles, new LocalDate(2021, 1, 1), Route.Exclusion, PartTimeCounting.ProRata);

    /// <summary>Reads 10,000 applications from JSON Lines and decides them, streaming; the figure reported is per application.</summary>
    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int StreamJsonLinesToDecisions()
    {
        int decided = 0;
        using MemoryStream stream = new(JsonLines, writable: false);
        foreach (RecordResult<EligibilityDecision> item in Batch.Evaluate(stream, BatchFormat.JsonLines))
        {
            decided += item.IsValid ? 1 : 0;
        }

        return decided;
    }

    private static Role Role(RoleLevel level, OrganisationType type, Sector sector, LocalDate start, LocalDate? end, decimal? fraction = null) =>
        new("Title", "Organisation", type, sector, level, start, end, fraction);

    private static byte[] BuildJsonLines(int count)
    {
        using MemoryStream stream = new();
        for (int i = 0; i < count; i++)
        {
            Application application = new(
                "A-" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
                Typical.ProgrammeYear,
                Typical.AssessedOn.PlusDays(i % 200),
                Typical.Roles,
                Typical.ReadyBy,
                Typical.MoralPurposeStatement);
            using (Utf8JsonWriter writer = new(stream))
            {
                ApplicationDocument.Write(writer, application);
            }

            stream.WriteByte((byte)'\n');
        }

        return stream.ToArray();
    }
}
