using NodaTime.Text;

namespace Upon.Core.Eligibility;

/// <summary>
/// An eligibility decision's explanation as text for people: the outcome in a few words, the reasons in one line,
/// and every rule, passed or failed, on a line of its own (what <c>upon eligibility check --explain</c> prints).
/// </summary>
/// <remarks>
/// <para>
/// A rule's line is <c>[mark] code (reason): message</c>, where the mark is <c>pass</c>, <c>FAIL</c> or
/// <c>????</c> (undecided), the reason is the stable code of <see cref="ReasonCodes"/> and the message is
/// <see cref="CriterionResult.Message"/>. The rules under a rule follow it in the policy's order, indented two
/// spaces more. For example, for an ineligible decision:
/// </para>
/// <code>
/// ineligible (eligible from 2022-11-01) under aspirant-directors v1, as of 2021-06-01
///   [FAIL] eligibility (all.failed): 1 of 4 requirements not met.
///     [FAIL] experience (any.failed): None of the 2 routes met.
/// </code>
/// <para>
/// Dates are ISO 8601 (<c>yyyy-MM-dd</c>). The text holds the application's identifier, the policy's codes, titles
/// and the messages as they are: a caller that writes it where control characters matter (a terminal, a log)
/// escapes each line. Lines are returned without line ends; <see cref="ToText(EligibilityDecision)"/> joins them with
/// <c>\n</c>. The wording may change between versions; switch on <see cref="CriterionResult.Reason"/>, never on text.
/// Every method is pure and safe to call from many threads.
/// </para>
/// </remarks>
public static class EligibilityExplanation
{
    /// <summary>
    /// Describes a decision's outcome in a few words: <c>eligible</c>, <c>incomplete</c>, <c>ineligible</c>, or
    /// <c>ineligible (eligible from yyyy-MM-dd)</c> when <see cref="EligibilityDecision.EligibleFrom"/> is known.
    /// </summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The outcome, in lower case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public static string DescribeOutcome(this EligibilityDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Outcome switch
        {
            EligibilityOutcome.Eligible => "eligible",
            EligibilityOutcome.Ineligible => decision.EligibleFrom is LocalDate from ? $"ineligible (eligible from {Iso(from)})" : "ineligible",
            _ => "incomplete",
        };
    }

    /// <summary>
    /// Gives the reasons for a decision in one line: for an eligible decision, the top rule's
    /// <see cref="CriterionResult.Message"/>; otherwise the reason codes of its <see cref="Causes"/>, each once, in the
    /// policy's order, separated by <c>"; "</c> (for example <c>experience.insufficient; statement.too-long</c>).
    /// </summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The reasons.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public static string Summary(this EligibilityDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Outcome == EligibilityOutcome.Eligible
            ? decision.Explanation.Message
            : string.Join("; ", decision.Explanation.Causes().Select(r => r.Reason).Distinct());
    }

    /// <summary>
    /// Finds the criteria that gave a result its outcome: for an <c>all</c> or an <c>any</c>, the causes of each rule
    /// under it that has the same outcome, in the policy's order; any other result (a <c>not</c> too), and a combining
    /// rule none of whose rules shares its outcome, is its own cause.
    /// </summary>
    /// <param name="result">A rule's result, such as <see cref="EligibilityDecision.Explanation"/>.</param>
    /// <returns>The results that decided <paramref name="result"/>'s outcome; never empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ImmutableArray<CriterionResult> Causes(this CriterionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ImmutableArray<CriterionResult>.Builder causes = ImmutableArray.CreateBuilder<CriterionResult>();
        AddCauses(result, causes);
        return causes.ToImmutable();
    }

    /// <summary>
    /// Writes a decision's explanation as lines: a heading <c>id: outcome under policy vN, as of yyyy-MM-dd</c> (the
    /// outcome as <see cref="DescribeOutcome"/> gives it), then one line per rule, the top rule indented two spaces.
    /// </summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The lines, without line ends: 1 + <see cref="CriterionResult.Count"/> of them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public static ImmutableArray<string> ToLines(this EligibilityDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ImmutableArray<string>.Builder lines = ImmutableArray.CreateBuilder<string>(1 + decision.Explanation.Count);
        lines.Add($"{decision.ApplicationId}: {decision.DescribeOutcome()} under {decision.PolicyId} v{decision.PolicyVersion}, as of {Iso(decision.AsOf)}");
        AddRules(decision.Explanation, 1, lines);
        return lines.MoveToImmutable();
    }

    /// <summary>Writes a rule's result and every result under it as lines, one per rule, this one not indented.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The lines, without line ends: <see cref="CriterionResult.Count"/> of them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static ImmutableArray<string> ToLines(this CriterionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ImmutableArray<string>.Builder lines = ImmutableArray.CreateBuilder<string>(result.Count);
        AddRules(result, 0, lines);
        return lines.MoveToImmutable();
    }

    /// <summary>Writes a decision's explanation as text: <see cref="ToLines(EligibilityDecision)"/> joined with <c>\n</c>, no line end after the last.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public static string ToText(this EligibilityDecision decision) => string.Join('\n', decision.ToLines());

    /// <summary>Writes a rule's result and every result under it as text: <see cref="ToLines(CriterionResult)"/> joined with <c>\n</c>, no line end after the last.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string ToText(this CriterionResult result) => string.Join('\n', result.ToLines());

    /// <summary>
    /// Calls <paramref name="cause"/> for each of <see cref="Causes"/> in order, without collecting them: what
    /// <see cref="DecisionDocument.WriteSummary"/> writes from.
    /// </summary>
    internal static void ForEachCause<TState>(CriterionResult result, TState state, Action<CriterionResult, TState> cause)
    {
        // A combining rule none of whose rules shares its outcome (an empty all passes) is its own cause.
        if (result.Kind is not (RuleKind.All or RuleKind.Any) || !SharesOutcome(result))
        {
            cause(result, state);
            return;
        }

        foreach (CriterionResult child in result.Results)
        {
            if (child.Outcome == result.Outcome)
            {
                ForEachCause(child, state, cause);
            }
        }
    }

    private static void AddCauses(CriterionResult result, ICollection<CriterionResult> causes) =>
        ForEachCause(result, causes, static (cause, list) => list.Add(cause));

    private static bool SharesOutcome(CriterionResult result)
    {
        foreach (CriterionResult child in result.Results)
        {
            if (child.Outcome == result.Outcome)
            {
                return true;
            }
        }

        return false;
    }

    private static void AddRules(CriterionResult result, int depth, ICollection<string> lines)
    {
        string mark = result.Outcome switch
        {
            CriterionOutcome.Pass => "pass",
            CriterionOutcome.Fail => "FAIL",
            _ => "????",
        };
        lines.Add($"{new string(' ', depth * 2)}[{mark}] {result.Code} ({result.Reason}): {result.Message}");
        foreach (CriterionResult child in result.Results)
        {
            AddRules(child, depth + 1, lines);
        }
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
