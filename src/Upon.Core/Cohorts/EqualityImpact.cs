using Upon.Core.Eligibility;

namespace Upon.Core.Cohorts;

/// <summary>
/// Whom a change of policy lets in, keeps out and leaves alone, by each equality-monitoring answer, against all the
/// applicants: the aggregate a programme publishes with a changed policy, with small numbers suppressed.
/// </summary>
/// <remarks>
/// <para>
/// The answers are read only here, to count: each application is decided under both policies without them (an
/// <see cref="Application"/> has none), so no answer can change a decision or a row of <see cref="Comparison"/>, and
/// no output names a person's answer. Only the suppressed counts are kept (<see cref="PublishedBreakdown"/>, primary
/// and secondary suppression below <see cref="Threshold"/>): the raw counts are not part of the result.
/// </para>
/// <para>
/// Groups: <b>let in</b> is every application whose outcome moved to eligible, <b>kept out</b> every one whose outcome
/// moved from eligible, <b>left alone</b> every other (its eligibility unchanged). An answer not given, or no answers
/// at all, counts as <see cref="NotStated"/>. Instances are immutable.
/// </para>
/// </remarks>
public sealed class EqualityImpact
{
    /// <summary>The category of an applicant who gave no answer for a dimension.</summary>
    public const string NotStated = "notStated";

    private static readonly (string Name, Func<EqualityMonitoring, string?> Answer)[] Questions =
    [
        ("ethnicity", m => m.Ethnicity),
        ("disability", m => m.Disability),
        ("sex", m => m.Sex),
        ("ageBand", m => m.AgeBand),
        ("religion", m => m.Religion),
        ("sexualOrientation", m => m.SexualOrientation),
    ];

    private EqualityImpact(PolicyComparison comparison, int threshold, ImmutableArray<EqualityImpactDimension> dimensions)
    {
        Comparison = comparison;
        Threshold = threshold;
        Dimensions = dimensions;
    }

    /// <summary>Gets the comparison of the two policies on the applications (which the answers never touch).</summary>
    public PolicyComparison Comparison { get; }

    /// <summary>Gets the threshold below which a count is suppressed (see <see cref="CompositionBreakdown.Suppress"/>).</summary>
    public int Threshold { get; }

    /// <summary>Gets each monitoring question's breakdowns: ethnicity, disability, sex, age band, religion, sexual orientation.</summary>
    public ImmutableArray<EqualityImpactDimension> Dimensions { get; }

    /// <summary>
    /// Compares <paramref name="from"/> and <paramref name="to"/> on the applications of <paramref name="submissions"/>
    /// (see <see cref="PolicyComparison.Compare"/>) and counts their monitoring answers by group.
    /// </summary>
    /// <param name="submissions">The applications with their answers; enumerated once.</param>
    /// <param name="from">The policy compared from.</param>
    /// <param name="to">The policy compared to.</param>
    /// <param name="asOf">The date to decide every application as of, or null for each one's assessment date.</param>
    /// <param name="threshold">Counts from 1 to one below it are suppressed; 5 unless given, at least 1.</param>
    /// <returns>The impact.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="asOf"/> is null, or a submission is.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is below 1, or <paramref name="asOf"/> is outside <see cref="EligibilityDates.Range"/>.</exception>
    public static EqualityImpact Of(IEnumerable<ApplicationSubmission> submissions, EligibilityPolicy from, EligibilityPolicy to, LocalDate? asOf = null, int threshold = CompositionBreakdown.DefaultThreshold)
    {
        Guard.Against.Null(submissions);
        Guard.Against.Null(from);
        Guard.Against.Null(to);
        Guard.Against.LessThan(threshold, 1);
        if (asOf is LocalDate date)
        {
            EligibilityDates.Check(date);
        }

        PolicyComparison.Builder comparison = new(from, to);

        // counts[question][group][answer], the groups being all, let in, kept out and left alone.
        Dictionary<string, int>[][] counts = [.. Questions.Select(_ => Enumerable.Range(0, 4).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray())];
        foreach (ApplicationSubmission submission in submissions)
        {
            Guard.Against.Null(submission, nameof(submissions));
            PolicyComparisonRow row = PolicyComparison.Row(submission.Application, from, to, asOf);
            comparison.Add(row);
            int group = row.To.IsEligible == row.From.IsEligible ? 3 : row.To.IsEligible ? 1 : 2;
            for (int q = 0; q < Questions.Length; q++)
            {
                string answer = submission.Monitoring is EqualityMonitoring monitoring && Questions[q].Answer(monitoring) is { Length: > 0 } given ? given : NotStated;
                Count(counts[q][0], answer);
                Count(counts[q][group], answer);
            }
        }

        ImmutableArray<EqualityImpactDimension>.Builder dimensions = ImmutableArray.CreateBuilder<EqualityImpactDimension>(Questions.Length);
        for (int q = 0; q < Questions.Length; q++)
        {
            string name = Questions[q].Name;
            dimensions.Add(new EqualityImpactDimension(
                name,
                Published(name, counts[q][0], threshold),
                Published(name, counts[q][1], threshold),
                Published(name, counts[q][2], threshold),
                Published(name, counts[q][3], threshold)));
        }

        return new EqualityImpact(comparison.Build(), threshold, dimensions.MoveToImmutable());
    }

