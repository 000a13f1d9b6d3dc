namespace Upon.Core.Workforce;

/// <summary>
/// A covariate of DCS tenure for Cox regression (<see cref="TenureMeasures.CoxRecords"/>): a number for each day of a
/// spell in post, fixed for the spell (<see cref="Fixed"/>, say "began as an interim") or changing on dates during it
/// (<see cref="RecentJudgement"/>: "an inadequate Ofsted judgement in the last 12 months", <see cref="CurrentGrade"/>,
/// or any steps of the caller's, <see cref="Changing"/>).
/// </summary>
/// <remarks>
/// <para>
/// A value applies from the day it takes effect: a judgement published on the day a DCS leaves counts as in force when
/// they left (the tenure records of <see cref="TenureMeasures.TenureRecords"/> end at the end of the last day in post).
/// </para>
/// <para>
/// Instances are immutable and thread-safe when the functions they are made from are; equality is by reference.
/// </para>
/// </remarks>
public sealed class TenureCovariate
{
    private readonly Action<HolderSpell, DateInterval, List<(LocalDate From, double Value)>> steps;

    private TenureCovariate(string name, Action<HolderSpell, DateInterval, List<(LocalDate From, double Value)>> steps)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        this.steps = steps;
    }

    /// <summary>Gets the covariate's name, as <see cref="CoxOptions.CovariateNames"/> shows it.</summary>
    public string Name { get; }

    /// <summary>A covariate fixed for the whole spell, such as 1 for a spell that began interim or acting and 0 otherwise.</summary>
    /// <param name="name">The covariate's name.</param>
    /// <param name="value">The spell's value, finite.</param>
    /// <returns>The covariate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static TenureCovariate Fixed(string name, Func<HolderSpell, double> value)
    {
        Guard.Against.Null(value);
        return new TenureCovariate(name, (spell, days, into) => into.Add((days.Start, value(spell))));
    }

    /// <summary>
    /// A covariate that changes on dates of the caller's: 0 until the first step, then each step's value from its date
    /// to the next step's. Steps need not be in order; two on one date are refused.
    /// </summary>
    /// <param name="name">The covariate's name.</param>
    /// <param name="steps">The steps of a spell: the date each value takes effect and the value, finite; dates outside the spell are allowed (a step before it sets its first value).</param>
    /// <returns>The covariate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="steps"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static TenureCovariate Changing(string name, Func<HolderSpell, IEnumerable<(LocalDate From, double Value)>> steps)
    {
        Guard.Against.Null(steps);
        return new TenureCovariate(name, (spell, days, into) =>
        {
            List<(LocalDate From, double Value)> given = [.. Guard.Against.Null(steps(spell), nameof(steps), "The steps of a spell are null.")];
            given.Sort((x, y) => x.From.CompareTo(y.From));
            for (int i = 1; i < given.Count; i++)
            {
                Guard.Against.Invalid(given[i].From == given[i - 1].From, "A covariate has at most one step a date.", nameof(steps));
            }

            double first = 0;
            foreach ((LocalDate from, double value) in given)
            {
                if (from <= days.Start)
                {
                    first = value;
                }
            }

            into.Add((days.Start, first));
            foreach ((LocalDate from, double value) in given)
            {
                if (from > days.Start && from <= days.End)
                {
                    into.Add((from, value));
                }
            }
        });
    }

    /// <summary>
    /// 1 on the days within <paramref name="within"/> of a judgement of <paramref name="grade"/> of the spell's authority
    /// (from the judgement's publication date, included, to the same date <paramref name="within"/> later, excluded), 0
    /// otherwise: "an inadequate judgement in the last 12 months" is
    /// <c>RecentJudgement("inadequate-12m", judgements, OfstedGrade.Inadequate, Period.FromMonths(12))</c>. It switches on
    /// and off during a spell, and stays on across overlapping windows.
    /// </summary>
    /// <param name="name">The covariate's name.</param>
    /// <param name="judgements">The Ofsted judgements.</param>
    /// <param name="grade">The grade that switches the covariate on.</param>
    /// <param name="within">How long after a judgement it stays on: a positive period of months, weeks or days (added to a date as NodaTime adds it: 31 January plus a month is 29 February in a leap year).</param>
    /// <returns>The covariate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="judgements"/> or <paramref name="within"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space, or <paramref name="within"/> has a time part or is not positive.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grade"/> is undefined.</exception>
    public static TenureCovariate RecentJudgement(string name, OfstedJudgements judgements, OfstedGrade grade, Period within)
    {
        Guard.Against.Null(judgements);
        Guard.Against.UndefinedEnum(grade);
        Guard.Against.Null(within);
        Guard.Against.Invalid(
            within.HasTimeComponent || new LocalDate(2000, 1, 1).Plus(within) <= new LocalDate(2000, 1, 1),
            "The period must be positive, in years, months, weeks or days.",
            nameof(within));
        return new TenureCovariate(name, (spell, days, into) =>
        {
            // Merge the windows [date, date + within) of the grade's judgements into on/off switches.
            List<(LocalDate On, LocalDate Off)> windows = [];
            foreach (OfstedJudgement judgement in judgements.For(spell.AuthorityCode))
            {
                if (judgement.Grade != grade || judgement.Date > days.End)
                {
                    continue;
                }

                LocalDate off = judgement.Date.Plus(within);
                if (windows.Count > 0 && judgement.Date <= windows[^1].Off)
                {
                    windows[^1] = (windows[^1].On, LocalDate.Max(off, windows[^1].Off));
                }
                else
                {
                    windows.Add((judgement.Date, off));
                }
            }

            bool onAtStart = windows.Exists(w => w.On <= days.Start && days.Start < w.Off);
            into.Add((days.Start, onAtStart ? 1 : 0));
            foreach ((LocalDate on, LocalDate off) in windows)
            {
                if (on > days.Start && on <= days.End)
                {
                    into.Add((on, 1));
                }

                if (off > days.Start && off <= days.End)
                {
                    into.Add((off, 0));
                }
            }
        });
    }

    /// <summary>
    /// 1 while the latest judgement of the spell's authority (<see cref="OfstedJudgements.LatestOn"/>) is of
    /// <paramref name="grade"/>, from its publication date to the next judgement's; 0 before the authority's first
    /// judgement and while another grade is in force: "the authority is rated inadequate".
    /// </summary>
    /// <param name="name">The covariate's name.</param>
    /// <param name="judgements">The Ofsted judgements.</param>
    /// <param name="grade">The grade.</param>
    /// <returns>The covariate.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="judgements"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grade"/> is undefined.</exception>
    public static TenureCovariate CurrentGrade(string name, OfstedJudgements judgements, OfstedGrade grade)
    {
        Guard.Against.Null(judgements);
        Guard.Against.UndefinedEnum(grade);
        return new TenureCovariate(name, (spell, days, into) =>
        {
            into.Add((days.Start, judgements.LatestOn(spell.AuthorityCode, days.Start)?.Grade == grade ? 1 : 0));
            foreach (OfstedJudgement judgement in judgements.For(spell.AuthorityCode))
            {
                if (judgement.Date > days.Start && judgement.Date <= days.End)
                {
                    into.Add((judgement.Date, judgement.Grade == grade ? 1 : 0));
                }
            }
        });
    }

    /// <summary>
    /// Adds the spell's value on <paramref name="days"/>' first day, then each date in the rest of it on which the value
    /// changes, with the new value, in date order (a step that repeats the value before it is allowed).
    /// </summary>
    internal void AddSteps(HolderSpell spell, DateInterval days, List<(LocalDate From, double Value)> into)
    {
        int first = into.Count;
        steps(spell, days, into);
        for (int i = first; i < into.Count; i++)
        {
            Guard.Against.Invalid(!double.IsFinite(into[i].Value), $"The covariate '{Name}' has a value that is not finite.", nameof(spell));
        }
    }
}
