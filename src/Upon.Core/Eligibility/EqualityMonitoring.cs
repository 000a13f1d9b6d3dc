namespace Upon.Core.Eligibility;

/// <summary>
/// An applicant's equality-monitoring answers: special-category personal data, collected for
/// monitoring only and kept apart from <see cref="Application"/>, so that no policy can read them and
/// they can never change a decision.
/// </summary>
/// <remarks>
/// Every answer is optional, and <c>preferNotToSay</c> is an answer. Answers are free codes, for example
/// the ONS 2021 census ethnic groups (<c>white-british</c>, <c>asian-indian</c>, …), so that the
/// categories can follow the monitoring form in use. <see cref="ToString"/> never shows the answers.
/// Equality is by value.
/// </remarks>
/// <param name="Ethnicity">The ethnic group, as a code.</param>
/// <param name="Disability">Whether the applicant considers themselves disabled: <c>yes</c>, <c>no</c> or <c>preferNotToSay</c>.</param>
/// <param name="Sex">Sex, as a code.</param>
/// <param name="AgeBand">Age band, for example <c>40-49</c>.</param>
/// <param name="Religion">Religion or belief, as a code.</param>
/// <param name="SexualOrientation">Sexual orientation, as a code.</param>
public sealed record EqualityMonitoring(
    string? Ethnicity = null,
    string? Disability = null,
    string? Sex = null,
    string? AgeBand = null,
    string? Religion = null,
    string? SexualOrientation = null)
{
    /// <summary>Returns a description that does not reveal any answer.</summary>
    /// <returns>The text "EqualityMonitoring (redacted)".</returns>
    public override string ToString() => "EqualityMonitoring (redacted)";
}
