using Upon.Core.Workforce;

namespace Upon.Core.Testing;

/// <summary>
/// Generates one <see cref="SyntheticWorkforce"/>: the register, its posts and the people who hold them, year by year,
/// as <see cref="SyntheticWorkforce"/>'s remarks describe. Used once per instance, from one thread.
/// </summary>
#pragma warning disable CA5394 // Not for security: seeded, reproducible choices of synthetic records.
internal sealed class SyntheticSector
{
    private const double DefaultBeta = 0.15;
    private const int MinimumDaysInPost = 30;
    private const double DaysPerMonth = 365.2425 / 12;

    // About one judgement in five is followed within the window by its DCS leaving by choice; the odds ratio of an
    // inadequate grade given a leaving that gives a hazard ratio near SyntheticWorkforce.InadequateJudgementHazardRatio
    // (calibrated over seeds: see SyntheticWorkforceTests).
    private const double LeavingFollows = 0.2;
    private const double PlantedOddsRatio = 2.45;

    private readonly Random random;
    private readonly Post[] posts;
    private readonly List<Person> people = [];
    private readonly List<Written> written = [];
    private readonly HashSet<int> changedLateIn2020 = [];

    public SyntheticSector(int seed)
    {
        random = new Random(seed);
        posts = [.. SyntheticWorkforce.AuthorityPlan().Select((a, i) => new Post(i, a.Code, a.Region, a.From, a.To))];
    }

    public (AuthorityRegister Register, ImmutableArray<Appointment> Appointments, ImmutableArray<OfstedJudgement> Judgements) Run()
    {
        foreach (Post post in posts.Where(p => p.From == SyntheticWorkforce.RegisterStart))
        {
            LocalDate start = LocalDate.Max(SyntheticWorkforce.RegisterStart, SyntheticWorkforce.CoverageStart.PlusDays(-random.Next(30, 6 * 365)));
            if (start > SyntheticWorkforce.RegisterStart.PlusYears(1) && random.NextDouble() < 0.35)
            {
                // The authority's first DCS, from 2005: someone the pool of experienced DCSs holds from the start.
                Appoint(post, SyntheticWorkforce.RegisterStart, AppointmentKind.Permanent, NewPerson(), null);
                Close(post, start.PlusDays(-1), byRegister: false);
            }

            Appoint(post, start, AppointmentKind.Permanent, NewPerson(), null);
        }

        foreach (SyntheticTurnoverTarget target in SyntheticWorkforce.Targets)
        {
            RunYear(target);
        }

        foreach (Post post in posts.Where(p => p.Holder >= 0))
        {
            Close(post, null, byRegister: false);
        }

        AssignReasons();
        ImmutableArray<OfstedJudgement> judgements = Judgements();
        AlignReasons(judgements);
        AuthorityRegister register = new(posts.Select(p => new Authority(p.Code, $"{SyntheticWorkforce.Label} Authority {p.Code[1..]}", p.Region, p.From, p.To)));
        ImmutableArray<Appointment> appointments =
        [
            .. written
                .OrderBy(w => posts[w.Post].Code, StringComparer.Ordinal)
                .ThenBy(w => w.Start)
                .Select(w => new Appointment(posts[w.Post].Code, people[w.Person].Id, w.Start, w.End, w.Kind) { ExitReason = w.Reason }),
        ];
        return (register, appointments, judgements);
    }

