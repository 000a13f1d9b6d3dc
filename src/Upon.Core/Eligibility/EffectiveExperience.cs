using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;

namespace Upon.Core.Eligibility;

/// <summary>
/// Effective experience: the time actually spent in qualifying roles up to an as-of date, with
/// overlaps counted once and gaps not at all.
/// </summary>
/// <remarks>
/// <para>The conventions:</para>
/// <list type="bullet">
/// <item>A role's end date is its last day in post, included. Experience as of a date counts the days
/// <em>before</em> it: a role started on 1 October 2017 gives exactly three years on 1 October 2020.</item>
/// <item>Roles are combined day by day: on each day, the weight is the sum of the weights of the
/// qualifying roles held that day, capped at one day, so concurrent roles never count twice. A role's
/// weight is 1, or its part-time fraction when the policy counts part-time roles
/// <see cref="PartTimeCounting.ProRata"/>; two half-time roles held together make a full day.</item>
/// <item>Current roles count up to the day before the as-of date; roles starting on or after it count nothing.</item>
/// <item><see cref="Days"/> is the total in full-time-equivalent days (exact to a thousandth of a day).
/// <see cref="Period"/> turns the whole days into calendar terms by laying them end to end from the
/// first counted day, <see cref="FirstDay"/>: so a single continuous full-time period is exact in
/// calendar terms (29 February and month ends included), and separate periods add up as if they had
/// been worked without a break from the first of them.</item>
/// </list>
/// <para>Equality is by value, comparing <see cref="Roles"/> element by element. Instances are immutable.</para>
/// </remarks>
public sealed record EffectiveExperience
{
    /// <summary>Thousandths of a day per day: weights are held as whole thousandths so that sums are exact.</summary>
    internal const int Scale = 1000;

    private readonly Edge[] continuing;

    private EffectiveExperience(LocalDate asOf, LocalDate? firstDay, long scaledDays, decimal currentDailyRate, ImmutableArray<RoleEvidence> roles, Edge[] continuing)
    {
        AsOf = asOf;
        FirstDay = firstDay;
        ScaledDays = scaledDays;
        CurrentDailyRate = currentDailyRate;
        Roles = roles;
        this.continuing = continuing;
    }

    /// <summary>Creates an experience from its recorded figures (as read from a decision document); <see cref="MetOn"/> then knows no continuing roles.</summary>
    internal static EffectiveExperience FromFigures(LocalDate asOf, LocalDate? firstDay, long scaledDays, decimal currentDailyRate, ImmutableArray<RoleEvidence> roles) =>
        new(asOf, firstDay, scaledDays, currentDailyRate, roles, []);

    /// <summary>Gets the date experience was measured on (its own day not counted).</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the first day that counted, or null when nothing counted.</summary>
    public LocalDate? FirstDay { get; }

    /// <summary>Gets the total in full-time-equivalent days, to a thousandth of a day.</summary>
    public decimal Days => ScaledDays / (decimal)Scale;

    /// <summary>Gets the total's whole days in calendar terms, laid end to end from <see cref="FirstDay"/> (years, months and days); zero when nothing counted.</summary>
    public Period Period => FirstDay is LocalDate first
        ? Period.Between(first, first.PlusDays(WholeDays), PeriodUnits.YearMonthDay)
        : Period.Zero;

    /// <summary>
    /// Gets the rate, in full-time-equivalent days a day, at which the qualifying roles still current on
    /// the as-of date go on adding experience (capped at 1); zero when no qualifying role is current.
    /// </summary>
    public decimal CurrentDailyRate { get; }

    /// <summary>Gets how each role of the application was treated, in the application's order.</summary>
    public ImmutableArray<RoleEvidence> Roles { get; }

    internal long ScaledDays { get; }

    internal int WholeDays => checked((int)(ScaledDays / Scale));

    /// <summary>Determines whether the experience amounts to at least <paramref name="required"/> in calendar terms.</summary>
    /// <param name="required">The requirement, for example three years.</param>
    /// <returns>True when the days laid end to end from <see cref="FirstDay"/> reach the same date as <paramref name="required"/> does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="required"/> is null.</exception>
    public bool Meets(Period required)
    {
        ArgumentNullException.ThrowIfNull(required);
        if (FirstDay is not LocalDate first)
        {
            return required.Equals(Period.Zero);
        }

        return first.PlusDays(WholeDays) >= first.Plus(required);
    }

    /// <summary>Gets how much is missing to reach <paramref name="required"/>, in calendar terms; zero when met.</summary>
    /// <param name="required">The requirement.</param>
    /// <returns>The shortfall (years, months and days).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="required"/> is null.</exception>
    public Period Shortfall(Period required)
    {
        ArgumentNullException.ThrowIfNull(required);
        if (FirstDay is not LocalDate first)
        {
            return required;
        }

        LocalDate reached = first.PlusDays(WholeDays);
        LocalDate target = first.Plus(required);
        return reached >= target ? Period.Zero : Period.Between(reached, target, PeriodUnits.YearMonthDay);
    }

