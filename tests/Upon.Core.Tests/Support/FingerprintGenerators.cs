using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Support;

/// <summary>An application and a copy with one decision input changed, and which one.</summary>
/// <param name="Application">The application.</param>
/// <param name="Changed">The copy.</param>
/// <param name="Change">What was changed, for the failure message.</param>
public sealed record ChangedApplication(Application Application, Application Changed, string Change);

/// <summary>Generators for the fingerprint properties.</summary>
public static class FingerprintGenerators
{
    private const int Kinds = 16;

    /// <summary>Applications with one decision input changed: each input of the canonical form in turn.</summary>
    /// <returns>The arbitrary; shrinks the application's roles, keeping the change.</returns>
    public static Arbitrary<ChangedApplication> ChangedApplications()
    {
        Gen<ChangedApplication> gen =
            from application in EligibilityGenerators.ApplicationGen()
            from kind in Gen.Choose(0, Kinds - 1)
            from pick in Gen.Choose(0, 1000)
            select Change(application, kind, pick);
        return Arb.From(gen);
    }

    /// <summary>Changes one decision input of <paramref name="application"/>: the <paramref name="kind"/>th, of the role <paramref name="pick"/> picks.</summary>
    public static ChangedApplication Change(Application application, int kind, int pick)
    {
        ImmutableArray<Role> roles = application.Roles;
        if (kind >= 8 && roles.IsEmpty)
        {
            kind = 6;
        }

        int index = roles.IsEmpty ? 0 : pick % roles.Length;
        (Application changed, string change) = kind switch
        {
            0 => (With(application, id: application.Id + "x"), "id"),
            1 => (With(application, year: ProgrammeYears.Format(application.AssessedOn.Year + 1)), "programme year"),
            2 => (With(application, assessedOn: application.AssessedOn.PlusDays(1)), "assessment date"),
            3 => (With(application, readyBy: application.ReadyBy is LocalDate ready ? ready.PlusDays(1) : application.AssessedOn), "readiness date"),
            4 => (application.ReadyBy is null ? With(application, readyBy: application.AssessedOn) : new Application(application.Id, application.ProgrammeYear, application.AssessedOn, roles, null, application.MoralPurposeStatement, application.Sponsor, application.AssessorOutcomes), "readiness date given or not"),
            5 => (With(application, statement: (application.MoralPurposeStatement ?? string.Empty) + " more"), "statement words"),
            6 => (application.WithRoles([.. roles, new Role("t", "o", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.Director, new LocalDate(2015, 1, 1))]), "a role added"),
            7 => (With(application, outcomes: (application.AssessorOutcomes ?? new AssessorOutcomes()) with { Experience = Next(application.AssessorOutcomes?.Experience) }), "assessors' outcome"),
            8 => (application.WithRoles(roles.RemoveAt(index)), "a role removed"),
            9 => (WithRole(application, index, r => Copy(r, type: NextOf(r.OrganisationType))), "organisation type"),
            10 => (WithRole(application, index, r => Copy(r, sector: NextOf(r.Sector))), "sector"),
            11 => (WithRole(application, index, r => Copy(r, level: NextOf(r.Level))), "level"),
            12 => (WithRole(application, index, r => Copy(r, start: r.Start.PlusDays(-1))), "start"),
            13 => (WithRole(application, index, r => Copy(r, end: r.End is LocalDate end ? end.PlusDays(1) : r.Start.PlusYears(1), endGiven: true)), "end"),
            14 => (WithRole(application, index, r => Copy(r, fraction: r.PartTimeFraction is 0.5m ? 0.25m : 0.5m, fractionGiven: true)), "part-time fraction"),
            _ => (WithRole(application, index, r => Copy(r, acting: !r.IsActing)), "acting"),
        };
        return new ChangedApplication(application, changed, change);
    }

    private static AssessorOutcome? Next(AssessorOutcome? outcome) => outcome switch
    {
        null => AssessorOutcome.Met,
        AssessorOutcome.Met => AssessorOutcome.NotMet,
        _ => null,
    };

    private static T NextOf<T>(T value)
        where T : struct, Enum
    {
        T[] values = Enum.GetValues<T>();
        return values[(Array.IndexOf(values, value) + 1) % values.Length];
    }

    private static Application With(Application a, string? id = null, string? year = null, LocalDate? assessedOn = null, LocalDate? readyBy = null, string? statement = null, AssessorOutcomes? outcomes = null) =>
        new(id ?? a.Id, year ?? a.ProgrammeYear, assessedOn ?? a.AssessedOn, a.Roles, readyBy ?? a.ReadyBy, statement ?? a.MoralPurposeStatement, a.Sponsor, outcomes ?? a.AssessorOutcomes);

    private static Application WithRole(Application application, int index, Func<Role, Role> change) =>
        application.WithRoles(application.Roles.SetItem(index, change(application.Roles[index])));

    private static Role Copy(Role r, OrganisationType? type = null, Sector? sector = null, RoleLevel? level = null, LocalDate? start = null, LocalDate? end = null, bool endGiven = false, decimal? fraction = null, bool fractionGiven = false, bool? acting = null) =>
        new(r.Title, r.Organisation, type ?? r.OrganisationType, sector ?? r.Sector, level ?? r.Level, start ?? r.Start, endGiven ? end : r.End, fractionGiven ? fraction : r.PartTimeFraction, acting ?? r.IsActing);

    /// <summary>The kinds of change, for a test that each is generated.</summary>
    public static IEnumerable<int> AllKinds => Enumerable.Range(0, Kinds);
}
