namespace Upon.Core.Workforce;

/// <summary>
/// The checks on appointment records that need context: the register, an as-of date and the other
/// records. Reading problems found by <see cref="AppointmentDocument"/> are carried through, so a whole
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
    /// <param name="records">The records, for example from <see cref="AppointmentDocument"/>; enumerated once, and not kept: only the appointments and the records reported are.</param>
    /// <param name="register">The authority register.</param>
    /// <param name="asOf">The date the records describe; no date may be after it.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The appointments to use, the records reported and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/>, one of them, or <paramref name="register"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is not in the ISO calendar.</exception>
    public static AppointmentValidationResult Validate(IEnumerable<RecordResult<Appointment>> records, AuthorityRegister register, LocalDate asOf, ProblemHandling handling = ProblemHandling.Continue)
    {
        Guard.Against.Null(register);
        return Run(records, register, asOf, handling);
    }

    /// <summary>
    /// Validates <paramref name="records"/> as of <paramref name="asOf"/> without a register: every check but those
    /// that need one (<see cref="AppointmentProblemCodes.AuthorityUnknown"/>, <see cref="AppointmentProblemCodes.OutsideRegister"/>),
    /// as if the register held every authority the records name, in force throughout.
    /// </summary>
    /// <param name="records">The records, for example from <see cref="AppointmentDocument"/>; enumerated once, and not kept: only the appointments and the records reported are.</param>
    /// <param name="asOf">The date the records describe; no date may be after it.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The appointments to use, the records reported and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is not in the ISO calendar.</exception>
    public static AppointmentValidationResult Validate(IEnumerable<RecordResult<Appointment>> records, LocalDate asOf, ProblemHandling handling = ProblemHandling.Continue) =>
        Run(records, null, asOf, handling);

    private static AppointmentValidationResult Run(IEnumerable<RecordResult<Appointment>> records, AuthorityRegister? register, LocalDate asOf, ProblemHandling handling)
    {
        Guard.Against.Null(records);
        Guard.Against.NonIsoCalendar(asOf);

        // Per record only what the result needs: its number and, when the reader could read it, its appointment as a
        // 20-byte row of a table (AppointmentRecords, which the CSV reader gives as it is); the problems are kept for
        // the few records reported.
        AppointmentRecords all = records as AppointmentRecords ?? Collect(records);
        AppointmentTable table = all.Appointments;
        int count = all.Count;
        int[] rowOf = new int[count];
        Dictionary<int, List<DocumentProblem>> problems = [];
        Dictionary<int, RecordResult<Appointment>> unread = [];
        List<int> permanent = [];
        Authority?[]? authorities = register is null ? null : Array.ConvertAll(table.Codes, register.Find);
        ReadOnlySpan<int> failedAt = all.FailedAt;
        bool inOrder = true;
        for (int position = 0, failure = 0; position < count; position++)
        {
            inOrder &= position == 0 || all.NumberAt(position - 1) <= all.NumberAt(position);
            if (failure < failedAt.Length && failedAt[failure] == position)
            {
                RecordResult<Appointment> record = all.Failures[failure++];
                rowOf[position] = -1;
                unread.Add(position, record);
                problems.Add(position, [.. record.Problems]);
                continue;
            }

            int row = rowOf[position] = position - failure;
            ref readonly AppointmentTable.Row appointment = ref table.RowAt(row);
            List<DocumentProblem>? found = Check(appointment, authorities, asOf);
            if (found is not null)
            {
                problems.Add(position, found);
            }
            else if (appointment.Kind == AppointmentKind.Permanent)
            {
                permanent.Add(position);
            }
        }

        MarkOverlaps(table, rowOf, permanent, problems);
        permanent = [];

        // Record order: by record number, then by position for records with the same number (readers give them in order already).
        int[]? order = null;
        if (!inOrder)
        {
            order = new int[count];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => all.NumberAt(a) != all.NumberAt(b) ? all.NumberAt(a).CompareTo(all.NumberAt(b)) : a.CompareTo(b));
        }

        int usedCount = 0;
        int reportedCount = 0;
        int fileLevel = 0;
        int skipped = 0;
        bool stopped = false;
        bool[] used = new bool[count];
        for (int i = 0; i < count; i++)
        {
            int position = order?[i] ?? i;
            if (stopped)
            {
                skipped++;
            }
            else if (problems.ContainsKey(position))
            {
                reportedCount++;
                fileLevel += all.NumberAt(position) == 0 ? 1 : 0;
                stopped = handling == ProblemHandling.Stop;
            }
            else
            {
                usedCount++;
                used[position] = true;
            }
        }

        ImmutableArray<RecordResult<Appointment>>.Builder reported = ImmutableArray.CreateBuilder<RecordResult<Appointment>>(reportedCount);
        for (int i = 0; i < count && reported.Count < reportedCount; i++)
        {
            int position = order?[i] ?? i;
            if (problems.TryGetValue(position, out List<DocumentProblem>? list))
            {
                RecordResult<Appointment>? record = unread.GetValueOrDefault(position);
                reported.Add(record is not null && list.Count == record.Problems.Length ? record : RecordResult.Failure<Appointment>(all.NumberAt(position), [.. list]));
            }
        }

        // The table keeps the rows of the records used; records given out of order are put in record order first.
        AppointmentTable usedTable;
        if (order is null)
        {
            bool[] rowUsed = new bool[table.Count];
            for (int position = 0; position < count; position++)
            {
                if (used[position])
                {
                    rowUsed[rowOf[position]] = true;
                }
            }

            usedTable = table.Keep(rowUsed);
        }
        else
        {
            List<Appointment> inRecordOrder = new(usedCount);
            foreach (int position in order)
            {
                if (used[position])
                {
                    inRecordOrder.Add(table[rowOf[position]]);
                }
            }

            usedTable = AppointmentTable.Of(inRecordOrder);
        }

        // Record 0 holds problems with the file as a whole: reported, but not a record read.
        AppointmentSummary summary = new(count - fileLevel, usedCount, reportedCount - fileLevel, skipped);
        return new AppointmentValidationResult(usedTable, reported.MoveToImmutable(), summary, stopped);
    }

    private static AppointmentRecords Collect(IEnumerable<RecordResult<Appointment>> records)
    {
        AppointmentRecords.Builder builder = new(records.TryGetNonEnumeratedCount(out int count) ? count : 0);
        foreach (RecordResult<Appointment> record in records)
        {
            Guard.Against.Null(record, nameof(records));
            builder.Add(record);
        }

        return builder.Build();
    }

    /// <summary>The problems of an appointment against the register (when <paramref name="authorities"/>, the register's authority of each code of the table, is given) and the as-of date.</summary>
    private static List<DocumentProblem>? Check(in AppointmentTable.Row appointment, Authority?[]? authorities, LocalDate asOf)
    {
        List<DocumentProblem>? found = null;
        Authority? authority = authorities?[appointment.Authority];
        if (authorities is not null && authority is null)
        {
            Add(ref found, "$.authorityCode", AppointmentProblemCodes.AuthorityUnknown, "The authority code is not in the register.");
        }
        else if (authority is not null)
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
    /// Reports every permanent appointment that shares a day with another of its authority: sorted by authority and
    /// start, one overlaps an earlier one when it starts by the latest end before it, and a later one when it ends on
    /// or after the next start. (Which of two equal starts comes first changes nothing: both overlap.)
    /// </summary>
    private static void MarkOverlaps(AppointmentTable table, int[] rowOf, List<int> positions, Dictionary<int, List<DocumentProblem>> problems)
    {
        positions.Sort((a, b) =>
        {
            ref readonly AppointmentTable.Row x = ref table.RowAt(rowOf[a]);
            ref readonly AppointmentTable.Row y = ref table.RowAt(rowOf[b]);
            return x.Authority != y.Authority ? x.Authority.CompareTo(y.Authority) : x.Start.CompareTo(y.Start);
        });
        LocalDate latestEnd = LocalDate.MinIsoValue;
        for (int i = 0; i < positions.Count; i++)
        {
            ref readonly AppointmentTable.Row appointment = ref table.RowAt(rowOf[positions[i]]);
            bool first = i == 0 || table.RowAt(rowOf[positions[i - 1]]).Authority != appointment.Authority;
            latestEnd = first ? LocalDate.MinIsoValue : latestEnd;
            LocalDate end = appointment.End ?? LocalDate.MaxIsoValue;
            bool overlapsEarlier = !first && appointment.Start <= latestEnd;
            bool overlapsLater = i + 1 < positions.Count && table.RowAt(rowOf[positions[i + 1]]).Authority == appointment.Authority && end >= table.RowAt(rowOf[positions[i + 1]]).Start;
            if (overlapsEarlier || overlapsLater)
            {
                if (!problems.TryGetValue(positions[i], out List<DocumentProblem>? list))
                {
                    list = [];
                    problems.Add(positions[i], list);
                }

                list.Add(new DocumentProblem("$.start", AppointmentProblemCodes.PermanentOverlap, "Another permanent appointment of the same authority shares at least one day with this one."));
            }

            if (end > latestEnd)
            {
                latestEnd = end;
            }
        }
    }
}