    /// <summary>
    /// The judgements, drawn after the appointments so that they change none: about one every three years while an
    /// authority is in force. A judgement is inadequate with a higher chance when its authority's DCS leaves within the
    /// window after it, so that the rate of leaving under the covariate is about
    /// <see cref="SyntheticWorkforce.InadequateJudgementHazardRatio"/> times the rate otherwise.
    /// </summary>
    private ImmutableArray<OfstedJudgement> Judgements()
    {
        List<OfstedJudgement> judgements = [];
        int total = SyntheticWorkforce.JudgementGradeWeights.Sum();
        double inadequate = SyntheticWorkforce.JudgementGradeWeights[^1] / (double)total;
        // A leaving follows about one judgement in LeavingFollows within the window: choose the two chances so that the
        // odds of leaving are raised by the planted ratio and the share of inadequate judgements stays the weights'.
        double otherwise = inadequate / (1 + (LeavingFollows * (PlantedOddsRatio - 1)));
        double beforeLeaving = otherwise * PlantedOddsRatio;
        ILookup<int, LocalDate> leavings = Leavings();
        double dueBeforeLeaving = random.NextDouble();
        double dueOtherwise = random.NextDouble();
        foreach (Post post in posts.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            LocalDate last = post.To is LocalDate to && to < SyntheticWorkforce.CoverageEnd ? to : SyntheticWorkforce.CoverageEnd;
            LocalDate date = post.From == SyntheticWorkforce.RegisterStart
                ? new LocalDate(2014, 1, 1).PlusDays(random.Next(0, 4 * 365))
                : post.From.PlusMonths(12).PlusDays(random.Next(0, 366));
            while (date <= last)
            {
                LocalDate from = date;
                LocalDate until = date.PlusMonths(SyntheticWorkforce.InadequateJudgementWindowMonths);
                bool leavingFollows = leavings[post.Index].Any(end => from <= end && end < until);
                // Error diffusion rather than a coin each time: each kind of judgement gets its share of inadequate
                // grades within one, so that the planted ratio varies little between seeds.
                ref double share = ref leavingFollows ? ref dueBeforeLeaving : ref dueOtherwise;
                share += leavingFollows ? beforeLeaving : otherwise;
                bool isInadequate = share >= 1;
                share -= isInadequate ? 1 : 0;
                OfstedGrade grade = isInadequate ? OfstedGrade.Inadequate : Grade(random.Next(total - SyntheticWorkforce.JudgementGradeWeights[^1]));
                judgements.Add(new OfstedJudgement(post.Code, date, grade));
                date = grade switch
                {
                    OfstedGrade.Inadequate => date.PlusMonths(random.Next(18, 31)),
                    OfstedGrade.RequiresImprovement => date.PlusMonths(random.Next(30, 43)),
                    _ => date.PlusMonths(random.Next(36, 55)),
                };
            }
        }

        return [.. judgements];

        // A grade other than inadequate, in proportion to the weights.
        static OfstedGrade Grade(int draw)
        {
            int grade = 0;
            while (draw >= SyntheticWorkforce.JudgementGradeWeights[grade])
            {
                draw -= SyntheticWorkforce.JudgementGradeWeights[grade++];
            }

            return (OfstedGrade)(grade + 1);
        }
    }

    private void RunYear(SyntheticTurnoverTarget target)
    {
        DateInterval year = TurnoverPeriods.FinancialYear(target.StartYear);
        int forcedChanges = 0;
        int forcedInterims = 0;
        foreach (SyntheticRegisterChange change in SyntheticWorkforce.RegisterChanges.Where(c => c.Date == year.Start))
        {
            (int changes, int interims) = ApplyRegisterChange(change);
            forcedChanges += changes;
            forcedInterims += interims;
        }

        int authorities = target.AuthoritiesWithChange - forcedChanges;
        int doubles = target.Changes - target.AuthoritiesWithChange;
        int singleInterims = target.InterimAppointments - forcedInterims - doubles;
        if (authorities < doubles || singleInterims < 0 || singleInterims > authorities - doubles || target.NewPermanent > target.Changes - target.InterimAppointments)
        {
            throw new InvalidOperationException($"The targets of {target.StartYear} cannot all hold.");
        }

        Post[] eligible = [.. posts.Where(p => p.From < year.Start && (p.To is not LocalDate to || to >= year.End))];
        Draws[] draws = [.. eligible.Select(_ => new Draws(random))];
        Plan? best = null;
        int attempts = target.MeanTenureMonths is null ? 1 : 40;
        for (int attempt = 0; attempt < attempts && (best is null || !best.Hits(target)); attempt++)
        {
            double[] keys = [.. eligible.Select(_ => random.NextDouble())];
            IEnumerable<double> betas = target.MeanTenureMonths is null ? [DefaultBeta] : Enumerable.Range(0, 61).Select(i => -2 + (i / 10.0));
            foreach (double beta in betas)
            {
                Plan plan = Schedule(year, target, eligible, draws, keys, beta, authorities, doubles, singleInterims);
                if (best is null || plan.Distance(target) < best.Distance(target))
                {
                    best = plan;
                }
            }
        }

        Execute(best!.Changes);
    }

    /// <summary>Ends the authorities of a merger or split and starts the new ones; returns the changes and interim appointments it makes.</summary>
    private (int Changes, int Interims) ApplyRegisterChange(SyntheticRegisterChange change)
    {
        Post[] ended = [.. change.Ended.Select(code => posts.Single(p => p.Code == code))];
        int successorHolder = ended[0].Holder;
        foreach (Post post in ended)
        {
            Close(post, change.Date.PlusDays(-1), byRegister: true);
        }

        Post[] begun = [.. change.Begun.Select(code => posts.Single(p => p.Code == code))];
        Appoint(begun[0], change.Date, AppointmentKind.Permanent, successorHolder, null);
        foreach (Post post in begun.Skip(1))
        {
            Appoint(post, change.Date, AppointmentKind.Interim, Experienced(post, change.Date, exclude: -1), null);
        }

        return (begun.Length, begun.Length - 1);
    }

