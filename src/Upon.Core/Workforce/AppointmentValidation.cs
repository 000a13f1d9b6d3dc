using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using Upon.Core.Serialization;

namespace Upon.Core.Workforce;

/// <summary>
/// The outcome of validating appointment records: the appointments to use, the records reported with
/// their problems, and the counts, with records in = used + reported + skipped.
/// </summary>
/// <remarks>Instances are immutable.</remarks>
public sealed class AppointmentValidationResult
{
    internal AppointmentValidationResult(ImmutableArray<Appointment> appointments, ImmutableArray<AppointmentRecord> reported, AppointmentSummary summary, bool stopped)
    {
        Appointments = appointments;
        Reported = reported;
        Summary = summary;
        Stopped = stopped;
    }

    /// <summary>Gets the appointments of the records used, in record order.</summary>
    public ImmutableArray<Appointment> Appointments { get; }

    /// <summary>Gets the records reported, in record order, each with every problem found in it.</summary>
    public ImmutableArray<AppointmentRecord> Reported { get; }

    /// <summary>Gets the counts of records read, used, reported and skipped.</summary>
    public AppointmentSummary Summary { get; }

    /// <summary>Gets a value indicating whether the validation stopped at a problem (<see cref="ProblemHandling.Stop"/>).</summary>
    public bool Stopped { get; }
}

/// <summary>
/// The checks on appointment records that need context: the register, an as-of date and the other
/// records. Reading problems found by <see cref="AppointmentReader"/> are carried through, so a whole
/// file goes in and every record comes out used, reported or skipped.
/// </summary>
/// <remarks>
/// <para>Each record that holds an appointment is checked for:</para>
/// <list type="bullet">
/// <item><see cref="AppointmentProblemCodes.AuthorityUnknown"/>: its authority code is not in the register;</item>
/// <item><see cref="AppointmentProblemCodes.OutsideRegister"/>: it starts before its authority joins the register, or ends
/// (or, when still open, is open on the as-of date) after the authority leaves it;</item>
/// <item><see cref="AppointmentProblemCodes.AfterAsOf"/>: its start or end is after the as-of date;</item>
/// <item><see cref="AppointmentProblemCodes.PermanentOverlap"/>: it is permanent and shares a day with another permanent
/// appointment of the same authority that passed the checks above. Both records of an overlapping pair are reported,
/// so the problems found do not depend on record order.</item>
/// </list>
/// <para>
/// With <see cref="ProblemHandling.Stop"/>, the first record reported (in record number order) is the only one
/// reported; the records used are the good ones before it and the others are counted as skipped.
/// Problem paths name the field as the JSON format does (<c>$.authorityCode</c>, <c>$.start</c>, <c>$.end</c>);
/// messages never repeat values of the records.
/// </para>
/// </remarks>
public static class AppointmentValidation
{
    /// <summary>Validates <paramref name="records"/> against <paramref name="register"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="records">The records, for example from <see cref="AppointmentReader"/>; enumerated once.</param>
    /// <param name="register">The authority register.</param>
    /// <param name="asOf">The date the records describe; no date may be after it.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The appointments to use, the records reported and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/>, one of them, or <paramref name="register"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is not in the ISO calendar.</exception>
    public static AppointmentValidationResult Validate(IEnumerable<AppointmentRecord> records, AuthorityRegister register, LocalDate asOf, ProblemHandling handling = ProblemHandling.Continue)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(register);
        Preconditions.CheckIso(asOf);

        List<AppointmentRecord> all = [];
        List<List<DocumentProblem>?> problems = [];
        Dictionary<string, List<int>> permanentByAuthority = new(StringComparer.Ordinal);
        foreach (AppointmentRecord record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            int position = all.Count;
            all.Add(record);
            if (!record.IsValid)
            {
                problems.Add([.. record.Problems]);
                continue;
            }

            List<DocumentProblem>? found = Check(record.Appointment, register, asOf);
            problems.Add(found);
            if (found is null && record.Appointment.Kind == AppointmentKind.Permanent)
            {
                if (!permanentByAuthority.TryGetValue(record.Appointment.AuthorityCode, out List<int>? list))
                {
                    list = [];
                    permanentByAuthority.Add(record.Appointment.AuthorityCode, list);
                }

                list.Add(position);
            }
        }

