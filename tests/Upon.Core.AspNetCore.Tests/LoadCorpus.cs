using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Upon.Core.Eligibility;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// What the load test sends and what it expects back: a few thousand distinct generated applications
/// (<see cref="ApplicationCorpus"/>, fixed seed) as JSON Lines, bad lines of several kinds made from them, the policy
/// folder's successive versions, and every application's decision under each version, decided in process and written
/// as the endpoint writes it.
/// </summary>
/// <remarks>
/// The policy folder holds one document, <see cref="FileName"/>, and the host loads nothing else (no built-in
/// policies): version 1 is the three built-in policies as a document; version 2 the same with two and a half years'
/// experience instead of three; version 3 that with statements of at most 35 words instead of 500. A folder holds one
/// version at a time, replaced whole, so every state is a registry by itself: the identifiers and effective dates stay,
/// only the version and the rules change.
/// </remarks>
internal sealed class LoadCorpus
{
    /// <summary>The name of the policy document in the folder.</summary>
    public const string FileName = "policies.json";

    /// <summary>The number of policy versions written over the test: the first, then two replacements.</summary>
    public const int Versions = 3;

    /// <summary>The seed of the corpus (any fixed value: the same applications on every run).</summary>
    private const int Seed = 14;

    /// <summary>How the endpoint writes JSON (compact, and characters such as apostrophes not escaped).</summary>
    private static readonly JsonWriterOptions EndpointWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly byte[][] lines;
    private readonly byte[][] badLines;

    /// <summary>The expected decision of application <c>[i]</c> under version <c>v</c> at <c>[v - 1][i]</c>, as the endpoint writes it.</summary>
    private readonly byte[][][] expected;

    private readonly byte[][][] expectedSummaries;

    private LoadCorpus(int count)
    {
        ImmutableArray<ApplicationSubmission> submissions = ApplicationCorpus.Generate(count, Seed);
        Applications = [.. submissions.Select(s => s.Application)];
        lines = [.. submissions.Select(s => ApplicationCorpus.ToJsonLines([s]).AsSpan(..^1).ToArray())];
        PolicyJson = [.. Enumerable.Range(1, Versions).Select(PolicyDocumentJson)];
        Registries = [.. PolicyJson.Select(json => PolicyRegistry.Create(PolicyDocument.Parse(json).GetValueOrThrow()).GetValueOrThrow())];
        expected = [.. Registries.Select(registry => Applications.Select(application => Expected(registry, application, DecisionDetail.Full)).ToArray())];
        expectedSummaries = [.. Registries.Select(registry => Applications.Select(application => Expected(registry, application, DecisionDetail.Summary)).ToArray())];
        (badLines, BadKinds) = MakeBadLines();
    }

    /// <summary>The distinct applications, in the order of the corpus.</summary>
    public ImmutableArray<Application> Applications { get; }

    /// <summary>The policy document of each version, version 1 first.</summary>
    public ImmutableArray<string> PolicyJson { get; }

    /// <summary>The registry the folder makes at each version, version 1 first.</summary>
    public ImmutableArray<PolicyRegistry> Registries { get; }

    /// <summary>The names of the kinds of bad line, one for each kind made.</summary>
    public ImmutableArray<string> BadKinds { get; }

    /// <summary>The number of distinct bad lines.</summary>
    public int BadLineCount => badLines.Length;

    /// <summary>Makes the corpus of <paramref name="count"/> applications, their decisions under every version and the bad lines.</summary>
    public static LoadCorpus Create(int count) => new(count);

    /// <summary>
    /// The line of a plan entry: a corpus application (an index, zero or more) or a bad line (its index complemented,
    /// <c>~i</c>, so negative). Without the line feed.
    /// </summary>
    public byte[] Line(int entry) => entry >= 0 ? lines[entry] : badLines[~entry];

    /// <summary>The decision of application <paramref name="index"/> under <paramref name="version"/>, as the endpoint writes it in <paramref name="detail"/>.</summary>
    public ReadOnlySpan<byte> ExpectedDecision(int index, int version, DecisionDetail detail = DecisionDetail.Full) =>
        (detail == DecisionDetail.Summary ? expectedSummaries : expected)[version - 1][index];

    /// <summary>
    /// The lines one client sends: <paramref name="records"/> entries, one in a hundred a bad line, the others corpus
    /// applications taken from a place that depends on the client. Deterministic.
    /// </summary>
    public int[] Plan(int client, int records)
    {
        int[] plan = new int[records];
        for (int i = 1; i <= records; i++)
        {
            // 37 is invertible modulo 100: exactly one line in each hundred is bad, at a place that moves with the client.
            bool bad = ((i * 37) + (client * 11)) % 100 == 0;
            plan[i - 1] = bad ? ~(((client * 13) + i) % badLines.Length) : ((client * 1_009) + i) % lines.Length;
        }

        return plan;
    }

