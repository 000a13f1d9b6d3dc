using Microsoft.Extensions.Configuration;
using Upon.Core.Eligibility;

namespace Upon.Core.AspNetCore;

/// <summary>
/// What <see cref="UponEligibilityServiceCollectionExtensions.AddUponEligibility(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{UponEligibilityOptions}?)"/>
/// loads and how the endpoints read requests. Bound from the configuration section <c>Upon:Eligibility</c> when the
/// host registers with a configuration (see <see cref="ConfigurationSection"/>), then changed by code.
/// </summary>
public sealed class UponEligibilityOptions
{
    /// <summary>The configuration section the options are read from by default: <c>Upon:Eligibility</c>.</summary>
    public const string ConfigurationSection = "Upon:Eligibility";

    /// <summary>The largest JSON Lines request body read unless another limit is set, in bytes: 256 MiB.</summary>
    public const long DefaultMaxBatchBytes = 256L * 1024 * 1024;

    /// <summary>The most answers held for a client that does not read them yet, unless another limit is set, in bytes: 32 MiB (about 10,000 decisions with their explanations).</summary>
    public const long DefaultMaxBufferedAnswerBytes = 32L * 1024 * 1024;

    /// <summary>Whether the registry holds the built-in policies (<see cref="BuiltInPolicies.All"/>). True by default.</summary>
    public bool IncludeBuiltInPolicies { get; set; } = true;

    /// <summary>
    /// A folder of policy documents (<see cref="PolicyDocument"/>), every file matching <see cref="PolicyFilePattern"/>
    /// read in ordinal order of name; none when null. A relative path is taken from the host's content root.
    /// </summary>
    public string? PolicyDirectory { get; set; }

    /// <summary>The names of the policy documents in <see cref="PolicyDirectory"/>: <c>*.json</c> by default.</summary>
    public string PolicyFilePattern { get; set; } = "*.json";

    /// <summary>
    /// Whether a change in <see cref="PolicyDirectory"/> rebuilds the registry. True by default. Set the environment
    /// variable <c>DOTNET_USE_POLLING_FILE_WATCHER</c> to <c>true</c> where file events do not arrive (some containers
    /// and network shares).
    /// </summary>
    public bool WatchPolicyDirectory { get; set; } = true;

    /// <summary>
    /// How long a change must be quiet before the folder is read again, so that a folder replaced file by file is read
    /// once, whole: 250 ms by default.
    /// </summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Policies given in code, added to the built-in ones and those of the folder.</summary>
    public IList<EligibilityPolicy> Policies { get; } = [];

    /// <summary>
    /// The largest application read, in bytes: a single application's request body, or a line of JSON Lines.
    /// <see cref="ApplicationDocument.DefaultMaxBytes"/> (1 MiB) by default. A larger single body is answered 413; a
    /// larger line is answered by a problem line (<c>document.too-large</c>) and reading goes on.
    /// </summary>
    public int MaxApplicationBytes { get; set; } = ApplicationDocument.DefaultMaxBytes;

    /// <summary>
    /// The largest JSON Lines request body, in bytes (<see cref="DefaultMaxBatchBytes"/> by default): it replaces the
    /// server's request body limit for that endpoint. A body declared larger is answered 413 before it is read.
    /// </summary>
    public long MaxBatchBytes { get; set; } = DefaultMaxBatchBytes;

    /// <summary>
    /// The most answers of a JSON Lines request held in memory while the client does not read them, in bytes
    /// (<see cref="DefaultMaxBufferedAnswerBytes"/> by default). The endpoint goes on reading and deciding while the
    /// client sends, whether or not it reads: a client that sends its whole body before it reads the response (.NET's
    /// <c>HttpClient</c> on HTTP/1.1, or with its own contents on HTTP/2) gets every answer once it reads, as long as
    /// the answers it has not read fit here (about 3 KB a decision). Past it, deciding waits for the client to read.
    /// </summary>
    public long MaxBufferedAnswerBytes { get; set; } = DefaultMaxBufferedAnswerBytes;

