using System.Runtime.InteropServices;

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
/// <item>Roles are combined day by day: on each day, the weight is the largest weight among the
/// qualifying roles held that day, so concurrent roles never count twice and a role entered twice
/// counts once. A role's weight is 1, or its part-time fraction when the policy counts part-time roles
/// <see cref="PartTimeCounting.ProRata"/>.</item>
/// <item>Current roles count up to the day before the as-of date; roles starting on or after it count nothing.</item>
/// <item><see cref="Days"/> is the total in full-time-equivalent days (exact to a thousandth of a day).
/// <see cref="Period"/> turns it into calendar terms by laying the days end to end from the first
/// counted day, <see cref="FirstDay"/>, with a part of a day rounded up to a whole day: so a single
/// continuous full-time period is exact in calendar terms (29 February and month ends included), and
/// separate periods add up as if they had been worked without a break from the first of them. Rounding
/// up is what makes adding a role never reduce the result: an earlier role can move the first day back
/// across a 29 February, needing one more day, and it always brings at least a part of a day with it.</item>
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
    public decimal Days => Thousandths(ScaledDays);

    /// <summary>Gets the total in calendar terms, laid end to end from <see cref="FirstDay"/> with a part of a day rounded up (years, months and days); zero when nothing counted.</summary>
    public Period Period => FirstDay is LocalDate first
        ? Period.Between(first, first.PlusDays(WholeDays), PeriodUnits.YearMonthDay)
        : Period.Zero;

    /// <summary>
    /// Gets the rate, in full-time-equivalent days a day, at which the qualifying roles held on the as-of
    /// date (started on or before it, not ended before it) go on adding experience: the largest of their
    /// weights; zero when no qualifying role is held on that date.
    /// </summary>
    public decimal CurrentDailyRate { get; }

    /// <summary>Gets how each role of the application was treated, in the application's order.</summary>
    public ImmutableArray<RoleEvidence> Roles { get; }

    internal long ScaledDays { get; }

    /// <summary>Gets the whole days: the total rounded up to a whole day.</summary>
    internal int WholeDays => checked((int)((ScaledDays + Scale - 1) / Scale));

    /// <summary>Determines whether the experience amounts to at least <paramref name="required"/> in calendar terms.</summary>
    /// <param name="required">The requirement, for example three years.</param>
    /// <returns>True when the days laid end to end from <see cref="FirstDay"/> reach the same date as <paramref name="required"/> does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="required"/> is null.</exception>
    public bool Meets(Period required)
    {
        Guard.Against.Null(required);
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
        Guard.Against.Null(required);
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
    /// roles held on the as-of date (including one starting that day) continue as recorded: to their end
    /// date, or indefinitely when they have none. Roles that start later are not assumed. Null when that
    /// never meets the requirement.
    /// </summary>
    /// <param name="required">The requirement.</param>
    /// <returns>The as-of date itself when already met; a later date, up to the end of <see cref="EligibilityDates.Range"/>, when continuing roles make up the shortfall; otherwise null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="required"/> is null.</exception>
    public LocalDate? MetOn(Period required)
    {
        Guard.Against.Null(required);
        return Against(required).MetOn;
    }

    /// <summary>
    /// Compares the experience with <paramref name="required"/> once, sharing the calendar arithmetic:
    /// whether it is met, the experience in calendar terms, the shortfall and the met-on date.
    /// </summary>
    internal (bool Met, Period Measured, Period Shortfall, LocalDate? MetOn) Against(Period required)
    {
        if (FirstDay is not LocalDate first)
        {
            bool none = required.Equals(Period.Zero);
            return (none, Period.Zero, none ? Period.Zero : required, none ? AsOf : ProjectMetOn(AsOf, AsOf.Plus(required)));
        }

        LocalDate reached = first.PlusDays(WholeDays);
        LocalDate target = first.Plus(required);
        Period measured = Period.Between(first, reached, PeriodUnits.YearMonthDay);
        return reached >= target
            ? (true, measured, Period.Zero, AsOf)
            : (false, measured, Period.Between(reached, target, PeriodUnits.YearMonthDay), ProjectMetOn(first, target));
    }

    /// <summary>The date on which the roles held on the as-of date, continuing as recorded, take the experience from <paramref name="first"/> to <paramref name="target"/>.</summary>
    private LocalDate? ProjectMetOn(LocalDate first, LocalDate target)
    {
        if (continuing.Length == 0)
        {
            return null;
        }

        // Whole days round up, so the requirement of R days is met once the thousandths exceed (R - 1) * Scale.
        long needed = (((long)Period.DaysBetween(first, target) - 1) * Scale) - ScaledDays + 1;

        // continuing holds (last day in post, weight) sorted by last day. Between consecutive last days the
        // rate is the largest weight of the roles not yet ended. Experience as of AsOf + n counts the n days from AsOf on.
        int asOfDay = DayNumber(AsOf);
        int day = asOfDay;
        for (int k = 0; k < continuing.Length; k++)
        {
            int rate = 0;
            for (int j = k; j < continuing.Length; j++)
            {
                rate = Math.Max(rate, continuing[j].Delta);
            }

            Edge role = continuing[k];
            if (role.Day < day)
            {
                continue;
            }

            long segment = (long)(role.Day - day + 1) * rate;
            if (segment >= needed)
            {
                long targetDay = day + ((needed + rate - 1) / rate);
                return targetDay <= LastDayNumber ? AsOf.PlusDays((int)(targetDay - asOfDay)) : null;
            }

            needed -= segment;
            day = role.Day + 1;
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
        Guard.Against.Null(roles);
        Guard.Against.Null(qualifies);
        Guard.Against.NonIsoCalendar(asOf);

        int count = roles.Count;
        RoleEvidence[] evidence = new RoleEvidence[count];

        // Each counted role gives two edges on the day line, packed into one sortable key: the day, then the
        // weight change (offset to be positive). Sorting primitives is much faster than sorting structs.
        Span<long> edges = count <= 128 ? stackalloc long[count * 2] : new long[count * 2];
        int edgeCount = 0;
        int currentWeight = 0;
        int continuingCount = 0;
        int asOfDay = DayNumber(asOf);
        LocalDate dayBefore = asOf.PlusDays(-1);

        for (int i = 0; i < count; i++)
        {
            Role role = roles[i];
            Guard.Against.Null(role, nameof(roles));
            string? exclusion = qualifies(role);
            if (exclusion is not null)
            {
                evidence[i] = new RoleEvidence(i, exclusion, null, 0m);
                continue;
            }

            int weight = Weight(role, partTime);

            // Held on the as-of date, so it goes on adding experience (even when it starts that day and has counted nothing yet).
            if (role.Start <= asOf && (role.End is null || role.End.Value >= asOf))
            {
                currentWeight = Math.Max(currentWeight, weight);
                continuingCount++;
            }

            if (role.Start >= asOf)
            {
                evidence[i] = new RoleEvidence(i, ReasonCodes.RoleNotStarted, null, 0m);
                continue;
            }

            int first = DayNumber(role.Start);
            bool endsBefore = role.End is LocalDate end && end < asOf;
            LocalDate lastDate = endsBefore ? role.End!.Value : dayBefore;
            int last = endsBefore ? DayNumber(lastDate) : asOfDay - 1;
            decimal days = weight == Scale ? last - first + 1 : Thousandths((long)(last - first + 1) * weight);
            evidence[i] = RoleEvidence.CountedRole(i, role.Start, lastDate, days);
            edges[edgeCount++] = EdgeKey(first, weight);
            edges[edgeCount++] = EdgeKey(last + 1, -weight);
        }

        Span<long> used = edges[..edgeCount];
        used.Sort();
        long scaledDays;
        if (count <= 32)
        {
            FewHeld few = new(stackalloc int[used.Length]);
            scaledDays = Sweep(used, ref few);
        }
        else
        {
            ManyHeld many = new();
            scaledDays = Sweep(used, ref many);
        }

        Edge[] continuingRoles = [];
        if (continuingCount > 0)
        {
            continuingRoles = new Edge[continuingCount];
            int c = 0;
            for (int i = 0; i < count; i++)
            {
                Role role = roles[i];
                bool qualifying = evidence[i].Reason is ReasonCodes.RoleCounted or ReasonCodes.RoleNotStarted;
                if (qualifying && role.Start <= asOf && (role.End is null || role.End.Value >= asOf))
                {
                    continuingRoles[c++] = new Edge(role.End is LocalDate last ? DayNumber(last) : MaxDayNumber, Weight(role, partTime));
                }
            }

            Array.Sort(continuingRoles);
        }

        LocalDate? firstDay = edgeCount > 0 ? asOf.PlusDays(EdgeDay(used[0]) - asOfDay) : null;
        return new EffectiveExperience(asOf, firstDay, scaledDays, Thousandths(currentWeight), ImmutableCollectionsMarshal.AsImmutableArray(evidence), continuingRoles);
    }

    /// <summary>
    /// The thousandths of a day in the sorted edges: between consecutive edges the set of roles held is
    /// constant, and each day counts the largest weight held. <paramref name="held"/> keeps the weights held.
    /// </summary>
    private static long Sweep<THeld>(ReadOnlySpan<long> edges, scoped ref THeld held)
        where THeld : IHeldWeights, allows ref struct
    {
        int max = 0;
        long scaledDays = 0;
        for (int k = 0; k < edges.Length; k++)
        {
            int day = EdgeDay(edges[k]);
            if (k > 0 && max > 0)
            {
                scaledDays += (long)(day - EdgeDay(edges[k - 1])) * max;
            }

            int delta = EdgeDelta(edges[k]);
            max = delta > 0 ? held.Add(delta, max) : held.Remove(-delta, max);
        }

        return scaledDays;
    }

    /// <summary>The weights of the roles held at a point of the sweep.</summary>
    private interface IHeldWeights
    {
        /// <summary>Adds a role of <paramref name="weight"/>; returns the largest weight now held.</summary>
        int Add(int weight, int max);

        /// <summary>Removes a role of <paramref name="weight"/>; returns the largest weight now held.</summary>
        int Remove(int weight, int max);
    }

    /// <summary>For a few roles: the weights held, in a list searched in full.</summary>
    private ref struct FewHeld(Span<int> held) : IHeldWeights
    {
        private readonly Span<int> held = held;
        private int count;

        public int Add(int weight, int max)
        {
            held[count++] = weight;
            return Math.Max(max, weight);
        }

        public int Remove(int weight, int max)
        {
            int index = held[..count].IndexOf(weight);
            held[index] = held[--count];
            if (weight != max)
            {
                return max;
            }

            max = 0;
            foreach (int left in held[..count])
            {
                max = Math.Max(max, left);
            }

            return max;
        }
    }

    /// <summary>For many roles: a count of the roles held at each weight.</summary>
    private readonly struct ManyHeld() : IHeldWeights
    {
        private readonly int[] active = new int[Scale + 1];

        public int Add(int weight, int max)
        {
            active[weight]++;
            return Math.Max(max, weight);
        }

        public int Remove(int weight, int max)
        {
            active[weight]--;
            while (max > 0 && active[max] == 0)
            {
                max--;
            }

            return max;
        }
    }

    private const int DeltaOffset = 2048;

    private static long EdgeKey(int day, int delta) => ((long)day << 12) | (uint)(delta + DeltaOffset);

    private static int EdgeDay(long key) => (int)(key >> 12);

    private static int EdgeDelta(long key) => (int)(key & 0xFFF) - DeltaOffset;

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

    private static readonly int MaxDayNumber = DayNumber(LocalDate.MaxIsoValue);

    /// <summary>The last day eligibility works with (<see cref="EligibilityDates.Range"/>): a later <see cref="MetOn"/> date is reported as none.</summary>
    private static readonly int LastDayNumber = DayNumber(EligibilityDates.Range.End);

    private static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>A number of thousandths as an exact decimal, without a division.</summary>
    private static decimal Thousandths(long value)
    {
        // The smallest scale that is exact, so that 1438.6 is written 1438.6 and not 1438.600.
        byte scale = 3;
        while (scale > 0 && value % 10 == 0)
        {
            value /= 10;
            scale--;
        }

        return new decimal((int)(value & 0xFFFFFFFF), (int)(value >> 32), 0, isNegative: false, scale);
    }

    private readonly record struct Edge(int Day, int Delta) : IComparable<Edge>
    {
        public int CompareTo(Edge other) => Day.CompareTo(other.Day);
    }
}