    /// <summary>Plans one year's changes for one β and set of selection keys, and the mean time in post it gives on the year's last day.</summary>
    private Plan Schedule(DateInterval year, SyntheticTurnoverTarget target, Post[] eligible, Draws[] draws, double[] keys, double beta, int authorities, int doubles, int singleInterims)
    {
        int[] chosen = [.. Enumerable.Range(0, eligible.Length)
            .Select(i => (i, key: Math.Log(1 - keys[i]) / Weight(eligible[i], year.Start, beta)))
            .OrderByDescending(t => t.key)
            .ThenBy(t => t.i)
            .Take(authorities)
            .Select(t => t.i)];
        HashSet<int> doubled = [.. chosen.OrderBy(i => draws[i].Double).ThenBy(i => i).Take(doubles)];
        int[] singles = [.. chosen.Where(i => !doubled.Contains(i))];

        // The rolling years: which single changes fall from April to June.
        HashSet<int> early = target.StartYear switch
        {
            2019 => [.. singles.OrderBy(i => draws[i].Early).ThenBy(i => i).Take(2)],
            2020 => [.. singles.OrderBy(i => draws[i].Early).ThenBy(i => i).Take(3)],
            2021 => [.. singles.Where(i => !changedLateIn2020.Contains(eligible[i].Index)).OrderBy(i => draws[i].Early).ThenBy(i => i).Take(6)],
            _ => [],
        };
        bool split = target.StartYear is 2019 or 2020 or 2021;
        HashSet<int> interims = [.. singles.OrderBy(i => draws[i].Interim).ThenBy(i => i).Take(singleInterims)];

        List<PlannedChange> changes = [];
        foreach (int i in chosen)
        {
            Post post = eligible[i];
            Draws d = draws[i];
            LocalDate windowStart = !split ? year.Start : early.Contains(i) ? year.Start : new LocalDate(target.StartYear, 7, 1);
            LocalDate windowEnd = !split || !early.Contains(i) ? year.End : new LocalDate(target.StartYear, 6, 30);
            LocalDate low = LocalDate.Max(windowStart, post.SpellStart.PlusDays(MinimumDaysInPost));
            if (doubled.Contains(i))
            {
                LocalDate first = Between(low, windowEnd.PlusDays(-150), d.Date);
                changes.Add(new PlannedChange(post, first, d.Acting ? AppointmentKind.Acting : AppointmentKind.Interim, FirstTime: d.Acting, null, d.FirstTime));
                changes.Add(new PlannedChange(post, first.PlusDays(60 + (int)(d.Gap * 91)), AppointmentKind.Permanent, FirstTime: false, null, d.FirstTime));
            }
            else if (interims.Contains(i))
            {
                LocalDate start = Between(low, windowEnd, d.Date);
                LocalDate? confirm = d.Confirmed ? start.PlusDays(60 + (int)(d.Gap * 121)) : null;
                changes.Add(new PlannedChange(post, start, d.Acting ? AppointmentKind.Acting : AppointmentKind.Interim, FirstTime: d.Acting, confirm, d.FirstTime));
            }
            else
            {
                changes.Add(new PlannedChange(post, Between(low, windowEnd, d.Date), AppointmentKind.Permanent, FirstTime: false, null, d.FirstTime));
            }
        }

        // The year's new permanent DCSs: the permanent starts first in the draw's order are first-time DCSs.
        HashSet<PlannedChange> firstTime = [.. changes.Where(c => c.Kind == AppointmentKind.Permanent).OrderBy(c => c.Order).ThenBy(c => c.Post.Index).Take(target.NewPermanent)];
        changes = [.. changes.Select(c => firstTime.Contains(c) ? c with { FirstTime = true } : c)];

        // The mean time in post on the year's last day, as TenureMeasures.TimeInPost gives it.
        Dictionary<int, LocalDate> lastStart = [];
        foreach (PlannedChange change in changes)
        {
            lastStart[change.Post.Index] = lastStart.TryGetValue(change.Post.Index, out LocalDate before) && before > change.Date ? before : change.Date;
        }

        double total = 0;
        int count = 0;
        foreach (Post post in posts.Where(p => p.Holder >= 0 && p.From <= year.End && (p.To is not LocalDate to || to >= year.End)))
        {
            LocalDate start = lastStart.TryGetValue(post.Index, out LocalDate changed) ? changed : post.SpellStart;
            total += Period.DaysBetween(start, year.End) + 1;
            count++;
        }

        return new Plan(changes, total / count / DaysPerMonth);
    }

