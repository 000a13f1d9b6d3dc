namespace Upon.Core.Eligibility;

/// <summary>The assessors' judgements of an application, criterion by criterion; null where not judged.</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="MoralPurpose">The judgement of the moral-purpose statement.</param>
/// <param name="Experience">The judgement of the leadership experience described.</param>
/// <param name="Readiness">The judgement of the applicant's readiness to become a DCS within three years.</param>
public sealed record AssessorOutcomes(AssessorOutcome? MoralPurpose = null, AssessorOutcome? Experience = null, AssessorOutcome? Readiness = null);
