using System.IO;
using Upon.Core.Eligibility;

namespace Upon.Core.Testing;

/// <summary>
/// Runs conformance cases (<see cref="EligibilityCase"/>) from any test framework (xunit, NUnit, MSTest, or none): each
/// method returns the run when every case passes and every record of the file was read, and otherwise throws
/// <see cref="DecisionAssertionException"/>, whose message has the summary, then every case that failed or was not run
/// with what differs and its decision's whole explanation, rule by rule, then every record that could not be read with
/// its problems. So another team's suite pins the behaviour it relies on with one line a file.
/// </summary>
/// <example>
/// <code>
/// using Stream cases = File.OpenRead("our-cases.json");
/// EligibilityCaseAssertions.AllPass(cases);
/// </code>
/// </example>
public static class EligibilityCaseAssertions
{
    /// <summary>Reads a case file and asserts that every case in it passes against <paramref name="registry"/>.</summary>
    /// <param name="caseFile">The case file (JSON, see <see cref="EligibilityCaseDocument"/>), read to its end and left open.</param>
    /// <param name="registry">The registry to find the cases' named policies in; null for <see cref="PolicyRegistry.BuiltIn"/>.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caseFile"/> is null.</exception>
    /// <exception cref="DecisionAssertionException">A case failed or was not run, or a record could not be read.</exception>
    public static EligibilityCaseRun AllPass(Stream caseFile, PolicyRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        return EligibilityCaseRun.Read(caseFile, registry ?? PolicyRegistry.BuiltIn).ShouldAllPass();
    }

    /// <summary>Asserts that every one of <paramref name="cases"/> passes against <paramref name="registry"/>.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="registry">The registry to find the cases' named policies in; null for <see cref="PolicyRegistry.BuiltIn"/>.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cases"/> is null, or a case is.</exception>
    /// <exception cref="DecisionAssertionException">A case failed or was not run.</exception>
    public static EligibilityCaseRun AllPass(IEnumerable<EligibilityCase> cases, PolicyRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return EligibilityCaseRun.Of(cases, registry ?? PolicyRegistry.BuiltIn).ShouldAllPass();
    }

    /// <summary>Asserts that every case of <paramref name="run"/> passed and every record was read.</summary>
    /// <param name="run">The run.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    /// <exception cref="DecisionAssertionException">A case failed or was not run, or a record could not be read.</exception>
    public static EligibilityCaseRun ShouldAllPass(this EligibilityCaseRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.AllPassed)
        {
            throw new DecisionAssertionException($"Expected every case to pass, but {run}.\n\n{string.Join('\n', run.DescribeFailures()).TrimEnd('\n')}");
        }

        return run;
    }
}