    private void Execute(List<PlannedChange> changes)
    {
        foreach (PlannedChange change in changes.OrderBy(c => c.Date).ThenBy(c => c.Post.Index))
        {
            if (change.Date.Year == 2020 && change.Date.Month >= 7 || change.Date.Year == 2021 && change.Date.Month <= 3)
            {
                changedLateIn2020.Add(change.Post.Index);
            }

            int outgoing = change.Post.Holder;
            Close(change.Post, change.Date.PlusDays(-1), byRegister: false);
            int person = change.FirstTime ? NewPerson() : Experienced(change.Post, change.Date, outgoing);
            Appoint(change.Post, change.Date, change.Kind, person, change.ConfirmOn);
        }
    }

    /// <summary>A DCS from the pool of people not in post (a return one time in ten when there is one), or a new person when the pool is empty.</summary>
    private int Experienced(Post post, LocalDate date, int exclude)
    {
        List<Person> pool = [.. people.Where(p => p.Post < 0 && p.LastEnd is LocalDate end && end < date && p.Number != exclude)];
        if (pool.Count == 0)
        {
            return NewPerson();
        }

        List<Person> returning = [.. pool.Where(p => p.Served.Contains(post.Index))];
        List<Person> from = returning.Count > 0 && random.NextDouble() < 0.08 ? returning : pool;
        double[] weights = [.. from.Select(p => Math.Exp(-Period.DaysBetween(p.LastEnd!.Value, date) / 180.0))];
        double pick = random.NextDouble() * weights.Sum();
        for (int i = 0; i < from.Count; i++)
        {
            pick -= weights[i];
            if (pick <= 0)
            {
                return from[i].Number;
            }
        }

        return from[^1].Number;
    }

    private int NewPerson()
    {
        int number = people.Count;
        people.Add(new Person(number, $"{SyntheticWorkforce.Label.ToLowerInvariant()}-{number + 1:0000}"));
        return number;
    }

    private void Appoint(Post post, LocalDate start, AppointmentKind kind, int person, LocalDate? confirmOn)
    {
        post.Holder = person;
        post.SpellStart = start;
        post.Kind = kind;
        post.ConfirmOn = confirmOn;
        people[person].Post = post.Index;
        people[person].Served.Add(post.Index);
    }

    /// <summary>Writes the holder's appointments, ending on <paramref name="lastDay"/> (null: still in post), and frees the holder.</summary>
    private void Close(Post post, LocalDate? lastDay, bool byRegister)
    {
        LocalDate lastCovered = lastDay ?? SyntheticWorkforce.CoverageEnd;
        if (post.ConfirmOn is LocalDate confirmed && confirmed <= lastCovered)
        {
            written.Add(new Written(post.Index, post.Holder, post.SpellStart, confirmed.PlusDays(-1), post.Kind, EndsSpell: false, ByRegister: false, StandIn: false));
            written.Add(new Written(post.Index, post.Holder, confirmed, lastDay, AppointmentKind.Permanent, EndsSpell: true, byRegister, StandIn: false));
        }
        else
        {
            written.Add(new Written(post.Index, post.Holder, post.SpellStart, lastDay, post.Kind, EndsSpell: true, byRegister, StandIn: post.Kind != AppointmentKind.Permanent));
        }

        people[post.Holder].Post = -1;
        people[post.Holder].LastEnd = lastDay;
        post.Holder = -1;
    }

    /// <summary>The last days in post of the spells that end by the holder's choice (not a stand-in's, not the register's), by post.</summary>
    private ILookup<int, LocalDate> Leavings() =>
        written
            .Where(w => w.EndsSpell && !w.StandIn && !w.ByRegister && w.End is not null)
            .ToLookup(w => w.Post, w => w.End!.Value);

    /// <summary>
    /// Gives the reason <see cref="ExitReason.LeftAfterInadequateJudgement"/> to half the DCSs who left by choice (not to
    /// another DCS post) within the window after an inadequate judgement of their authority.
    /// </summary>
    private void AlignReasons(ImmutableArray<OfstedJudgement> judgements)
    {
        ILookup<string, LocalDate> inadequate = judgements.Where(j => j.Grade == OfstedGrade.Inadequate).ToLookup(j => j.AuthorityCode, j => j.Date, StringComparer.Ordinal);
        for (int i = 0; i < written.Count; i++)
        {
            Written w = written[i];
            if (w.End is not LocalDate end || !w.EndsSpell || w.StandIn || w.ByRegister || w.Reason == ExitReason.MovedToAnotherDcsPost)
            {
                continue;
            }

            bool after = inadequate[posts[w.Post].Code].Any(date => date <= end && end < date.PlusMonths(SyntheticWorkforce.InadequateJudgementWindowMonths));
            if (after && random.NextDouble() < 0.5)
            {
                written[i] = w with { Reason = ExitReason.LeftAfterInadequateJudgement };
            }
        }
    }