        foreach (List<int> positions in permanentByAuthority.Values)
        {
            MarkOverlaps(all, positions, problems);
        }

        // Record order: by record number, then by position for records with the same number.
        int[] order = new int[all.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => all[a].RecordNumber != all[b].RecordNumber ? all[a].RecordNumber.CompareTo(all[b].RecordNumber) : a.CompareTo(b));
        int stopAt = int.MaxValue;
        if (handling == ProblemHandling.Stop)
        {
            foreach (int position in order)
            {
                if (problems[position] is not null)
                {
                    stopAt = position;
                    break;
                }
            }
        }

        ImmutableArray<Appointment>.Builder used = ImmutableArray.CreateBuilder<Appointment>();
        ImmutableArray<AppointmentRecord>.Builder reported = ImmutableArray.CreateBuilder<AppointmentRecord>();
        int skipped = 0;
        bool stopped = false;
        foreach (int position in order)
        {
            if (stopped)
            {
                skipped++;
                continue;
            }

            AppointmentRecord record = all[position];
            if (problems[position] is List<DocumentProblem> list)
            {
                reported.Add(record.IsValid || list.Count != record.Problems.Length ? new AppointmentRecord(record.RecordNumber, null, [.. list]) : record);
                stopped = position == stopAt;
            }
            else
            {
                used.Add(record.Appointment!);
            }
        }

        AppointmentSummary summary = new(all.Count, used.Count, reported.Count, skipped);
        return new AppointmentValidationResult(used.ToImmutable(), reported.ToImmutable(), summary, stopped);
    }

    private static List<DocumentProblem>? Check(Appointment appointment, AuthorityRegister register, LocalDate asOf)
    {
        List<DocumentProblem>? found = null;
        Authority? authority = register.Find(appointment.AuthorityCode);
        if (authority is null)
        {
            Add(ref found, "$.authorityCode", AppointmentProblemCodes.AuthorityUnknown, "The authority code is not in the register.");
        }
        else
        {
            LocalDate last = appointment.End ?? (asOf > appointment.Start ? asOf : appointment.Start);
            if (appointment.Start < authority.EffectiveFrom || (authority.EffectiveTo is LocalDate to && last > to))
            {
                Add(ref found, appointment.Start < authority.EffectiveFrom ? "$.start" : "$.end", AppointmentProblemCodes.OutsideRegister, "The appointment falls outside its authority's period in the register.");
            }
        }

        if (appointment.Start > asOf)
        {
            Add(ref found, "$.start", AppointmentProblemCodes.AfterAsOf, "The first day in post is after the as-of date.");
        }

        if (appointment.End is LocalDate end && end > asOf)
        {
            Add(ref found, "$.end", AppointmentProblemCodes.AfterAsOf, "The last day in post is after the as-of date.");
        }

        return found;
    }

    private static void Add(ref List<DocumentProblem>? found, string path, string code, string message)
    {
        found ??= [];
        found.Add(new DocumentProblem(path, code, message));
    }

    /// <summary>
    /// Reports every appointment that shares a day with another: sorted by start, one overlaps an earlier one
    /// when it starts by the latest end before it, and a later one when it ends on or after the next start.
    /// </summary>
    private static void MarkOverlaps(List<AppointmentRecord> all, List<int> positions, List<List<DocumentProblem>?> problems)
    {
        if (positions.Count < 2)
        {
            return;
        }

        positions.Sort((a, b) => all[a].Appointment!.Start.CompareTo(all[b].Appointment!.Start));
        LocalDate latestEnd = LocalDate.MinIsoValue;
        for (int i = 0; i < positions.Count; i++)
        {
            Appointment appointment = all[positions[i]].Appointment!;
            LocalDate end = appointment.End ?? LocalDate.MaxIsoValue;
            bool overlapsEarlier = i > 0 && appointment.Start <= latestEnd;
            bool overlapsLater = i + 1 < positions.Count && end >= all[positions[i + 1]].Appointment!.Start;
            if (overlapsEarlier || overlapsLater)
            {
                List<DocumentProblem> list = problems[positions[i]] ??= [];
                list.Add(new DocumentProblem("$.start", AppointmentProblemCodes.PermanentOverlap, "Another permanent appointment of the same authority shares at least one day with this one."));
            }

            if (end > latestEnd)
            {
                latestEnd = end;
            }
        }
    }
}
