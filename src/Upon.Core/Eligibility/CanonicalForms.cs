namespace Upon.Core.Eligibility;

/// <summary>
/// The canonical form of an application that <see cref="DecisionFingerprint"/> hashes; documented in docs/eligibility.md
/// ("Fingerprints and replay") and pinned by golden tests, so a change here is a change of the documented form.
/// </summary>
internal static class CanonicalForms
{
    /// <summary>
    /// Writes <c>{"id","programmeYear","assessedOn","roles":[{"organisationType","sector","level","start","end",
    /// "partTimeFraction","isActing"}],"readyBy","statementWords","assessorOutcomes":{"moralPurpose","experience",
    /// "readiness"}}</c> in that order, every member present (<c>null</c> when absent; no assessors' outcomes and
    /// none given are written alike). Nothing else of the application: no titles, organisations, sponsor,
    /// statement text, and no equality-monitoring answers, which an <see cref="Application"/> never holds.
    /// </summary>
    public static void WriteApplication(ref CanonicalJson json, Application application)
    {
        json.StartObject();
        json.String("id", application.Id);
        json.String("programmeYear", application.ProgrammeYear);
        json.Date("assessedOn", application.AssessedOn);
        json.StartArray("roles");
        foreach (Role role in application.Roles)
        {
            json.StartObject();
            json.Enum<OrganisationType>("organisationType", role.OrganisationType);
            json.Enum<Sector>("sector", role.Sector);
            json.Enum<RoleLevel>("level", role.Level);
            json.Date("start", role.Start);
            json.Date("end", role.End);
            json.Number("partTimeFraction", role.PartTimeFraction);
            json.Boolean("isActing", role.IsActing);
            json.EndObject();
        }

        json.EndArray();
        json.Date("readyBy", application.ReadyBy);
        json.Number("statementWords", (long)application.StatementWords);
        AssessorOutcomes? outcomes = application.AssessorOutcomes;
        json.StartObject("assessorOutcomes");
        json.Enum<AssessorOutcome>("moralPurpose", outcomes?.MoralPurpose);
        json.Enum<AssessorOutcome>("experience", outcomes?.Experience);
        json.Enum<AssessorOutcome>("readiness", outcomes?.Readiness);
        json.EndObject();
        json.EndObject();
    }
}
