using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// The policy folder: policies read at start-up, a new version swapped in by a reload (called, or after the folder
/// changes), a bad folder refused with its problems logged while the last good registry goes on serving, a bad folder
/// at start-up stopping the host, and requests begun before a reload finishing under the policies they began with.
/// </summary>
public sealed class PolicyReloadTests : IDisposable
{
    internal const string PolicyId = "aspirant-2030-31";

    internal const string FileName = "aspirant-2030-31.json";

    /// <summary>Version 1 of a policy for a programme year no built-in policy covers, open-ended.</summary>
    internal static readonly EligibilityPolicy Version1 = new(
        PolicyId, 1, "2030/31", new LocalDate(2030, 1, 1), null, "Aspirant Directors programme, 2030/31", BuiltInPolicies.Year3.Rule, BuiltInPolicies.Year3.Interpretation);

    /// <summary>Version 1 ended, so that version 2 can take over.</summary>
    internal static readonly EligibilityPolicy Version1Ended = Version1.WithEffectiveTo(new LocalDate(2030, 5, 31));

    /// <summary>Version 2, from 2030-06-01: it governs the application below.</summary>
    internal static readonly EligibilityPolicy Version2 = EligibilityPolicyBuilder.NextVersionOf(Version1, new LocalDate(2030, 6, 1))
        .WithTitle("Aspirant Directors programme, 2030/31 (revised)")
        .Build();

    private static readonly Application Application = Samples.For("2030/31", new LocalDate(2030, 9, 1), "A-2030");

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void TheNewPolicies_AreValid()
    {
        Assert.True(PolicyRegistry.Create([.. BuiltInPolicies.All, Version1]).IsValid);
        Assert.True(PolicyRegistry.Create([.. BuiltInPolicies.All, Version1Ended, Version2]).IsValid);
        Assert.Null(PolicyRegistry.BuiltIn.Find("2030/31", Application.AssessedOn));
        Assert.Equal(2, Version2.Version);
    }

    [Fact]
    public async Task ThePoliciesOfTheFolder_AreServedBesideTheBuiltInOnes()
    {
        WritePolicies(FileName, Version1);
        await using EligibilityFactory factory = Host(watch: false);
        using HttpClient client = factory.CreateClient();

        IReadOnlyList<EligibilityPolicy> listed = await ListAsync(client);
        JsonNode decision = await DecideAsync(client);

        Assert.Equal([.. BuiltInPolicies.All, Version1], listed);
        Assert.Equal(PolicyId, (string?)decision["policy"]!["id"]);
        Assert.Equal(1, (int)decision["policy"]!["version"]!);
        Assert.True(JsonNode.DeepEquals(Samples.ExpectedDecision(Application, PolicyRegistry.Create([.. BuiltInPolicies.All, Version1]).GetValueOrThrow()), decision));
        Assert.Equal(1, factory.Store.Current.Generation);
        Assert.Equal([PolicyLoadProblem.BuiltInSource, FileName], factory.Store.Current.Sources.ToArray());
    }

