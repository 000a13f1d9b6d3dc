using Upon.Core.Serialization;

namespace Upon.Core.AspNetCore;

/// <summary>A problem found while loading the policies: where it is (the policy document, or the registry) and what it is.</summary>
/// <param name="Source">
/// Where the problem is: a policy document's file name within the policy folder, <c>built-in</c>, <c>code</c> (a policy
/// added in code) or <c>registry</c> (the policies together: an overlap, a gap, a duplicate).
/// </param>
/// <param name="Problem">The problem, with its JSON path within the source, its stable code and its message.</param>
public readonly record struct PolicyLoadProblem(string Source, DocumentProblem Problem)
{
    /// <summary>The source of the built-in policies.</summary>
    public const string BuiltInSource = "built-in";

    /// <summary>The source of policies added in code.</summary>
    public const string CodeSource = "code";

    /// <summary>The source of problems of the policies together.</summary>
    public const string RegistrySource = "registry";

    /// <summary>The problem as one line: <c>source: path: message (code)</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"{Source}: {Problem.Path}: {Problem.Message} ({Problem.Code})";
}

/// <summary>
/// The policies could not be loaded at start-up: a policy document is invalid, unreadable or missing, or the policies
/// together do not make a registry. The host does not start; <see cref="Problems"/> lists every problem.
/// </summary>
public sealed class PolicyLoadException : Exception
{
    /// <summary>Creates the exception for <paramref name="problems"/>.</summary>
    /// <param name="problems">Every problem found.</param>
    public PolicyLoadException(ImmutableArray<PolicyLoadProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Creates the exception with no problems (for serializers and tests); prefer the constructor with problems.</summary>
    public PolicyLoadException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message and no problems.</summary>
    /// <param name="message">The message.</param>
    public PolicyLoadException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates the exception with a message, an inner exception and no problems.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public PolicyLoadException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Every problem found, in the order of the sources.</summary>
    public ImmutableArray<PolicyLoadProblem> Problems { get; }

    private static string Describe(ImmutableArray<PolicyLoadProblem> problems) =>
        problems.IsDefaultOrEmpty
            ? "The eligibility policies could not be loaded."
            : $"The eligibility policies could not be loaded ({problems.Length} problem{(problems.Length == 1 ? string.Empty : "s")}):{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems.Select(p => "  " + p.ToString()));
}
