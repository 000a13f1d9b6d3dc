namespace Upon.Core.Eligibility;

/// <summary>
/// Makes recorded decisions again and says, for each, whether the decision is identical or what differs: the outcome,
/// the eligible-from date, the deciding reasons, or anything else in the explanation (figures, dates, evidence); and,
/// from the recorded fingerprint, whether the policy's content or the application changed since.
/// </summary>
/// <remarks>
/// A decision is made again by the policy with the recorded identifier and version, found in the registry given, as of
/// the recorded date (<see cref="EligibilityDecision.AsOf"/>), not the application's assessment date. Replaying never
/// throws for what the inputs hold: a missing policy, a missing or duplicated application are results. Thread-safe:
/// the methods keep no state.
/// </remarks>
public static class DecisionReplay
{
    private static readonly (string Plural, string Singular) Names = ("applications", "an application");

    /// <summary>Makes <paramref name="recorded"/> again on <paramref name="application"/>.</summary>
    /// <param name="recorded">The recorded decision.</param>
    /// <param name="application">The application decided, with the recorded identifier.</param>
    /// <param name="registry">The policies; the recorded identifier and version are looked up in it.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The application's identifier is not the recorded one.</exception>
    public static ReplayResult Replay(EligibilityDecision recorded, Application application, PolicyRegistry registry)
    {
        Guard.Against.Null(recorded);
        Guard.Against.Null(application);
        Guard.Against.Null(registry);
        Guard.Against.Invalid(!string.Equals(recorded.ApplicationId, application.Id, StringComparison.Ordinal), "The application is not the one the decision was made on: their identifiers differ.", nameof(application));
        return ReplayOne(recorded, application, registry);
    }

    /// <summary>
    /// Makes each of <paramref name="recorded"/> again on the application of <paramref name="applications"/> with its
    /// identifier: <see cref="ReplayStatus.ApplicationMissing"/> when there is none, and
    /// <see cref="ReplayStatus.ApplicationDuplicate"/> when there are several. Several decisions on one application (for
    /// example by two policies) are each made again. Applications no decision names are not reported.
    /// </summary>
    /// <param name="recorded">The recorded decisions.</param>
    /// <param name="applications">The applications.</param>
    /// <param name="registry">The policies.</param>
    /// <returns>A result per recorded decision, in order.</returns>
    /// <exception cref="ArgumentNullException">An argument, a decision or an application is null.</exception>
    public static ImmutableArray<ReplayResult> Replay(IEnumerable<EligibilityDecision> recorded, IEnumerable<Application> applications, PolicyRegistry registry)
    {
        Guard.Against.Null(recorded);
        Guard.Against.Null(applications);
        Guard.Against.Null(registry);
        Dictionary<string, Application?> byId = new(StringComparer.Ordinal);
        foreach (Application application in applications)
        {
            Guard.Against.Null(application, nameof(applications));
            Add(byId, application);
        }

        return Match(recorded, byId, registry);
    }

    /// <summary>
    /// Makes each of <paramref name="recorded"/> again on the applications read from <paramref name="applications"/>
    /// (a JSON array, JSON Lines or one document of application documents, as <see cref="EligibilityBatch"/> reads them),
    /// matched by identifier as <see cref="Replay(IEnumerable{EligibilityDecision}, IEnumerable{Application}, PolicyRegistry)"/>
    /// does. An application record that cannot be read is reported with its number and problems, and matches no decision.
    /// </summary>
    /// <param name="recorded">The recorded decisions.</param>
    /// <param name="applications">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="registry">The policies.</param>
    /// <param name="format">The layout of the stream; <see cref="BatchFormat.Auto"/> tells by its first character.</param>
    /// <param name="maxBytes">The largest application document accepted, in bytes.</param>
    /// <returns>A result per recorded decision, and the application records that could not be read.</returns>
    /// <exception cref="ArgumentNullException">An argument or a decision is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static ReplayBatch Replay(IEnumerable<EligibilityDecision> recorded, Stream applications, PolicyRegistry registry, BatchFormat format = BatchFormat.Auto, int maxBytes = ApplicationDocument.DefaultMaxBytes)
    {
        Guard.Against.Null(recorded);
        Guard.Against.Null(applications);
        Guard.Against.Null(registry);
        Guard.Against.NotPositive(maxBytes);
        Dictionary<string, Application?> byId = new(StringComparer.Ordinal);
        ImmutableArray<RecordResult<ApplicationSubmission>>.Builder errors = ImmutableArray.CreateBuilder<RecordResult<ApplicationSubmission>>();
        using (JsonDocumentStream documents = JsonDocumentStream.Open(applications, format, maxBytes, Names.Plural, Names.Singular, ApplicationDocument.MonitoringProperty))
        {
            foreach (RecordResult<ApplicationSubmission> record in documents.ReadRecords(Read, RecordResult.Failure<ApplicationSubmission>))
            {
                if (record.Value is ApplicationSubmission submission)
                {
                    Add(byId, submission.Application);
                }
                else
                {
                    errors.Add(record);
                }
            }
        }

        return new ReplayBatch(Match(recorded, byId, registry), errors.ToImmutable());

        static RecordResult<ApplicationSubmission> Read(JsonElement element, int number)
        {
            DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(element, JsonPath.Root, keepMonitoring: false);
            return read.IsValid ? RecordResult.Success(number, read.Value) : RecordResult.Failure<ApplicationSubmission>(number, read.Problems);
        }
    }