    /// <summary>
    /// Reads the applications of <paramref name="utf8Json"/> with their monitoring answers (a JSON array, JSON Lines or
    /// one application, as <see cref="EligibilityBatch.Evaluate"/> reads them) and makes their impact as
    /// <see cref="Of"/> does. Every record is counted: one that cannot be read is in the result's errors, with its
    /// problems (which never hold an answer), and takes no part in the counts.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON; read to its end, and left open.</param>
    /// <param name="from">The policy compared from.</param>
    /// <param name="to">The policy compared to.</param>
    /// <param name="asOf">The date to decide every application as of, or null for each one's assessment date.</param>
    /// <param name="threshold">Counts from 1 to one below it are suppressed; 5 unless given, at least 1.</param>
    /// <param name="maxBytes">The largest record accepted, in bytes.</param>
    /// <returns>The impact, and the records that could not be read.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="asOf"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> or <paramref name="maxBytes"/> is below 1.</exception>
    public static (EqualityImpact Impact, ImmutableArray<RecordResult<ApplicationSubmission>> Errors) Read(
        Stream utf8Json,
        EligibilityPolicy from,
        EligibilityPolicy to,
        LocalDate? asOf = null,
        int threshold = CompositionBreakdown.DefaultThreshold,
        int maxBytes = ApplicationDocument.DefaultMaxBytes)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.LessThan(maxBytes, 1);
        ImmutableArray<RecordResult<ApplicationSubmission>>.Builder errors = ImmutableArray.CreateBuilder<RecordResult<ApplicationSubmission>>();

        // The submissions stream through the counts one at a time; only the errors are kept.
        IEnumerable<ApplicationSubmission> Submissions()
        {
            using JsonDocumentStream documents = JsonDocumentStream.Open(utf8Json, BatchFormat.Auto, maxBytes, "applications", "an application", ApplicationDocument.MonitoringProperty);
            foreach (RecordResult<ApplicationSubmission> record in documents.ReadRecords(Read, RecordResult.Failure<ApplicationSubmission>))
            {
                if (record.Value is ApplicationSubmission submission)
                {
                    yield return submission;
                }
                else
                {
                    errors.Add(record);
                }
            }
        }

        static RecordResult<ApplicationSubmission> Read(JsonElement element, int number)
        {
            DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(element, JsonPath.Root);
            return read.IsValid ? RecordResult.Success(number, read.Value) : RecordResult.Failure<ApplicationSubmission>(number, read.Problems);
        }

        EqualityImpact impact = Of(Submissions(), from, to, asOf, threshold);
        return (impact, errors.ToImmutable());
    }

    private static void Count(Dictionary<string, int> counts, string answer) =>
        counts[answer] = counts.GetValueOrDefault(answer) + 1;

    /// <summary>A group's counts, suppressed, answers in ordinal order and "not stated" last; null for a group of no one.</summary>
    private static PublishedBreakdown? Published(string dimension, Dictionary<string, int> counts, int threshold)
    {
        if (counts.Count == 0)
        {
            return null;
        }

        CategoryCount[] cells =
        [
            .. counts.Where(c => c.Key != NotStated).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CategoryCount(c.Key, c.Value)),
            .. counts.Where(c => c.Key == NotStated).Select(c => new CategoryCount(c.Key, c.Value)),
        ];
        return CompositionBreakdown.Create(dimension, cells).Suppress(threshold);
    }
}

/// <summary>One monitoring question's counts in an <see cref="EqualityImpact"/>, each suppressed; a group of no one is null.</summary>
/// <param name="Dimension">The question: <c>ethnicity</c>, <c>disability</c>, <c>sex</c>, <c>ageBand</c>, <c>religion</c> or <c>sexualOrientation</c>.</param>
/// <param name="All">Every applicant compared.</param>
/// <param name="LetIn">The applicants the change lets in (eligible under the new policy only).</param>
/// <param name="KeptOut">The applicants the change keeps out (eligible under the old policy only).</param>
/// <param name="LeftAlone">The applicants whose eligibility the change leaves as it was.</param>
public sealed record EqualityImpactDimension(string Dimension, PublishedBreakdown? All, PublishedBreakdown? LetIn, PublishedBreakdown? KeptOut, PublishedBreakdown? LeftAlone);