    /// <summary>
    /// Gets the first date on which the experience would meet <paramref name="required"/> if the qualifying
    /// roles held on the as-of date continue as recorded: to their end date, or indefinitely when they
    /// have none. Roles that start later are not assumed. Null when that never meets the requirement.
    /// </summary>
    /// <param name="required">The requirement.</param>
    /// <returns>The as-of date itself when already met; a later date when continuing roles make up the shortfall; otherwise null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="required"/> is null.</exception>
    public LocalDate? MetOn(Period required)
    {
        if (Meets(required))
        {
            return AsOf;
        }

        if (FirstDay is not LocalDate first || continuing.Length == 0)
        {
            return null;
        }

        long needed = ((long)Period.DaysBetween(first, first.Plus(required)) * Scale) - ScaledDays;

        // continuing holds (last day in post, weight) sorted by last day; walk the segments in which the
        // summed weight is constant. Experience as of AsOf + n counts the n days from AsOf on.
        int day = DayNumber(AsOf);
        int weight = 0;
        foreach (Edge role in continuing)
        {
            weight += role.Delta;
        }

        foreach (Edge role in continuing)
        {
            if (weight > 0 && role.Day >= day)
            {
                long rate = Math.Min(weight, Scale);
                long segment = (long)(role.Day - day + 1) * rate;
                if (segment >= needed)
                {
                    return AsOf.PlusDays(checked((int)((needed + rate - 1) / rate)) + day - DayNumber(AsOf));
                }

                needed -= segment;
                day = role.Day + 1;
            }

            weight -= role.Delta;
        }

        return null;
    }

    /// <summary>Measures the experience in <paramref name="roles"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="roles">The roles, in any order.</param>
    /// <param name="asOf">The date of measurement; its own day does not count.</param>
    /// <param name="qualifies">Whether a role qualifies, and if not, the stable reason code why not (null when it qualifies).</param>
    /// <param name="partTime">How part-time roles count.</param>
    /// <returns>The experience, with evidence for every role.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static EffectiveExperience Measure(IReadOnlyList<Role> roles, LocalDate asOf, Func<Role, string?> qualifies, PartTimeCounting partTime)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(qualifies);
        Preconditions.CheckIso(asOf);

        RoleEvidence[] evidence = new RoleEvidence[roles.Count];
        Span<Edge> edges = roles.Count <= 64 ? stackalloc Edge[roles.Count * 2] : new Edge[roles.Count * 2];
        int edgeCount = 0;
        int currentWeight = 0;
        List<Edge> continuingRoles = [];
        int asOfDay = DayNumber(asOf);

        for (int i = 0; i < roles.Count; i++)
        {
            Role role = roles[i];
            ArgumentNullException.ThrowIfNull(role, nameof(roles));
            string? exclusion = qualifies(role);
            DateInterval? counted = role.CountedBefore(asOf);
            if (exclusion is not null)
            {
                evidence[i] = new RoleEvidence(i, exclusion, null, 0m);
                continue;
            }

            if (counted is null)
            {
                evidence[i] = new RoleEvidence(i, ReasonCodes.RoleNotStarted, null, 0m);
                continue;
            }

            int weight = Weight(role, partTime);
            evidence[i] = new RoleEvidence(i, ReasonCodes.RoleCounted, counted, (decimal)counted.Length * weight / Scale);
            edges[edgeCount++] = new Edge(DayNumber(counted.Start), weight);
            edges[edgeCount++] = new Edge(DayNumber(counted.End) + 1, -weight);
            if (role.End is null || role.End.Value >= asOf)
            {
                currentWeight += weight;
                continuingRoles.Add(new Edge(role.End is LocalDate last ? DayNumber(last) : int.MaxValue, weight));
            }
        }

        Span<Edge> used = edges[..edgeCount];
        used.Sort();

        // Sweep the day line: between consecutive edges the summed weight is constant; cap it at a full day.
        long scaledDays = 0;
        int active = 0;
        for (int k = 0; k < used.Length; k++)
        {
            if (k > 0 && active > 0)
            {
                scaledDays += (long)(used[k].Day - used[k - 1].Day) * Math.Min(active, Scale);
            }

            active += used[k].Delta;
        }

        LocalDate? firstDay = edgeCount > 0 ? asOf.PlusDays(used[0].Day - asOfDay) : null;
        continuingRoles.Sort();
        return new EffectiveExperience(asOf, firstDay, scaledDays, Math.Min(currentWeight, Scale) / (decimal)Scale, [.. evidence], [.. continuingRoles]);
    }

    /// <inheritdoc />
    public bool Equals(EffectiveExperience? other) =>
        other is not null
        && AsOf == other.AsOf
        && FirstDay == other.FirstDay
        && ScaledDays == other.ScaledDays
        && CurrentDailyRate == other.CurrentDailyRate
        && Roles.AsSpan().SequenceEqual(other.Roles.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AsOf, FirstDay, ScaledDays, Roles.Length);

    private static int Weight(Role role, PartTimeCounting partTime) =>
        partTime == PartTimeCounting.ProRata && role.PartTimeFraction is decimal fraction
            ? (int)Math.Max(1m, Math.Round(fraction * Scale, MidpointRounding.ToEven))
            : Scale;

    private static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    private readonly record struct Edge(int Day, int Delta) : IComparable<Edge>
    {
        public int CompareTo(Edge other) => Day.CompareTo(other.Day);
    }
}
