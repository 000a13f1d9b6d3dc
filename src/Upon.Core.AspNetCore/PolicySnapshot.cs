using Upon.Core.Eligibility;

namespace Upon.Core.AspNetCore;

/// <summary>
/// The policies as loaded at one moment: a registry and where it came from. Immutable; a reload makes a new snapshot
/// and work begun on the old one finishes on it.
/// </summary>
public sealed class PolicySnapshot
{
    internal PolicySnapshot(PolicyRegistry registry, int generation, ImmutableArray<string> sources)
    {
        Registry = registry;
        Generation = generation;
        Sources = sources;
    }

    /// <summary>The effective-dated registry decisions are made under.</summary>
    public PolicyRegistry Registry { get; }

    /// <summary>Which load this is: 1 at start-up, one more for each reload that replaced the registry.</summary>
    public int Generation { get; }

    /// <summary>
    /// Where the policies came from: <c>built-in</c>, <c>code</c>, and each policy document's file name within the
    /// policy folder, in the order read.
    /// </summary>
    public ImmutableArray<string> Sources { get; }
}
