namespace Upon.Core.Eligibility;

/// <summary>The person who supports an application, usually the applicant's DCS or chief executive.</summary>
/// <remarks>Personal data: it never appears in messages. Equality is by value.</remarks>
/// <param name="Name">The sponsor's name.</param>
/// <param name="Role">The sponsor's role, for example "Director of Children's Services".</param>
/// <param name="Organisation">The sponsor's organisation.</param>
public sealed record Sponsor(string Name, string Role, string Organisation)
{
    /// <summary>Returns a description without personal data.</summary>
    /// <returns>The text "Sponsor".</returns>
    public override string ToString() => "Sponsor";
}