    /// <summary>Adds an application by identifier; a second with the same identifier leaves null, meaning duplicated.</summary>
    private static void Add(Dictionary<string, Application?> byId, Application application)
    {
        if (!byId.TryAdd(application.Id, application))
        {
            byId[application.Id] = null;
        }
    }

    private static ImmutableArray<ReplayResult> Match(IEnumerable<EligibilityDecision> recorded, Dictionary<string, Application?> byId, PolicyRegistry registry)
    {
        ImmutableArray<ReplayResult>.Builder results = ImmutableArray.CreateBuilder<ReplayResult>();
        foreach (EligibilityDecision decision in recorded)
        {
            Guard.Against.Null(decision, nameof(recorded));
            results.Add(byId.TryGetValue(decision.ApplicationId, out Application? application)
                ? application is null
                    ? NotMade(decision, ReplayStatus.ApplicationDuplicate, registry)
                    : ReplayOne(decision, application, registry)
                : NotMade(decision, ReplayStatus.ApplicationMissing, registry));
        }

        return results.ToImmutable();
    }

    private static ReplayResult NotMade(EligibilityDecision recorded, ReplayStatus status, PolicyRegistry registry)
    {
        DecisionFingerprint? fingerprint = recorded.Fingerprint;
        EligibilityPolicy? policy = registry.FindById(recorded.PolicyId, recorded.PolicyVersion);
        return new ReplayResult(
            recorded.ApplicationId,
            policy is null ? ReplayStatus.PolicyNotFound : status,
            recorded,
            Replayed: null,
            DecisionChanges.None,
            fingerprint is null || policy is null ? null : !string.Equals(fingerprint.PolicyContent, policy.ContentHash, StringComparison.Ordinal),
            ApplicationChanged: null,
            LibraryVersionChanged(fingerprint));
    }

    private static ReplayResult ReplayOne(EligibilityDecision recorded, Application application, PolicyRegistry registry)
    {
        DecisionFingerprint? fingerprint = recorded.Fingerprint;
        bool? applicationChanged = fingerprint is null ? null : !string.Equals(fingerprint.Application, DecisionFingerprint.HashApplication(application), StringComparison.Ordinal);
        EligibilityPolicy? policy = registry.FindById(recorded.PolicyId, recorded.PolicyVersion);
        if (policy is null)
        {
            return new ReplayResult(recorded.ApplicationId, ReplayStatus.PolicyNotFound, recorded, null, DecisionChanges.None, null, applicationChanged, LibraryVersionChanged(fingerprint));
        }

        EligibilityDecision replayed = policy.Decide(application, recorded.AsOf);
        DecisionChanges changes = Changes(recorded, replayed);
        return new ReplayResult(
            recorded.ApplicationId,
            changes == DecisionChanges.None ? ReplayStatus.Identical : ReplayStatus.Differs,
            recorded,
            replayed,
            changes,
            fingerprint is null ? null : !string.Equals(fingerprint.PolicyContent, policy.ContentHash, StringComparison.Ordinal),
            applicationChanged,
            LibraryVersionChanged(fingerprint));
    }

    private static bool? LibraryVersionChanged(DecisionFingerprint? fingerprint) =>
        fingerprint is null ? null : !string.Equals(fingerprint.LibraryVersion, DecisionFingerprint.CurrentLibraryVersion, StringComparison.Ordinal);

    /// <summary>What differs between two decisions on one application by one policy version as of one date; none only when they are equal.</summary>
    private static DecisionChanges Changes(EligibilityDecision recorded, EligibilityDecision replayed)
    {
        if (recorded.Equals(replayed))
        {
            return DecisionChanges.None;
        }

        DecisionChanges changes = DecisionChanges.None;
        if (recorded.Outcome != replayed.Outcome)
        {
            changes |= DecisionChanges.Outcome;
        }

        if (recorded.EligibleFrom != replayed.EligibleFrom)
        {
            changes |= DecisionChanges.EligibleFrom;
        }

        if (!PolicyComparison.DecidingReasons(recorded).SequenceEqual(PolicyComparison.DecidingReasons(replayed), StringComparer.Ordinal))
        {
            changes |= DecisionChanges.Reasons;
        }

        // A rule's outcome or reason that changes neither the decision's outcome nor its deciding reasons is reported as a figure.
        if (changes == DecisionChanges.None || FiguresDiffer(recorded.Explanation, replayed.Explanation))
        {
            changes |= DecisionChanges.Figures;
        }

        return changes;
    }

    /// <summary>
    /// Whether the explanations differ in anything but their rules' outcomes and reasons: the rules themselves (code,
    /// title, kind, number), a figure (measured, required, difference, met-on date, words and their limits) or the
    /// experience evidence.
    /// </summary>
    private static bool FiguresDiffer(CriterionResult recorded, CriterionResult replayed)
    {
        if (recorded.Code != replayed.Code || recorded.Title != replayed.Title || recorded.Kind != replayed.Kind
            || !Equals(recorded.Measured, replayed.Measured) || !Equals(recorded.Required, replayed.Required) || !Equals(recorded.Difference, replayed.Difference)
            || recorded.MetOn != replayed.MetOn || recorded.Words != replayed.Words
            || recorded.MinimumWords != replayed.MinimumWords || recorded.MaximumWords != replayed.MaximumWords
            || !Equals(recorded.Experience, replayed.Experience)
            || recorded.Results.Length != replayed.Results.Length)
        {
            return true;
        }

        for (int i = 0; i < recorded.Results.Length; i++)
        {
            if (FiguresDiffer(recorded.Results[i], replayed.Results[i]))
            {
                return true;
            }
        }

        return false;
    }
}