    private void AssignReasons()
    {
        ILookup<int, LocalDate> startsOf = written.ToLookup(w => w.Person, w => w.Start);
        for (int i = 0; i < written.Count; i++)
        {
            Written w = written[i];
            if (w.End is not LocalDate end || !w.EndsSpell)
            {
                continue;
            }

            bool movesOn = startsOf[w.Person].Any(start => start > end && Period.DaysBetween(end, start) <= 400);
            ExitReason reason = w.ByRegister ? (startsOf[w.Person].Contains(end.PlusDays(1)) ? ExitReason.MovedToAnotherDcsPost : ExitReason.Restructure)
                : w.StandIn ? ExitReason.SpellEnded
                : movesOn ? ExitReason.MovedToAnotherDcsPost
                : random.NextDouble() switch
                {
                    < 0.35 => ExitReason.Retired,
                    < 0.60 => ExitReason.LeftLocalGovernment,
                    _ => ExitReason.Unknown,
                };
            written[i] = w with { Reason = reason };
        }
    }

    private static double Weight(Post post, LocalDate date, double beta)
    {
        double years = Period.DaysBetween(post.SpellStart, date) / 365.25;
        bool standIn = post.Kind != AppointmentKind.Permanent && !(post.ConfirmOn is LocalDate confirmed && confirmed <= date);
        return Math.Exp(beta * years) * (standIn ? 3 : 1);
    }

    private static LocalDate Between(LocalDate low, LocalDate high, double fraction) =>
        high < low ? low : low.PlusDays((int)(fraction * (Period.DaysBetween(low, high) + 1)));

    /// <summary>An authority's post as the generation goes: its current holder, the spell's start and kind.</summary>
    private sealed class Post(int index, string code, string region, LocalDate from, LocalDate? to)
    {
        public int Index { get; } = index;

        public string Code { get; } = code;

        public string Region { get; } = region;

        public LocalDate From { get; } = from;

        public LocalDate? To { get; } = to;

        public int Holder { get; set; } = -1;

        public LocalDate SpellStart { get; set; }

        public AppointmentKind Kind { get; set; }

        public LocalDate? ConfirmOn { get; set; }
    }

    /// <summary>A person who holds DCS posts: where they are now and where they have been.</summary>
    private sealed class Person(int number, string id)
    {
        public int Number { get; } = number;

        public string Id { get; } = id;

        public int Post { get; set; } = -1;

        public LocalDate? LastEnd { get; set; }

        public HashSet<int> Served { get; } = [];
    }

    /// <summary>One appointment written, with what the exit reason needs.</summary>
    private readonly record struct Written(int Post, int Person, LocalDate Start, LocalDate? End, AppointmentKind Kind, bool EndsSpell, bool ByRegister, bool StandIn)
    {
        public ExitReason? Reason { get; init; }
    }

    /// <summary>One change planned: a new holder of <paramref name="Post"/> from <paramref name="Date"/>.</summary>
    private sealed record PlannedChange(Post Post, LocalDate Date, AppointmentKind Kind, bool FirstTime, LocalDate? ConfirmOn, double Order);

    /// <summary>A year's planned changes and the mean time in post, in months, they give on its last day.</summary>
    private sealed record Plan(List<PlannedChange> Changes, double MeanMonths)
    {
        public double Distance(SyntheticTurnoverTarget target) => target.MeanTenureMonths is int months ? Math.Abs(MeanMonths - months) : 0;

        public bool Hits(SyntheticTurnoverTarget target) => Distance(target) < 0.45;
    }

    /// <summary>The random values one authority's changes in one year are made of, drawn once so that every plan of the year uses the same.</summary>
    private sealed class Draws(Random random)
    {
        public double Double { get; } = random.NextDouble();

        public double Interim { get; } = random.NextDouble();

        public double Early { get; } = random.NextDouble();

        public double FirstTime { get; } = random.NextDouble();

        public double Date { get; } = random.NextDouble();

        public double Gap { get; } = random.NextDouble();

        public bool Confirmed { get; } = random.NextDouble() < 0.25;

        public bool Acting { get; } = random.NextDouble() < 0.12;
    }
}
#pragma warning restore CA5394
