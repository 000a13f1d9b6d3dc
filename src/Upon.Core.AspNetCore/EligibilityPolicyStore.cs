using System.Diagnostics;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.AspNetCore;

/// <summary>
/// Holds the eligibility policies a host decides under: the built-in ones, those added in code and the policy
/// documents of a folder, loaded into one effective-dated <see cref="PolicyRegistry"/>. When the folder changes the
/// registry is built again and swapped in one step; work begun on the old one finishes on it. A folder that no longer
/// makes a valid registry leaves the last good one in place, and the problems are logged with their codes.
/// </summary>
/// <remarks>
/// Safe to use from many threads: <see cref="Current"/> is one reference read, and reloads run one at a time. Policy
/// documents are read whole at each load, in ordinal order of file name; names starting with a dot are skipped, so that
/// a document can be written under such a name and renamed into place, which is the way to replace one atomically.
/// </remarks>
public sealed partial class EligibilityPolicyStore : IDisposable
{
    private const string UnreadableCode = "policy-file.unreadable";

    private readonly UponEligibilityOptions options;
    private readonly ILogger logger;
    private readonly EligibilityInstruments? instruments;
    private readonly Lock gate = new();
    private readonly ITimer? timer;
    private readonly PolicyFolderWatcher? watcher;
    private volatile PolicySnapshot current;
    private ImmutableArray<PolicyLoadProblem> refusedReload = [];
    private bool disposed;

    /// <summary>
    /// Loads the policies <paramref name="options"/> name and, when it says so, watches the policy folder.
    /// </summary>
    /// <param name="options">What to load. Read once: later changes to the object are not seen.</param>
    /// <param name="contentRoot">The folder a relative <see cref="UponEligibilityOptions.PolicyDirectory"/> is taken from.</param>
    /// <param name="logger">Where loads and refused reloads are logged (never a policy's content).</param>
    /// <param name="timeProvider">The time the reload delay is measured in; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or there would be no policies at all.</exception>
    /// <exception cref="PolicyLoadException">The policies cannot be loaded; its <see cref="PolicyLoadException.Problems"/> lists every problem.</exception>
    public EligibilityPolicyStore(UponEligibilityOptions options, string contentRoot, ILogger<EligibilityPolicyStore> logger, TimeProvider? timeProvider = null)
        : this(options, contentRoot, logger, timeProvider, null, PolicyFolderWatcher.Open)
    {
    }

    /// <summary>
    /// The store of <see cref="UponEligibilityServiceCollectionExtensions.AddUponEligibility(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{UponEligibilityOptions}?)"/>,
    /// which counts its loads in the metrics; <paramref name="openFolder"/> opens the folder watched (see <see cref="PolicyFolderWatcher.Open"/>).
    /// </summary>
    internal EligibilityPolicyStore(UponEligibilityOptions options, string contentRoot, ILogger<EligibilityPolicyStore> logger, TimeProvider? timeProvider, EligibilityInstruments? instruments, Func<string, bool, IFileProvider> openFolder)
    {
        Guard.Against.Null(options);
        Guard.Against.Null(contentRoot);
        Guard.Against.Null(logger);
        options.Validate();

        this.options = options;
        this.logger = logger;
        this.instruments = instruments;
        Directory = options.PolicyDirectory is null ? null : Path.GetFullPath(options.PolicyDirectory, contentRoot);

        (PolicySnapshot? loaded, ImmutableArray<PolicyLoadProblem> problems) = Load(1);
        if (loaded is null)
        {
            LogStartFailed(logger, problems.Length, new ProblemCodes(problems));
            instruments?.PolicyLoad(loaded: false);
            throw new PolicyLoadException(problems);
        }

        current = loaded;
        Loaded(loaded);

        if (Directory is not null && options.WatchPolicyDirectory)
        {
            timer = (timeProvider ?? TimeProvider.System).CreateTimer(_ => ReloadAfterChange(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            watcher = new PolicyFolderWatcher(Directory, options.PolicyFilePattern, OnFolderChanged, logger, openFolder);
        }
    }

    /// <summary>The policies decisions begun now are made under.</summary>
    public PolicySnapshot Current => current;

    /// <summary>
    /// The problems of the last reload when it was refused (the folder holds a bad document, and <see cref="Current"/>
    /// is older than the folder); empty when the last load or reload put its policies in place.
    /// </summary>
    public ImmutableArray<PolicyLoadProblem> RefusedReload => refusedReload;

    /// <summary>
    /// How the policy folder is watched: <c>events</c> (the file system's), <c>polling</c> (when events could not be
    /// had), or <c>off</c> (no folder, or watching turned off).
    /// </summary>
    internal string WatchMode => watcher is null ? "off" : watcher.IsPolling ? "polling" : "events";

    /// <summary>The policy folder as a full path, or null when there is none.</summary>
    public string? Directory { get; }

    /// <summary>
    /// Reads every source again and, when they make a valid registry, swaps it in as the next generation. A reload
    /// that finds problems changes nothing and logs them.
    /// </summary>
    /// <returns>The problems that kept the registry as it was; empty when the new registry is in place.</returns>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ImmutableArray<PolicyLoadProblem> Reload()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            int generation = checked(current.Generation + 1);
            (PolicySnapshot? loaded, ImmutableArray<PolicyLoadProblem> problems) = Load(generation);
            if (loaded is null)
            {
                ImmutableInterlocked.InterlockedExchange(ref refusedReload, problems);
                LogReloadRefused(logger, current.Generation, problems.Length, new ProblemCodes(problems));
                instruments?.PolicyLoad(loaded: false);
                return problems;
            }

            current = loaded;
            ImmutableInterlocked.InterlockedExchange(ref refusedReload, []);
            Loaded(loaded);
            return [];
        }
    }