    [Fact]
    public async Task ANewVersion_IsServedAfterAReload_AndDecisionsNameIt()
    {
        WritePolicies(FileName, Version1);
        await using EligibilityFactory factory = Host(watch: false);
        using HttpClient client = factory.CreateClient();
        Assert.Equal(1, (int)(await DecideAsync(client))["policy"]!["version"]!);

        WritePolicies(FileName, Version1Ended, Version2);
        ImmutableArray<PolicyLoadProblem> problems = factory.Store.Reload();

        Assert.Empty(problems);
        Assert.Equal(2, factory.Store.Current.Generation);
        Assert.Equal([.. BuiltInPolicies.All, Version1Ended, Version2], await ListAsync(client));
        using HttpResponseMessage versions = await client.GetAsync(Samples.Policies + "/" + PolicyId);
        Assert.Equal([Version1Ended, Version2], PolicyDocument.Parse(await versions.Content.ReadAsStringAsync()).GetValueOrThrow());
        JsonNode decision = await DecideAsync(client);
        Assert.Equal(PolicyId, (string?)decision["policy"]!["id"]);
        Assert.Equal(2, (int)decision["policy"]!["version"]!);
        Assert.Contains(factory.Logs.Events("PoliciesLoaded"), e => e.State.Contains("Generation=2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AChangeInTheFolder_IsPickedUpByTheWatcher()
    {
        WritePolicies(FileName, Version1);
        await using EligibilityFactory factory = Host(watch: true);
        using HttpClient client = factory.CreateClient();
        Assert.Equal(1, (int)(await DecideAsync(client))["policy"]!["version"]!);

        // Written under a name the store skips, then renamed into place: the folder changes once, atomically.
        WritePolicies(".next.tmp", Version1Ended, Version2);
        File.Move(folder.File(".next.tmp"), folder.File(FileName), overwrite: true);
        await factory.Logs.WaitForAsync(e => e.EventId.Name == "PoliciesLoaded" && !e.State.Contains("Generation=1", StringComparison.Ordinal), Samples.Patience);

        Assert.True(factory.Store.Current.Generation >= 2);
        Assert.Equal(Version2, factory.Store.Current.Registry.FindById(PolicyId));
        Assert.Equal(2, (int)(await DecideAsync(client))["policy"]!["version"]!);
        Assert.Empty(factory.Logs.Events("PolicyReloadRefused"));
    }

    public static TheoryData<string, string, string, string> BadFolders => new()
    {
        // The file written, its text, then the source and code of the problem expected.
        { FileName, "{ \"id\": \"aspirant-2030-31\", ", FileName, DocumentProblemCodes.JsonInvalid },
        { FileName, "[]", FileName, DocumentProblemCodes.CollectionEmpty },
        { FileName, Text(Version1, Version2), PolicyLoadProblem.RegistrySource, EligibilityProblemCodes.PolicyOverlap },
        { "overlap.json", Text(new EligibilityPolicy("other-2030-31", 1, "2030/31", new LocalDate(2030, 3, 1), null, "An overlapping policy", BuiltInPolicies.Year1.Rule, [])), PolicyLoadProblem.RegistrySource, EligibilityProblemCodes.PolicyOverlap },
        { "duplicate.json", Text(BuiltInPolicies.Year2), PolicyLoadProblem.RegistrySource, EligibilityProblemCodes.PolicyDuplicate },
    };

    [Theory]
    [MemberData(nameof(BadFolders))]
    public async Task ABadReload_IsRefused_TheLastGoodPoliciesKeepServing_AndItsProblemsAreLogged(string file, string text, string source, string code)
    {
        WritePolicies(FileName, Version1);
        await using EligibilityFactory factory = Host(watch: false);
        using HttpClient client = factory.CreateClient();
        PolicySnapshot before = factory.Store.Current;

        File.WriteAllText(folder.File(file), text);
        ImmutableArray<PolicyLoadProblem> problems = factory.Store.Reload();

        Assert.Contains(problems, p => p.Source == source && p.Problem.Code == code);
        Assert.Equal(problems.ToArray(), factory.Store.RefusedReload.ToArray());
        Assert.Same(before, factory.Store.Current);
        Assert.Equal(1, factory.Store.Current.Generation);
        Assert.Equal([.. BuiltInPolicies.All, Version1], await ListAsync(client));
        JsonNode decision = await DecideAsync(client);
        Assert.Equal(PolicyId, (string?)decision["policy"]!["id"]);
        Assert.Equal(1, (int)decision["policy"]!["version"]!);
        LogEntry refused = Assert.Single(factory.Logs.Events("PolicyReloadRefused"));
        Assert.Equal(LogLevel.Error, refused.Level);
        Assert.All(problems, p =>
        {
            Assert.Contains(p.Source, refused.Message, StringComparison.Ordinal);
            Assert.Contains($"{p.Problem.Path} {p.Problem.Code}", refused.Message, StringComparison.Ordinal);
        });
        Assert.Contains("generation 1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderMadeGoodAgain_IsLoadedByTheNextReload()
    {
        WritePolicies(FileName, Version1);
        await using EligibilityFactory factory = Host(watch: false);
        using HttpClient client = factory.CreateClient();
        File.WriteAllText(folder.File(FileName), "not json");
        Assert.NotEmpty(factory.Store.Reload());

        WritePolicies(FileName, Version1Ended, Version2);

        Assert.NotEmpty(factory.Store.RefusedReload);
        Assert.Empty(factory.Store.Reload());
        Assert.Empty(factory.Store.RefusedReload);
        Assert.Equal(2, factory.Store.Current.Generation);
        Assert.Equal(2, (int)(await DecideAsync(client))["policy"]!["version"]!);
    }

    [Fact]
    public async Task TheHealthCheck_IsDegradedWhileARefusedReloadKeepsOlderPolicies_AndHealthyAgainAfter()
    {
        WritePolicies(FileName, Version1);
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddUponEligibility(options =>
        {
            options.PolicyDirectory = folder.Path;
            options.WatchPolicyDirectory = false;
        });
        builder.Services.AddHealthChecks().AddUponEligibilityPolicies();
        await using WebApplication app = builder.Build();
        app.MapHealthChecks("/health");
        await app.StartAsync();
        using HttpClient client = app.GetTestClient();
        EligibilityPolicyStore store = app.Services.GetRequiredService<EligibilityPolicyStore>();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));

        File.WriteAllText(folder.File(FileName), "not json");
        Assert.NotEmpty(store.Reload());
        using HttpResponseMessage degraded = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());

        WritePolicies(FileName, Version1Ended, Version2);
        Assert.Empty(store.Reload());
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        await app.StopAsync();
    }

    [Fact]
    public async Task ABadFolderAtStartUp_StopsTheHost_WithEveryProblem()
    {
        File.WriteAllText(folder.File("a-broken.json"), "{ not json");
        JsonObject invalid = JsonNode.Parse(Text(Version1))!.AsObject();
        invalid["version"] = 0;
        invalid.Remove("title");
        File.WriteAllText(folder.File("b-invalid.json"), invalid.ToJsonString());
        WritePolicies("c-good.json", Version1Ended);
        LogCapture logs = new();

        PolicyLoadException failure = Find<PolicyLoadException>(await OwnHost.StartFailureAsync(Settings(watch: false), logs));
        List<(string Source, string Path, string Code)> expected =
        [
            ("a-broken.json", "$", DocumentProblemCodes.JsonInvalid),
            .. PolicyDocument.Parse(invalid.ToJsonString()).Problems.Where(p => p.IsError).Select(p => ("b-invalid.json", p.Path, p.Code)),
        ];
        Assert.Equal(expected, failure.Problems.Select(p => (p.Source, p.Problem.Path, p.Problem.Code)));
        Assert.Contains(failure.Problems, p => p.Source == "b-invalid.json" && p.Problem.Path == "$.version");
        Assert.Contains(failure.Problems, p => p.Source == "b-invalid.json" && p.Problem.Path == "$.title" && p.Problem.Code == DocumentProblemCodes.Required);
        Assert.All(failure.Problems, p => Assert.Contains($"{p.Source}: {p.Problem.Path}: {p.Problem.Message} ({p.Problem.Code})", failure.Message, StringComparison.Ordinal));
        LogEntry logged = Assert.Single(logs.Events("PoliciesNotLoaded"));
        Assert.Equal(LogLevel.Critical, logged.Level);
        Assert.All(failure.Problems, p => Assert.Contains($"{p.Source} {p.Problem.Path} {p.Problem.Code}", logged.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PoliciesThatOverlapAtStartUp_StopTheHost_WithTheRegistrysProblem()
    {
        WritePolicies(FileName, Version1);
        WritePolicies("overlap.json", new EligibilityPolicy("other-2030-31", 1, "2030/31", new LocalDate(2030, 3, 1), null, "An overlapping policy", BuiltInPolicies.Year1.Rule, []));

        PolicyLoadException failure = Find<PolicyLoadException>(await OwnHost.StartFailureAsync(Settings(watch: false), new LogCapture()));

        PolicyLoadProblem problem = Assert.Single(failure.Problems);
        Assert.Equal(PolicyLoadProblem.RegistrySource, problem.Source);
        Assert.Equal(EligibilityProblemCodes.PolicyOverlap, problem.Problem.Code);
    }

    [Fact]
    public async Task AMissingFolderAtStartUp_StopsTheHost()
    {
        Dictionary<string, string?> settings = new() { ["PolicyDirectory"] = folder.File("no-such-folder"), ["WatchPolicyDirectory"] = "false" };

        PolicyLoadException failure = Find<PolicyLoadException>(await OwnHost.StartFailureAsync(settings, new LogCapture()));

        Assert.Equal([("no-such-folder", "$", DocumentProblemCodes.NotFound)], failure.Problems.Select(p => (p.Source, p.Problem.Path, p.Problem.Code)));
    }

    [Fact]
    public async Task ARequestBegunBeforeAReload_DecidesEveryLineUnderThePoliciesItBeganWith()
    {
        WritePolicies(FileName, Version1);
        await using EligibilityFactory factory = Host(watch: false);
        using HttpClient client = factory.CreateStreamingClient();
        using ScriptedContent content = new();
        content.Write(Samples.Document(Application) + "\n");
        using HttpRequestMessage request = new(HttpMethod.Post, Samples.Decisions) { Content = content };
        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Samples.Patience);
        using StreamReader reader = new(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        Assert.Equal(1, (int)(await ReadLineAsync(reader))["decision"]!["policy"]!["version"]!);

        // Between the request's first and second lines, version 2 replaces version 1.
        WritePolicies(FileName, Version1Ended, Version2);
        Assert.Empty(factory.Store.Reload());
        Assert.Equal(2, (int)(await DecideAsync(client))["policy"]!["version"]!);
        content.Write(Samples.Document(Application) + "\n");
        content.Complete();

        JsonNode second = await ReadLineAsync(reader);
        Assert.Equal(2, (int)second["record"]!);
        Assert.Equal(PolicyId, (string?)second["decision"]!["policy"]!["id"]);
        Assert.Equal(1, (int)second["decision"]!["policy"]!["version"]!);
        Assert.Null(await reader.ReadLineAsync().WaitAsync(Samples.Patience));
    }

    private EligibilityFactory Host(bool watch) => new(Settings(watch));

    private Dictionary<string, string?> Settings(bool watch) => new()
    {
        ["PolicyDirectory"] = folder.Path,
        ["WatchPolicyDirectory"] = watch ? "true" : "false",
        ["ReloadDelay"] = "00:00:00.050",
    };

    private void WritePolicies(string name, params EligibilityPolicy[] policies) => File.WriteAllText(folder.File(name), Text(policies));

    /// <summary>A policy document of <paramref name="policies"/>, as text.</summary>
    internal static string Text(params EligibilityPolicy[] policies)
    {
        using MemoryStream stream = new();
        PolicyDocument.Write(stream, policies, indented: true);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<IReadOnlyList<EligibilityPolicy>> ListAsync(HttpClient client)
    {
        using HttpResponseMessage response = await client.GetAsync(Samples.Policies);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PolicyDocument.Parse(await response.Content.ReadAsStringAsync()).GetValueOrThrow();
    }

    private static async Task<JsonNode> DecideAsync(HttpClient client)
    {
        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(Samples.Document(Application)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<JsonNode> ReadLineAsync(StreamReader reader)
    {
        string? line = await reader.ReadLineAsync().WaitAsync(Samples.Patience);
        Assert.NotNull(line);
        return JsonNode.Parse(line)!;
    }

    /// <summary>The exception of type <typeparamref name="T"/> in <paramref name="thrown"/> or its inner exceptions.</summary>
    private static T Find<T>(Exception thrown)
        where T : Exception
    {
        for (Exception? e = thrown; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
            {
                return Find<T>(aggregate.InnerExceptions[0]);
            }
        }

        throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} in: {thrown}");
    }
}
