namespace Upon.Core.Eligibility;

/// <summary>
/// Generates the conformance cases at the edges of a policy (<see cref="Generate"/>): for each rule with an edge, the
/// smallest application that sits on either side of it while the other rules stay as they need to be for that rule to
/// decide. Written with <see cref="EligibilityCaseDocument"/>, they make a case file a user can keep and run again
/// after every change of the policy or of the library.
/// </summary>
/// <remarks>
/// <para>The edges, for each rule of the tree:</para>
/// <list type="bullet">
/// <item>An experience rule of minimum <c>M</c> (not zero): a role counted by the rule, current and full time, started on
/// 29 February, 31 January, 30 April and 31 August (the latest such days from which <c>M</c> is met by the as-of date
/// given), as of the day the minimum is met (the start plus <c>M</c> in calendar terms: from 29 February 2020 three
/// years are met on 28 February 2023) and the day before, one day short, which is eligible from the day met; and the same
/// role half time from a 31 January, met on the day its half days, a part of a day rounded up, reach <c>M</c> when the
/// rule counts part time pro rata, and on the same day as full time when it counts part time in full.</item>
/// <item>A readiness rule of window <c>W</c>: a readiness date on the as-of date (the window's first day), on the as-of
/// date plus <c>W</c> (its last day), the day after (outside) and the day before the as-of date (already ready, which is
/// within); and the last day and the day after from an as-of date of 29 February.</item>
/// <item>A statement rule: a statement of exactly the maximum number of words and of one more; of exactly the minimum
/// (when it differs) and of one fewer (none at all for a minimum of one).</item>
/// <item>An assessors' outcome rule: the criterion judged met, not met, and not judged.</item>
/// <item>An <c>any</c>: each route passing alone (the other routes failing), and no route passing. Where no application
/// passes a route alone (a route whose roles all count under another route too), the case has the route pass and says
/// so in its name (<c>passes</c> for <c>alone</c>) and its description.</item>
/// </list>
/// <para>
/// The other rules are set as the path from the top rule to the edge needs them (every other rule of an <c>all</c>
/// passing, every other route of an <c>any</c> failing, <c>not</c> turned over), with no more in the application than that
/// takes: no statement, readiness date, roles or assessors' outcomes that no rule asks for, and never equality-monitoring
/// answers. The other rules are read one by one (of several ways to make an <c>all</c> fail or an <c>any</c> pass, the one
/// that asks least), and where they cannot all be held (two rules that read the same field and want it on different
/// sides) the case is still written if the edge decides the policy, and its description says so. An edge for which the
/// generator finds no application whose outcome differs on its two sides (as for a rule under <c>all(r, not r)</c>, or
/// under an <c>any</c> with a route that always passes) gives no case.
/// </para>
/// <para>
/// Each case's expected outcome, eligible-from date and deciding reasons are worked out from the rules' definitions (the
/// calendar arithmetic of the edge and the three-valued logic of the tree), never by deciding the application with the
/// policy: so a case fails when the library departs from the definition. Names are stable and readable,
/// <c>RULE-CODE/edge</c>, for example <c>senior-leadership.local-government/experience-36m-from-2016-02-29-day-met</c>, and
/// unique within the result; each application's identifier is its case's name. The method is pure and thread-safe.
/// </para>
/// </remarks>
public static partial class EligibilityBoundaryCases
{
    /// <summary>Generates the boundary cases of <paramref name="policy"/> (see the type).</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="asOf">
    /// The date the edges are placed by: the as-of date of the readiness, statement, assessor and route cases, and the
    /// latest date an experience edge falls on (each start is the latest of its kind from which the minimum is met by then).
    /// </param>
    /// <param name="options">How the cases name their policy; null for <see cref="BoundaryCaseOptions.Default"/> (by identifier and version).</param>
    /// <returns>The cases, in the order of the rules in the tree (depth first) and, for each rule, of its edges.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside <see cref="EligibilityDates.Range"/>.</exception>
    public static ImmutableArray<EligibilityCase> Generate(EligibilityPolicy policy, LocalDate asOf, BoundaryCaseOptions? options = null)
    {
        Guard.Against.Null(policy);
        EligibilityDates.Check(asOf);
        return new Generator(policy, asOf, options ?? BoundaryCaseOptions.Default).Run();
    }

    /// <summary>
    /// An application as the generator plans it: the date decided as of (also its assessment date), the roles, the
    /// readiness date, the number of words of the statement (0 for none) and the assessors' outcomes.
    /// </summary>
    private sealed record Plan(LocalDate AsOf, ImmutableArray<Role> Roles, LocalDate? ReadyBy, int Words, AssessorOutcomes? Outcomes);
}
