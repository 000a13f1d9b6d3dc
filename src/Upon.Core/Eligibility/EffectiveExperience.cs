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
        CalendarTerms terms = default;
        return Assess(required, ref terms).MetOn;
    }

    /// <summary>
    /// Compares the experience with <paramref name="required"/>: whether it is met, and the met-on date. The figures in
    /// calendar terms (<see cref="Period"/>, <see cref="Shortfall"/>) are left to be worked out when read. Reuses
    /// <paramref name="terms"/> when they were worked out for the same first day, whole days and requirement (another
    /// route that counted the same days), and otherwise replaces them.
    /// </summary>
    internal (bool Met, LocalDate? MetOn) Assess(Period required, ref CalendarTerms terms)
    {
        if (FirstDay is not LocalDate first)
        {
            bool none = required.Equals(Period.Zero);
            return (none, none ? AsOf : ProjectMetOn(AsOf, AsOf.Plus(required)));
        }

        int wholeDays = WholeDays;
        if (!terms.IsFor(first, wholeDays, required))
        {
            terms = CalendarTerms.Of(first, wholeDays, required);
        }

        return terms.Met ? (true, AsOf) : (false, ProjectMetOn(first, terms.Target));
    }

    /// <summary>
    /// An experience of whole days from a first day, compared with a requirement in calendar terms: the date the
    /// requirement reaches and whether the days reach it. <c>default</c> is for nothing.
    /// </summary>
    internal readonly struct CalendarTerms
    {
        private CalendarTerms(LocalDate first, int wholeDays, Period required, LocalDate target, bool met)
        {
            First = first;
            WholeDays = wholeDays;
            Required = required;
            Target = target;
            Met = met;
        }

        /// <summary>Gets the first day counted.</summary>
        public LocalDate First { get; }

        /// <summary>Gets the whole days counted.</summary>
        public int WholeDays { get; }

        /// <summary>Gets the requirement, or null for <c>default</c>.</summary>
        public Period? Required { get; }

        /// <summary>Gets the date the requirement reaches from <see cref="First"/>.</summary>
        public LocalDate Target { get; }

        /// <summary>Gets a value indicating whether the days laid end to end reach <see cref="Target"/>.</summary>
        public bool Met { get; }

        /// <summary>Works out the terms of <paramref name="wholeDays"/> from <paramref name="first"/> against <paramref name="required"/>.</summary>
        public static CalendarTerms Of(LocalDate first, int wholeDays, Period required)
        {
            LocalDate target = first.Plus(required);
            return new CalendarTerms(first, wholeDays, required, target, met: first.PlusDays(wholeDays) >= target);
        }

        /// <summary>Determines whether these are the terms of <paramref name="wholeDays"/> from <paramref name="first"/> against <paramref name="required"/>.</summary>
        public bool IsFor(LocalDate first, int wholeDays, Period required) =>
            Required is not null && First == first && WholeDays == wholeDays && (ReferenceEquals(Required, required) || Required.Equals(required));
    }

    /// <summary>The date on which the roles held on the as-of date, continuing as recorded, take the experience from <paramref name="first"/> to <paramref name="target"/>.</summary>
    private LocalDate? ProjectMetOn(LocalDate first, LocalDate target)
    {
        if (continuing.Length == 0)
        {
            return null;
        }

        // Whole days round up, so the requirement of R days is met once the thousandths exceed (R - 1) * Scale.
        long needed = (((long)DayNumber(target) - DayNumber(first) - 1) * Scale) - ScaledDays + 1;

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
        DelegateQualifies source = new(roles, qualifies, asOf);
        return Measure(ref source, roles.Count, asOf, partTime);
    }

    /// <summary>
    /// Measures the experience in <paramref name="roles"/> under <paramref name="rule"/>, from the roles' days worked
    /// out once for the application (<see cref="RoleDays.Of(ImmutableArray{Role}, LocalDate, Span{RoleDays})"/>) and shared by every experience rule of a policy.
    /// </summary>
    internal static EffectiveExperience Measure(ImmutableArray<Role> roles, ReadOnlySpan<RoleDays> days, LocalDate asOf, ExperienceRule rule)
    {
        RuleQualifies source = new(roles, days, rule);
        return Measure(ref source, roles.Length, asOf, rule.PartTime);
    }

    private static EffectiveExperience Measure<TSource>(ref TSource source, int count, LocalDate asOf, PartTimeCounting partTime)
        where TSource : IQualifyingRoles, allows ref struct
    {
        RoleEvidence[] evidence = new RoleEvidence[count];

        // Each counted role gives two edges on the day line, packed into one sortable key: the day, then the
        // weight change (offset to be positive). Sorting primitives is much faster than sorting structs.
        Span<long> edges = count <= 128 ? stackalloc long[count * 2] : new long[count * 2];
        Span<Edge> continuingRoles = count <= 128 ? stackalloc Edge[count] : new Edge[count];
        int edgeCount = 0;
        int currentWeight = 0;
        int continuingCount = 0;
        int firstDay = int.MaxValue;
        LocalDate firstDate = default;

        for (int i = 0; i < count; i++)
        {
            string? exclusion = source.Exclusion(i, out RoleDays role);
            if (exclusion is not null)
            {
                evidence[i] = new RoleEvidence(i, exclusion, null, 0m);
                continue;
            }

            int weight = partTime == PartTimeCounting.ProRata ? role.ProRataWeight : Scale;

            // Held on the as-of date, so it goes on adding experience (even when it starts that day and has counted nothing yet).
            if (role.IsHeld)
            {
                currentWeight = Math.Max(currentWeight, weight);
                continuingRoles[continuingCount++] = new Edge(role.EndDay, weight);
            }

            if (!role.IsCounted)
            {
                evidence[i] = new RoleEvidence(i, ReasonCodes.RoleNotStarted, null, 0m);
                continue;
            }

            int length = role.LastDay - role.FirstDay + 1;
            decimal roleDays = weight == Scale ? length : Thousandths((long)length * weight);
            evidence[i] = RoleEvidence.CountedRole(i, role.Start, role.CountedEnd, roleDays);
            edges[edgeCount++] = EdgeKey(role.FirstDay, weight);
            edges[edgeCount++] = EdgeKey(role.LastDay + 1, -weight);
            if (role.FirstDay < firstDay)
            {
                firstDay = role.FirstDay;
                firstDate = role.Start;
            }
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

        Edge[] continuing = continuingCount == 0 ? [] : continuingRoles[..continuingCount].ToArray();
        if (continuing.Length > 1)
        {
            Array.Sort(continuing);
        }

        LocalDate? first = edgeCount > 0 ? firstDate : null;
        return new EffectiveExperience(asOf, first, scaledDays, Thousandths(currentWeight), ImmutableCollectionsMarshal.AsImmutableArray(evidence), continuing);
    }

    /// <summary>The roles measured, one at a time: whether each qualifies, and its days as of the date measured.</summary>
    private interface IQualifyingRoles
    {
        /// <summary>Gets why role <paramref name="index"/> does not qualify (null when it does), and when it does, its days.</summary>
        string? Exclusion(int index, out RoleDays days);
    }

    /// <summary>Roles of any list, qualified by a caller's function; the days of each qualifying role are worked out here.</summary>
    private readonly ref struct DelegateQualifies(IReadOnlyList<Role> roles, Func<Role, string?> qualifies, LocalDate asOf) : IQualifyingRoles
    {
        private readonly IReadOnlyList<Role> roles = roles;
        private readonly Func<Role, string?> qualifies = qualifies;
        private readonly LocalDate asOf = asOf;
        private readonly int asOfDay = DayNumber(asOf);
        private readonly LocalDate dayBefore = asOf.PlusDays(-1);

        public string? Exclusion(int index, out RoleDays days)
        {
            Role role = roles[index];
            Guard.Against.Null(role, nameof(roles));
            string? exclusion = qualifies(role);
            days = exclusion is null ? RoleDays.Of(role, asOfDay, dayBefore) : default;
            return exclusion;
        }
    }

    /// <summary>An application's roles under an experience rule, with their days worked out beforehand.</summary>
    private readonly ref struct RuleQualifies(ImmutableArray<Role> roles, ReadOnlySpan<RoleDays> days, ExperienceRule rule) : IQualifyingRoles
    {
        private readonly ImmutableArray<Role> roles = roles;
        private readonly ReadOnlySpan<RoleDays> days = days;
        private readonly ExperienceRule rule = rule;

        public string? Exclusion(int index, out RoleDays roleDays)
        {
            roleDays = days[index];
            return rule.ExclusionOf(roles[index]);
        }
    }

    /// <summary>
    /// What measuring needs of one role as of one date, whatever the rule: its days as day numbers, the part of it that
    /// counts, whether it is held on the date, and its weight when part time counts pro rata. Worked out once per
    /// application and date, and shared by the experience rules of a policy (Year 2 has two routes).
    /// </summary>
    internal readonly struct RoleDays
    {
        private RoleDays(LocalDate start, LocalDate countedEnd, int firstDay, int lastDay, int endDay, int proRataWeight, bool isCounted, bool isHeld)
        {
            Start = start;
            CountedEnd = countedEnd;
            FirstDay = firstDay;
            LastDay = lastDay;
            EndDay = endDay;
            ProRataWeight = proRataWeight;
            IsCounted = isCounted;
            IsHeld = isHeld;
        }

        /// <summary>Gets the first day in post.</summary>
        public LocalDate Start { get; }

        /// <summary>Gets the last day that counts: the earlier of the last day in post and the day before the date (when <see cref="IsCounted"/>).</summary>
        public LocalDate CountedEnd { get; }

        /// <summary>Gets the day number of <see cref="Start"/>.</summary>
        public int FirstDay { get; }

        /// <summary>Gets the day number of <see cref="CountedEnd"/> (when <see cref="IsCounted"/>).</summary>
        public int LastDay { get; }

        /// <summary>Gets the day number of the last day in post, or of the last ISO date for a role without an end.</summary>
        public int EndDay { get; }

        /// <summary>Gets the weight in thousandths when part time counts pro rata: the fraction rounded to even, at least 1; <see cref="Scale"/> for full time.</summary>
        public int ProRataWeight { get; }

        /// <summary>Gets a value indicating whether the role starts before the date, so some of it counts.</summary>
        public bool IsCounted { get; }

        /// <summary>Gets a value indicating whether the role is held on the date: started on or before it and not ended before it.</summary>
        public bool IsHeld { get; }

        /// <summary>Works out the days of <paramref name="role"/> as of the date whose day number is <paramref name="asOfDay"/> and whose day before is <paramref name="dayBefore"/>.</summary>
        public static RoleDays Of(Role role, int asOfDay, LocalDate dayBefore)
        {
            int firstDay = DayNumber(role.Start);
            int endDay = role.End is LocalDate end ? DayNumber(end) : MaxDayNumber;
            bool isCounted = firstDay < asOfDay;
            bool endsBefore = endDay < asOfDay;
            int weight = role.PartTimeFraction is decimal fraction ? PartTimeWeight(fraction) : Scale;
            return new RoleDays(
                role.Start,
                endsBefore ? role.End!.Value : dayBefore,
                firstDay,
                endsBefore ? endDay : asOfDay - 1,
                endDay,
                weight,
                isCounted,
                isHeld: firstDay <= asOfDay && !endsBefore);
        }

        /// <summary>Works out the days of every role of <paramref name="roles"/> as of <paramref name="asOf"/> into <paramref name="days"/>.</summary>
        public static void Of(ImmutableArray<Role> roles, LocalDate asOf, Span<RoleDays> days)
        {
            int asOfDay = DayNumber(asOf);
            LocalDate dayBefore = asOf.PlusDays(-1);
            for (int i = 0; i < days.Length; i++)
            {
                days[i] = Of(roles[i], asOfDay, dayBefore);
            }
        }
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

    /// <summary>A part-time fraction, above 0 and at most 1, in thousandths of a day: rounded to even, at least one thousandth.</summary>
    internal static int PartTimeWeight(decimal fraction)
    {
        // A fraction of up to three decimal places (0.8, 0.625) is a whole number of thousandths as it stands: no
        // decimal arithmetic. Others (0.6667) are multiplied and rounded.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(fraction, bits);
        int scale = fraction.Scale;
        if (scale <= 3 && bits[1] == 0 && bits[2] == 0 && bits[3] >= 0 && (uint)bits[0] <= Scale)
        {
            return Math.Max(1, bits[0] * ThousandthsPerUnit[scale]);
        }

        return (int)Math.Max(1m, Math.Round(fraction * Scale, MidpointRounding.ToEven));
    }

    /// <summary>Thousandths in one unit of the last decimal place, by the number of decimal places: 1,000 to 1.</summary>
    private static ReadOnlySpan<int> ThousandthsPerUnit => [1000, 100, 10, 1];

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
