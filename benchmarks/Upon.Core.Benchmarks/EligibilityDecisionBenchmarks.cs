using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Benchmarks;

/// <summary>
/// Deciding applications with the full explanation (issue 13's target: under 1 µs mean each on the varied corpus).
/// The headline is <see cref="DecideDistinctApplications"/>: the 10,000 distinct applications of
/// <see cref="Upon.Core.Testing.ApplicationCorpus"/>, read beforehand, decided one after another, each by the built-in
/// policy that governs it; the figure is per decision. The baseline is the old headline, one five-role application
/// decided again and again, which caches flatter: the ratio says by how much.
/// </summary>
[MemoryDiagnoser]
public class EligibilityDecisionBenchmarks
{
    private const int Count = Corpora.ApplicationCount;

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

    /// <summary>The corpus read back through <see cref="ApplicationDocument"/>, as a service would hold it.</summary>
    private static readonly Application[] Applications = ReadCorpus();

    /// <summary>The policy that governs each application on its assessment date.</summary>
    private static readonly EligibilityPolicy[] Policies = [.. Applications.Select(a => PolicyRegistry.BuiltIn.Find(a.ProgrammeYear, a.AssessedOn)!)];

    /// <summary>The baseline, one application repeated: the five-role application under Year 2 (two experience routes), decided again and again.</summary>
    [Benchmark(Baseline = true)]
    public EligibilityDecision DecideOneApplicationRepeated() => BuiltInPolicies.Year2.Decide(Typical);

    /// <summary>Decides the 10,000 distinct applications in turn, each with its full explanation; the figure is per decision.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int DecideDistinctApplications()
    {
        int eligible = 0;
        Application[] applications = Applications;
        EligibilityPolicy[] policies = Policies;
        for (int i = 0; i < applications.Length; i++)
        {
            eligible += policies[i].Decide(applications[i]).IsEligible ? 1 : 0;
        }

        return eligible;
    }

    private static Role Role(RoleLevel level, OrganisationType type, Sector sector, LocalDate start, LocalDate? end, decimal? fraction = null) =>
        new("Title", "Organisation", type, sector, level, start, end, fraction);

    private static Application[] ReadCorpus()
    {
        byte[] bytes = Corpora.ApplicationJsonLines;
        ImmutableArray<(int Start, int Length)> lines = Corpora.Lines(bytes);
        Application[] applications = [.. lines.Select(l => ApplicationDocument.Parse(Encoding.UTF8.GetString(bytes, l.Start, l.Length)).GetValueOrThrow().Application)];
        if (applications.Length != Count)
        {
            throw new InvalidOperationException("The corpus does not have the expected number of applications.");
        }

        return applications;
    }
}