    /// <summary>How many applications decide differently (outcome) under <paramref name="to"/> than under <paramref name="from"/>.</summary>
    public int OutcomesChanged(int from, int to) =>
        Applications.Count(a => Decide(Registries[from - 1], a).Outcome != Decide(Registries[to - 1], a).Outcome);

    /// <summary>Writes version <paramref name="version"/> into <paramref name="directory"/> atomically: a dot file renamed over the document.</summary>
    public void WritePolicies(string directory, int version)
    {
        string hidden = Path.Combine(directory, "." + FileName);
        File.WriteAllText(hidden, PolicyJson[version - 1], new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(hidden, Path.Combine(directory, FileName), overwrite: true);
    }

    /// <summary>
    /// The policy document of <paramref name="version"/>: the built-in policies with that version number, from 2 with
    /// a shorter minimum experience (P2Y6M), from 3 also with a statement of at most 35 words.
    /// </summary>
    private static string PolicyDocumentJson(int version)
    {
        using MemoryStream written = new();
        PolicyDocument.Write(written, BuiltInPolicies.All);
        JsonArray document = (JsonArray)JsonNode.Parse(written.ToArray())!;
        foreach (JsonObject policy in document.Cast<JsonObject>())
        {
            policy["version"] = version;
            policy["title"] = $"{(string?)policy["title"]} (load test, version {version})";
            if (version >= 2)
            {
                SetInRules(policy["rule"]!, "experience", "minimum", "P2Y6M");
            }

            if (version >= 3)
            {
                SetInRules(policy["rule"]!, "statement", "maximumWords", 35);
            }
        }

        return document.ToJsonString();
    }

    /// <summary>Sets <paramref name="property"/> in every rule of kind <paramref name="kind"/> in the tree under <paramref name="rule"/>.</summary>
    private static void SetInRules(JsonNode rule, string kind, string property, JsonNode value)
    {
        if ((string?)rule["kind"] == kind)
        {
            rule[property] = value.DeepClone();
        }

        if (rule["rule"] is JsonNode child)
        {
            SetInRules(child, kind, property, value);
        }

        if (rule["rules"] is JsonArray children)
        {
            foreach (JsonNode? each in children)
            {
                SetInRules(each!, kind, property, value);
            }
        }
    }

    private static EligibilityDecision Decide(PolicyRegistry registry, Application application)
    {
        EligibilityPolicy policy = registry.Find(application.ProgrammeYear, application.AssessedOn)
            ?? throw new InvalidOperationException($"No load-test policy governs {application.Id}.");
        return policy.Decide(application);
    }

    private static byte[] Expected(PolicyRegistry registry, Application application, DecisionDetail detail)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream, EndpointWriting))
        {
            DecisionDocument.Write(writer, Decide(registry, application), detail);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Lines the endpoint must answer with problems, each kind made from a few corpus applications: broken JSON, JSON
    /// that is not an application, and applications with an invalid field or no policy.
    /// </summary>
    private (byte[][] Lines, ImmutableArray<string> Kinds) MakeBadLines()
    {
        (string Kind, Func<int, byte[]> Make)[] kinds =
        [
            ("truncated JSON", i => lines[i][..(lines[i].Length / 2)]),
            ("not JSON", i => Encoding.UTF8.GetBytes($"application {i} follows")),
            ("unclosed object", i => Encoding.UTF8.GetBytes($"{{\"id\": \"AD-BAD-{i}\", \"programmeYear\": \"2021/22\"")),
            ("an array, not an application", i => Encoding.UTF8.GetBytes($"[{i}, {i + 1}]")),
            ("a number, not an application", i => Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ("programme year malformed", i => Changed(i, a => a["programmeYear"] = "2021-22")),
            ("assessment date not in the calendar", i => Changed(i, a => a["assessedOn"] = "2021-02-30")),
            ("role level unknown", i => Changed(i, a => a["roles"]![0]!["level"] = "wizard")),
            ("role ends before it starts", i => Changed(i, a => a["roles"]![0]!["end"] = "1990-01-01")),
            ("identifier missing", i => Changed(i, a => a.AsObject().Remove("id"))),
            ("property unknown", i => Changed(i, a => a["colour"] = "blue")),
            ("no policy for the programme year", i => Changed(i, a => a["programmeYear"] = "2031/32")),
        ];

        List<byte[]> made = [];
        for (int variant = 0; variant < 10; variant++)
        {
            foreach ((_, Func<int, byte[]> make) in kinds)
            {
                made.Add(make(WithRoles(((variant * 7) + 3) % lines.Length)));
            }
        }

        return ([.. made], [.. kinds.Select(k => k.Kind)]);

        // The first application from index on that has a role, for the kinds that change one.
        int WithRoles(int index)
        {
            while (Applications[index].Roles.IsEmpty)
            {
                index = (index + 1) % Applications.Length;
            }

            return index;
        }

        byte[] Changed(int index, Action<JsonNode> change)
        {
            JsonNode application = JsonNode.Parse(lines[index])!;
            change(application);
            return Encoding.UTF8.GetBytes(application.ToJsonString());
        }
    }
}
