using Upon.Core.Eligibility;

namespace Upon.Core.Testing;

/// <summary>
/// Builds a <see cref="Role"/> for example-based tests, with realistic defaults: a full-time, substantive,
/// current head of service in a local authority's children's services since 1 September 2016 (a role
/// every built-in policy counts). Each method changes one attribute and returns the builder.
/// </summary>
/// <remarks>A builder is mutable and not thread-safe; the roles it builds are immutable.</remarks>
public sealed class RoleBuilder
{
    private string title = "Head of Children's Social Care";
    private string organisation = "Northshire County Council";
    private OrganisationType organisationType = OrganisationType.LocalAuthority;
    private Sector sector = Sector.ChildrensServices;
    private RoleLevel level = RoleLevel.HeadOfService;
    private LocalDate start = new(2016, 9, 1);
    private LocalDate? end;
    private decimal? partTimeFraction;
    private bool isActing;

    /// <summary>Sets the job title.</summary>
    /// <param name="value">The title.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public RoleBuilder WithTitle(string value) => this.Set(ref title, Guard.Against.Null(value));

    /// <summary>Sets the organisation and its type.</summary>
    /// <param name="name">The organisation's name.</param>
    /// <param name="type">The kind of organisation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public RoleBuilder At(string name, OrganisationType type)
    {
        Guard.Against.Null(name);
        organisation = name;
        organisationType = type;
        return this;
    }

    /// <summary>Sets the field or sector of the work.</summary>
    /// <param name="value">The sector.</param>
    /// <returns>This builder.</returns>
    public RoleBuilder InSector(Sector value) => this.Set(ref sector, value);

    /// <summary>Sets the role's level.</summary>
    /// <param name="value">The level.</param>
    /// <returns>This builder.</returns>
    public RoleBuilder AtLevel(RoleLevel value) => this.Set(ref level, value);

    /// <summary>Sets the first day in post.</summary>
    /// <param name="date">The first day.</param>
    /// <returns>This builder.</returns>
    public RoleBuilder From(LocalDate date) => this.Set(ref start, date);

    /// <summary>Sets the last day in post (included); null for a current role, the default.</summary>
    /// <param name="date">The last day, or null.</param>
    /// <returns>This builder.</returns>
    public RoleBuilder To(LocalDate? date) => this.Set(ref end, date);

    /// <summary>Sets the first and last days in post (both included) from an interval.</summary>
    /// <param name="dates">The days in post.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is null.</exception>
    public RoleBuilder During(DateInterval dates)
    {
        Guard.Against.Null(dates);
        start = dates.Start;
        end = dates.End;
        return this;
    }

    /// <summary>Sets the fraction of full time worked; null for full time, the default.</summary>
    /// <param name="fraction">The fraction, above 0 and at most 1 (checked by <see cref="Build"/>), or null.</param>
    /// <returns>This builder.</returns>
    public RoleBuilder PartTime(decimal? fraction) => this.Set(ref partTimeFraction, fraction);

    /// <summary>Sets whether the role is held on an acting or interim basis (not, by default).</summary>
    /// <param name="value">True for an acting role.</param>
    /// <returns>This builder.</returns>
    public RoleBuilder Acting(bool value = true)
    {
        isActing = value;
        return this;
    }

    /// <summary>Builds the role.</summary>
    /// <returns>The role.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The attributes break a rule of <see cref="Role"/> (for example the end is before the start).</exception>
    public Role Build() => new(title, organisation, organisationType, sector, level, start, end, partTimeFraction, isActing);
}
