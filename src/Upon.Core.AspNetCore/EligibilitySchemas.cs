using System.Reflection;

namespace Upon.Core.AspNetCore;

/// <summary>
/// The library's published JSON Schemas (draft 2020-12), shipped inside this package: the same files as
/// <c>docs/schemas</c> in the repository, each with its <c>$id</c> there. The OpenAPI document of the endpoints is
/// made from them; a host can also serve them, or validate with them.
/// </summary>
public static class EligibilitySchemas
{
    private const string Prefix = "Upon.Core.AspNetCore.Schemas.";

    /// <summary>The schema of one application (<c>application.schema.json</c>).</summary>
    public const string Application = "application.schema.json";

    /// <summary>The schema of one decision (<c>eligibility-decision.schema.json</c>).</summary>
    public const string Decision = "eligibility-decision.schema.json";

    /// <summary>The schema of a record of a batch, a line of the JSON Lines answer (<c>eligibility-decision-record.schema.json</c>).</summary>
    public const string DecisionRecord = "eligibility-decision-record.schema.json";

    /// <summary>The schema of a policy document (<c>eligibility-policy.schema.json</c>).</summary>
    public const string Policy = "eligibility-policy.schema.json";

    /// <summary>The schema of the endpoints' problem details (<c>problem-details.schema.json</c>).</summary>
    public const string ProblemDetails = "problem-details.schema.json";

    /// <summary>The file names of every schema shipped, in ordinal order.</summary>
    public static ImmutableArray<string> Names { get; } =
        [.. typeof(EligibilitySchemas).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..])
            .Order(StringComparer.Ordinal)];

    /// <summary>Opens one schema, UTF-8 JSON.</summary>
    /// <param name="name">The schema's file name, one of <see cref="Names"/> (<see cref="Application"/>).</param>
    /// <returns>A new read-only stream of the schema, for the caller to dispose.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No schema has that name.</exception>
    public static Stream Open(string name)
    {
        Guard.Against.Null(name);
        Assembly assembly = typeof(EligibilitySchemas).Assembly;
        return assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new ArgumentException("No schema of that name is shipped; see EligibilitySchemas.Names.", nameof(name));
    }

    /// <summary>Reads one schema as text.</summary>
    /// <param name="name">The schema's file name, one of <see cref="Names"/>.</param>
    /// <returns>The schema's JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No schema has that name.</exception>
    public static string Read(string name)
    {
        using Stream stream = Open(name);
        using StreamReader reader = new(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