    /// <summary>
    /// How much of each decision the decisions endpoint answers when the request states no <c>return</c> preference:
    /// <see cref="Eligibility.DecisionDetail.Full"/> (the decision with its explanation and fingerprint) by default, or
    /// <see cref="Eligibility.DecisionDetail.Summary"/>. A client overrides it with <c>Prefer: return=minimal</c>
    /// (summaries) or <c>Prefer: return=representation</c> (whole decisions).
    /// </summary>
    public DecisionDetail DecisionDetail { get; set; } = DecisionDetail.Full;

    /// <summary>
    /// Reads the options set in <paramref name="section"/>: <c>IncludeBuiltInPolicies</c>, <c>PolicyDirectory</c>,
    /// <c>PolicyFilePattern</c>, <c>WatchPolicyDirectory</c>, <c>ReloadDelay</c> (a time span, <c>00:00:00.250</c>),
    /// <c>MaxApplicationBytes</c>, <c>MaxBatchBytes</c>, <c>MaxBufferedAnswerBytes</c> and <c>DecisionDetail</c>
    /// (<c>Full</c> or <c>Summary</c>, in any case). Keys not set leave the option as it is.
    /// </summary>
    /// <param name="section">The configuration section, usually <see cref="ConfigurationSection"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="section"/> is null.</exception>
    /// <exception cref="FormatException">A value set is not of its option's type.</exception>
    public void Bind(IConfiguration section)
    {
        Guard.Against.Null(section);
        IncludeBuiltInPolicies = Read(section, nameof(IncludeBuiltInPolicies), bool.Parse, IncludeBuiltInPolicies);
        PolicyDirectory = section[nameof(PolicyDirectory)] is { Length: > 0 } directory ? directory : PolicyDirectory;
        PolicyFilePattern = section[nameof(PolicyFilePattern)] is { Length: > 0 } pattern ? pattern : PolicyFilePattern;
        WatchPolicyDirectory = Read(section, nameof(WatchPolicyDirectory), bool.Parse, WatchPolicyDirectory);
        ReloadDelay = Read(section, nameof(ReloadDelay), text => TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture), ReloadDelay);
        MaxApplicationBytes = Read(section, nameof(MaxApplicationBytes), text => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture), MaxApplicationBytes);
        MaxBatchBytes = Read(section, nameof(MaxBatchBytes), text => long.Parse(text, System.Globalization.CultureInfo.InvariantCulture), MaxBatchBytes);
        MaxBufferedAnswerBytes = Read(section, nameof(MaxBufferedAnswerBytes), text => long.Parse(text, System.Globalization.CultureInfo.InvariantCulture), MaxBufferedAnswerBytes);
        DecisionDetail = Read(section, nameof(DecisionDetail), ParseDetail, DecisionDetail);
    }

    /// <summary>Checks the options a host set; called once at start-up.</summary>
    /// <exception cref="ArgumentException">An option is out of range, or there would be no policies at all.</exception>
    internal void Validate()
    {
        Guard.Against.NegativeOrZero(MaxApplicationBytes);
        Guard.Against.NegativeOrZero(MaxBatchBytes);
        Guard.Against.NegativeOrZero(MaxBufferedAnswerBytes);
        Guard.Against.Negative(ReloadDelay);
        Guard.Against.NullOrWhiteSpace(PolicyFilePattern);
        Guard.Against.EnumOutOfRange(DecisionDetail);
        if (!IncludeBuiltInPolicies && PolicyDirectory is null && Policies.Count == 0)
        {
            throw new ArgumentException("Upon eligibility has no policies: include the built-in ones, set a policy folder, or add policies in code.", "options");
        }
    }

    /// <summary>A detail's name, in any case (<c>Full</c>, <c>summary</c>); a number or any other text is not one.</summary>
    private static DecisionDetail ParseDetail(string text) =>
        text.Equals(nameof(DecisionDetail.Full), StringComparison.OrdinalIgnoreCase) ? DecisionDetail.Full
        : text.Equals(nameof(DecisionDetail.Summary), StringComparison.OrdinalIgnoreCase) ? DecisionDetail.Summary
        : throw new FormatException("Expected Full or Summary.");

    private static T Read<T>(IConfiguration section, string key, Func<string, T> parse, T current)
    {
        string? text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return current;
        }

        try
        {
            return parse(text.Trim());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException($"The configuration value {key} is not a valid {typeof(T).Name}.", e);
        }
    }
}
