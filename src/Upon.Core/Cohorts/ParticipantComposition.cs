using System.Diagnostics;

namespace Upon.Core.Cohorts;

/// <summary>Counts the participants of a cohort by each <see cref="CompositionField"/>, ready for <see cref="CompositionBreakdown"/>.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class ParticipantComposition
{
    /// <summary>The category of participants who did not state an attribute: "not stated".</summary>
    public const string NotStated = "not stated";

    /// <summary>Gets the name of the dimension an attribute gives, for example "professional background" for <see cref="CompositionField.Background"/>.</summary>
    /// <param name="attribute">The attribute.</param>
    /// <returns>The dimension's name, in lower case.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attribute"/> is not a defined attribute.</exception>
    public static string DimensionName(CompositionField attribute) => Guard.Against.UndefinedEnum(attribute, nameof(attribute), "Not a composition attribute.") switch
    {
        CompositionField.Background => "professional background",
        CompositionField.Ethnicity => "ethnicity",
        CompositionField.Disability => "disability",
        CompositionField.Region => "region",
        CompositionField.OrganisationType => "organisation type",
        _ => throw new UnreachableException(),
    };

    /// <summary>
    /// Counts <paramref name="participants"/> by every attribute, in the order of <see cref="CompositionField"/>:
    /// one dimension each, its categories the values stated (compared ordinally) in order of first appearance, and
    /// <see cref="NotStated"/> last for participants who left the attribute out (only when there are any; a value
    /// "not stated" given by a participant is the same category, counted where it first appears).
    /// </summary>
    /// <param name="participants">The participants: at least one, none null.</param>
    /// <param name="statedTotal">A total stated alongside, to check every dimension against (zero or more); null for none.</param>
    /// <returns>Five dimensions; the counts of each sum to the number of participants.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="participants"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="participants"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statedTotal"/> is negative.</exception>
    public static ImmutableArray<CompositionDimension> Count(IReadOnlyList<CandidateProfile> participants, int? statedTotal = null)
    {
        Guard.Against.Null(participants);
        Guard.Against.Empty(participants, "participant");

        if (statedTotal is int stated)
        {
            Guard.Against.LessThan(stated, 0, nameof(statedTotal));
        }

        CompositionField[] attributes = Enum.GetValues<CompositionField>();
        ImmutableArray<CompositionDimension>.Builder dimensions = ImmutableArray.CreateBuilder<CompositionDimension>(attributes.Length);
        foreach (CompositionField attribute in attributes)
        {
            List<string> order = [];
            Dictionary<string, int> counts = new(StringComparer.Ordinal);
            int notStated = 0;
            for (int i = 0; i < participants.Count; i++)
            {
                CandidateProfile participant = Guard.Against.Null(participants[i], nameof(participants), $"Participant {i} is null.");
                if (participant.Get(attribute) is not string value)
                {
                    notStated++;
                }
                else if (counts.TryGetValue(value, out int count))
                {
                    counts[value] = count + 1;
                }
                else
                {
                    order.Add(value);
                    counts[value] = 1;
                }
            }

            // A stated value "not stated" is the same category as leaving the attribute out: the two are added up.
            if (notStated > 0 && !counts.TryAdd(NotStated, notStated))
            {
                counts[NotStated] += notStated;
            }
            else if (notStated > 0)
            {
                order.Add(NotStated);
            }

            ImmutableArray<CategoryCount>.Builder cells = ImmutableArray.CreateBuilder<CategoryCount>(order.Count);
            foreach (string category in order)
            {
                cells.Add(new CategoryCount(category, counts[category]));
            }

            dimensions.Add(new CompositionDimension(DimensionName(attribute), cells.MoveToImmutable(), statedTotal));
        }

        return dimensions.MoveToImmutable();
    }
}