    /// <summary>Stops watching the policy folder. The last snapshot stays readable.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        watcher?.Dispose();
        timer?.Dispose();
    }

    private void OnFolderChanged()
    {
        // Every change restarts the delay: a folder replaced file by file is read once, when it has been quiet.
        try
        {
            timer?.Change(options.ReloadDelay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the event and here: nothing to reload.
        }
    }

    private void ReloadAfterChange()
    {
        try
        {
            Reload();
        }
        catch (ObjectDisposedException)
        {
            // The host is stopping.
        }
    }

    /// <summary>Loads generation <paramref name="generation"/> within an activity of <see cref="UponEligibilityTracing.PolicyLoadActivity"/>.</summary>
    private (PolicySnapshot? Snapshot, ImmutableArray<PolicyLoadProblem> Problems) Load(int generation)
    {
        using Activity? activity = UponEligibilityTracing.Source.StartActivity(UponEligibilityTracing.PolicyLoadActivity);
        (PolicySnapshot? snapshot, ImmutableArray<PolicyLoadProblem> problems) = LoadSources(generation);
        if (activity is not null)
        {
            activity.SetTag(UponEligibilityTracing.GenerationTag, generation);
            activity.SetTag(UponEligibilityMetrics.LoadResultTag, snapshot is null ? "refused" : "loaded");
            activity.SetTag(UponEligibilityTracing.PolicyCountTag, snapshot?.Registry.Policies.Length ?? 0);
            activity.SetTag(UponEligibilityTracing.ProblemCountTag, problems.Length);
            if (snapshot is null)
            {
                activity.SetStatus(ActivityStatusCode.Error, "The policy documents have problems; the registry was not replaced.");
            }
        }

        return (snapshot, problems);
    }

    private (PolicySnapshot? Snapshot, ImmutableArray<PolicyLoadProblem> Problems) LoadSources(int generation)
    {
        List<EligibilityPolicy> policies = [];
        ImmutableArray<string>.Builder sources = ImmutableArray.CreateBuilder<string>();
        ImmutableArray<PolicyLoadProblem>.Builder problems = ImmutableArray.CreateBuilder<PolicyLoadProblem>();
        if (options.IncludeBuiltInPolicies)
        {
            policies.AddRange(BuiltInPolicies.All);
            sources.Add(PolicyLoadProblem.BuiltInSource);
        }

        if (options.Policies.Count > 0)
        {
            policies.AddRange(options.Policies);
            sources.Add(PolicyLoadProblem.CodeSource);
        }

        if (Directory is not null)
        {
            ReadFolder(Directory, policies, sources, problems);
        }

        if (problems.Count == 0 && policies.Count == 0)
        {
            // A registry of nothing decides nothing: at start-up that stops the host, on a reload it keeps the last good one.
            problems.Add(new PolicyLoadProblem(PolicyLoadProblem.RegistrySource, new DocumentProblem("$", DocumentProblemCodes.CollectionEmpty, "There are no policies: the folder holds none and the built-in ones are not included.")));
        }

        if (problems.Count == 0)
        {
            DocumentResult<PolicyRegistry> registry = PolicyRegistry.Create(policies);
            if (registry.IsValid)
            {
                return (new PolicySnapshot(registry.Value, generation, sources.ToImmutable()), []);
            }

            problems.AddRange(registry.Problems.Where(p => p.IsError).Select(p => new PolicyLoadProblem(PolicyLoadProblem.RegistrySource, p)));
        }

        return (null, problems.ToImmutable());
    }

    private void ReadFolder(string directory, List<EligibilityPolicy> policies, ImmutableArray<string>.Builder sources, ImmutableArray<PolicyLoadProblem>.Builder problems)
    {
        string[] paths;
        try
        {
            paths = [.. System.IO.Directory.EnumerateFiles(directory, options.PolicyFilePattern, SearchOption.TopDirectoryOnly)
                .Where(path => !Path.GetFileName(path).StartsWith('.'))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new PolicyLoadProblem(Path.GetFileName(directory), new DocumentProblem("$", DocumentProblemCodes.NotFound, "The policy folder does not exist or cannot be read.")));
            return;
        }

        foreach (string path in paths)
        {
            string name = Path.GetFileName(path);
            DocumentResult<IReadOnlyList<EligibilityPolicy>> document;
            try
            {
                using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 16384, FileOptions.SequentialScan);
                document = PolicyDocument.Read(stream);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Removed between the listing and the read: the folder is changing, and the next change reads it again.
                problems.Add(new PolicyLoadProblem(name, new DocumentProblem("$", DocumentProblemCodes.NotFound, "The policy document was removed while the folder was read.")));
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new PolicyLoadProblem(name, new DocumentProblem("$", UnreadableCode, "The policy document cannot be read.")));
                continue;
            }

            sources.Add(name);
            if (document.IsValid)
            {
                policies.AddRange(document.Value);
            }
            else
            {
                problems.AddRange(document.Problems.Where(p => p.IsError).Select(p => new PolicyLoadProblem(name, p)));
            }
        }
    }

    private void Loaded(PolicySnapshot snapshot)
    {
        LogLoaded(logger, snapshot.Generation, snapshot.Registry.Policies.Length, new SourceList(snapshot.Sources));
        instruments?.PolicyLoad(loaded: true);
    }

    [LoggerMessage(EventId = 1, EventName = "PoliciesLoaded", Level = LogLevel.Information, Message = "Eligibility policies loaded: generation {Generation}, {PolicyCount} policies from {Sources}.")]
    private static partial void LogLoaded(ILogger logger, int generation, int policyCount, SourceList sources);

    [LoggerMessage(EventId = 2, EventName = "PolicyReloadRefused", Level = LogLevel.Error, Message = "Eligibility policy reload refused, generation {Generation} stays in place; {ProblemCount} problems: {Problems}.")]
    private static partial void LogReloadRefused(ILogger logger, int generation, int problemCount, ProblemCodes problems);

    [LoggerMessage(EventId = 3, EventName = "PoliciesNotLoaded", Level = LogLevel.Critical, Message = "Eligibility policies could not be loaded at start-up; {ProblemCount} problems: {Problems}.")]
    private static partial void LogStartFailed(ILogger logger, int problemCount, ProblemCodes problems);

    /// <summary>Problems as a log shows them: source, path and code of each, never a message (formatted only when logged).</summary>
    internal readonly record struct ProblemCodes(ImmutableArray<PolicyLoadProblem> Problems)
    {
        public override string ToString() => string.Join("; ", Problems.Select(p => $"{p.Source} {p.Problem.Path} {p.Problem.Code}"));
    }

    /// <summary>The sources of a snapshot, formatted only when logged.</summary>
    private readonly record struct SourceList(ImmutableArray<string> Sources)
    {
        public override string ToString() => string.Join(", ", Sources);
    }
}
