using Upon.Core.Eligibility;

namespace Upon.Core.Testing;

/// <summary>
/// Builds an <see cref="Application"/> for example-based tests, with realistic defaults that every built-in
/// policy finds eligible: application A-0001 for 2021/22, assessed on 1 June 2021, one role (the default of
/// <see cref="RoleBuilder"/>: head of service since 1 September 2016, so 4 years 9 months of experience),
/// ready by 1 September 2022, a short statement of moral purpose, not yet judged by assessors.
/// </summary>
/// <remarks>
/// <para>Until a role is added, the application has the default role; once one is added, it has exactly the roles added.</para>
/// <para>A builder is mutable and not thread-safe; the applications it builds are immutable.</para>
/// </remarks>
public sealed class ApplicationBuilder
{
    /// <summary>The default statement of moral purpose: 14 words.</summary>
    public const string DefaultStatement = "Every child deserves a champion: I lead so that children and families in care thrive.";

    private readonly List<Role> roles = [];
    private string id = "A-0001";
    private string programmeYear = "2021/22";
    private LocalDate assessedOn = new(2021, 6, 1);
    private bool rolesSet;
    private LocalDate? readyBy = new(2022, 9, 1);
    private string? statement = DefaultStatement;
    private Sponsor? sponsor;
    private AssessorOutcomes? outcomes;

    /// <summary>Sets the application's identifier.</summary>
    /// <param name="value">The identifier: not empty (checked by <see cref="Build"/>).</param>
    /// <returns>This builder.</returns>
    public ApplicationBuilder WithId(string value) => this.Set(ref id, value);

    /// <summary>Sets the programme year applied for, as <c>yyyy/yy</c>.</summary>
    /// <param name="value">The programme year, for example <c>2020/21</c>.</param>
    /// <returns>This builder.</returns>
    public ApplicationBuilder ForProgrammeYear(string value) => this.Set(ref programmeYear, value);

    /// <summary>Sets the date the application is assessed on (experience counts up to the day before).</summary>
    /// <param name="date">The assessment date.</param>
    /// <returns>This builder.</returns>
    public ApplicationBuilder AssessedOn(LocalDate date) => this.Set(ref assessedOn, date);

    /// <summary>Adds a role (the first role added replaces the default one).</summary>
    /// <param name="role">The role.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="role"/> is null.</exception>
    public ApplicationBuilder WithRole(Role role)
    {
        Guard.Against.Null(role);
        rolesSet = true;
        roles.Add(role);
        return this;
    }

    /// <summary>Adds a role built from <see cref="RoleBuilder"/>'s defaults changed by <paramref name="configure"/>.</summary>
    /// <param name="configure">Changes the role builder, for example <c>r => r.From(date).AtLevel(RoleLevel.Director)</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public ApplicationBuilder WithRole(Func<RoleBuilder, RoleBuilder> configure)
    {
        Guard.Against.Null(configure);
        return WithRole(configure(new RoleBuilder()).Build());
    }

    /// <summary>Removes every role, the default one included.</summary>
    /// <returns>This builder.</returns>
    public ApplicationBuilder WithoutRoles()
    {
        rolesSet = true;
        roles.Clear();
        return this;
    }

    /// <summary>Sets the date by which the applicant will be ready to become a DCS; null when not given.</summary>
    /// <param name="date">The readiness date, or null.</param>
    /// <returns>This builder.</returns>
    public ApplicationBuilder ReadyBy(LocalDate? date) => this.Set(ref readyBy, date);

    /// <summary>Sets the statement of moral purpose; null when not given.</summary>
    /// <param name="value">The statement, or null.</param>
    /// <returns>This builder.</returns>
    public ApplicationBuilder WithStatement(string? value) => this.Set(ref statement, value);

    /// <summary>Sets the sponsor; none by default.</summary>
    /// <param name="value">The sponsor, or null.</param>
    /// <returns>This builder.</returns>
    public ApplicationBuilder WithSponsor(Sponsor? value) => this.Set(ref sponsor, value);

    /// <summary>Sets the assessors' judgements; none by default (not yet assessed).</summary>
    /// <param name="value">The judgements, or null.</param>
    /// <returns>This builder.</returns>
    public ApplicationBuilder WithAssessorOutcomes(AssessorOutcomes? value) => this.Set(ref outcomes, value);

    /// <summary>Builds the application.</summary>
    /// <returns>The application.</returns>
    /// <exception cref="ArgumentException">The attributes break a rule of <see cref="Application"/> (for example an empty identifier or a malformed programme year).</exception>
    public Application Build() =>
        new(id, programmeYear, assessedOn, rolesSet ? roles : [new RoleBuilder().Build()], readyBy, statement, sponsor, outcomes);
}
