namespace Upon.Core.Workforce;

/// <summary>
/// The checks on Ofsted judgement records that need context: the register, an as-of date and the other records.
/// Reading problems found by <see cref="OfstedJudgementDocument"/> are carried through, so a whole file goes in and
/// every record comes out used, reported or skipped, as <see cref="AppointmentValidation"/> does for appointments.
/// </summary>
/// <remarks>
/// <para>Each record that holds a judgement is checked for:</para>
/// <list type="bullet">
/// <item><see cref="OfstedProblemCodes.AuthorityUnknown"/>: its authority code is not in the register;</item>
/// <item><see cref="OfstedProblemCodes.OutsideRegister"/>: its date is before its authority joins the register or after
/// the day it leaves it (an authority is judged only while it exists);</item>
/// <item><see cref="OfstedProblemCodes.AfterAsOf"/>: its date is after the as-of date;</item>
/// <item><see cref="OfstedProblemCodes.Duplicate"/>: another judgement of the same authority that passed the checks above
/// has the same date. Every record of such a date is reported, so the problems found do not depend on record order.</item>
/// </list>
/// <para>
/// With <see cref="ProblemHandling.Stop"/>, the first record reported (in record number order) is the only one
/// reported; the records used are the good ones before it and the others are counted as skipped. Problem paths name the
/// field as the JSON format does (<c>$.authorityCode</c>, <c>$.date</c>); messages never repeat values of the records.
/// The records are held until the end, as the duplicates need them all: judgements are few (a few hundred a decade for
/// England).
/// </para>
/// </remarks>
public static class OfstedJudgementValidation
{
    private const string AuthorityPath = "$.authorityCode";
    private const string DatePath = "$.date";

    /// <summary>Validates <paramref name="records"/> against <paramref name="register"/> as of <paramref name="asOf"/>.</summary>
    /// <param name="records">The records, for example from <see cref="OfstedJudgementDocument"/>; enumerated once.</param>
    /// <param name="register">The authority register.</param>
    /// <param name="asOf">The date the records describe; no judgement may be published after it.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The judgements to use, the records reported and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/>, one of them, or <paramref name="register"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is not in the ISO calendar.</exception>
    public static OfstedJudgementValidationResult Validate(IEnumerable<RecordResult<OfstedJudgement>> records, AuthorityRegister register, LocalDate asOf, ProblemHandling handling = ProblemHandling.Continue)
    {
        Guard.Against.Null(register);
        return Run(records, register, asOf, handling);
    }

    /// <summary>
    /// Validates <paramref name="records"/> as of <paramref name="asOf"/> without a register: every check but those that
    /// need one (<see cref="OfstedProblemCodes.AuthorityUnknown"/>, <see cref="OfstedProblemCodes.OutsideRegister"/>), as if
    /// the register held every authority the records name, in force throughout.
    /// </summary>
    /// <param name="records">The records, for example from <see cref="OfstedJudgementDocument"/>; enumerated once.</param>
    /// <param name="asOf">The date the records describe; no judgement may be published after it.</param>
    /// <param name="handling">Whether to go on after a record with problems.</param>
    /// <returns>The judgements to use, the records reported and the counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is not in the ISO calendar.</exception>
    public static OfstedJudgementValidationResult Validate(IEnumerable<RecordResult<OfstedJudgement>> records, LocalDate asOf, ProblemHandling handling = ProblemHandling.Continue) =>
        Run(records, null, asOf, handling);

    private static OfstedJudgementValidationResult Run(IEnumerable<RecordResult<OfstedJudgement>> records, AuthorityRegister? register, LocalDate asOf, ProblemHandling handling)
    {
        Guard.Against.Null(records);
        Guard.Against.NonIsoCalendar(asOf);
        List<RecordResult<OfstedJudgement>> all = [];
        foreach (RecordResult<OfstedJudgement> record in records)
        {
            all.Add(Guard.Against.Null(record, nameof(records)));
        }

        // The problems of each record (null: none), then the judgements that passed, by authority and date, for the duplicates.
        List<DocumentProblem>?[] problems = new List<DocumentProblem>?[all.Count];
        Dictionary<(string Authority, LocalDate Date), List<int>> byDay = [];
        for (int i = 0; i < all.Count; i++)
        {
            if (all[i].Value is not OfstedJudgement judgement)
            {
                problems[i] = [.. all[i].Problems];
            }
            else if ((problems[i] = Check(judgement, register, asOf)) is null)
            {
                (string, LocalDate) day = (judgement.AuthorityCode, judgement.Date);
                if (!byDay.TryGetValue(day, out List<int>? same))
                {
                    byDay.Add(day, same = []);
                }

                same.Add(i);
            }
        }

        foreach (List<int> same in byDay.Values.Where(s => s.Count > 1))
        {
            foreach (int i in same)
            {
                problems[i] = [new DocumentProblem(DatePath, OfstedProblemCodes.Duplicate, "Another judgement of the same authority has the same date.")];
            }
        }

        // Record order: by record number, and in the order given for records with the same number (OrderBy is stable).
        List<OfstedJudgement> used = [];
        ImmutableArray<RecordResult<OfstedJudgement>>.Builder reported = ImmutableArray.CreateBuilder<RecordResult<OfstedJudgement>>();
        int fileLevel = 0;
        int skipped = 0;
        bool stopped = false;
        foreach (int i in Enumerable.Range(0, all.Count).OrderBy(i => all[i].RecordNumber))
        {
            RecordResult<OfstedJudgement> record = all[i];
            if (stopped)
            {
                skipped++;
            }
            else if (problems[i] is List<DocumentProblem> found)
            {
                reported.Add(record.IsValid ? RecordResult.Failure<OfstedJudgement>(record.RecordNumber, [.. found]) : record);
                fileLevel += record.RecordNumber == 0 ? 1 : 0;
                stopped = handling == ProblemHandling.Stop;
            }
            else
            {
                used.Add(record.Value!);
            }
        }

        // Record 0 holds problems with the file as a whole: reported, but not a record read.
        WorkforceRecordCounts summary = new(all.Count - fileLevel, used.Count, reported.Count - fileLevel, skipped);
        return new OfstedJudgementValidationResult(new OfstedJudgements(used), reported.ToImmutable(), summary, stopped);
    }

    /// <summary>The problems of a judgement against the register (when there is one) and the as-of date; null when it has none.</summary>
    private static List<DocumentProblem>? Check(OfstedJudgement judgement, AuthorityRegister? register, LocalDate asOf)
    {
        List<DocumentProblem>? found = null;
        Authority? authority = register?.Find(judgement.AuthorityCode);
        if (register is not null && authority is null)
        {
            (found ??= []).Add(new DocumentProblem(AuthorityPath, OfstedProblemCodes.AuthorityUnknown, "The authority code is not in the register."));
        }
        else if (authority is not null && (judgement.Date < authority.EffectiveFrom || (authority.EffectiveTo is LocalDate to && judgement.Date > to)))
        {
            (found ??= []).Add(new DocumentProblem(DatePath, OfstedProblemCodes.OutsideRegister, "The judgement's date falls outside its authority's period in the register."));
        }

        if (judgement.Date > asOf)
        {
            (found ??= []).Add(new DocumentProblem(DatePath, OfstedProblemCodes.AfterAsOf, "The judgement's date is after the as-of date."));
        }

        return found;
    }
}
