using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>The options as configuration sets them, the store on its own, and the batch summary a JSON Lines request logs.</summary>
public sealed class OptionsAndStoreTests
{
    [Fact]
    public void Bind_ReadsEveryOption_AndLeavesThoseNotSet()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Upon:Eligibility:IncludeBuiltInPolicies"] = "false",
            ["Upon:Eligibility:PolicyDirectory"] = "policies",
            ["Upon:Eligibility:ReloadDelay"] = "00:00:01.500",
            ["Upon:Eligibility:MaxApplicationBytes"] = " 4096 ",
            ["Upon:Eligibility:DecisionDetail"] = "summary",
        }).Build();
        UponEligibilityOptions options = new();

        options.Bind(configuration.GetSection(UponEligibilityOptions.ConfigurationSection));

        Assert.False(options.IncludeBuiltInPolicies);
        Assert.Equal("policies", options.PolicyDirectory);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.ReloadDelay);
        Assert.Equal(4096, options.MaxApplicationBytes);
        Assert.Equal(UponEligibilityOptions.DefaultMaxBatchBytes, options.MaxBatchBytes);
        Assert.Equal("*.json", options.PolicyFilePattern);
        Assert.True(options.WatchPolicyDirectory);
        Assert.Equal(DecisionDetail.Summary, options.DecisionDetail);
        Assert.Equal(DecisionDetail.Full, new UponEligibilityOptions().DecisionDetail);
    }

    [Theory]
    [InlineData("MaxApplicationBytes", "lots")]
    [InlineData("MaxBatchBytes", "99999999999999999999999")]
    [InlineData("WatchPolicyDirectory", "sometimes")]
    [InlineData("ReloadDelay", "soon")]
    [InlineData("DecisionDetail", "brief")]
    [InlineData("DecisionDetail", "1")]
    public async Task AnOptionOfTheWrongType_StopsTheHost_NamingTheKey(string key, string value)
    {
        Exception thrown = await OwnHost.StartFailureAsync(new Dictionary<string, string?> { [key] = value }, new LogCapture());

        FormatException format = Assert.IsType<FormatException>(First<FormatException>(thrown));
        Assert.Contains(key, format.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, format.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxApplicationBytes", "0")]
    [InlineData("MaxBatchBytes", "-1")]
    [InlineData("IncludeBuiltInPolicies", "false")]
    public async Task AnOptionOutOfRange_StopsTheHost(string key, string value)
    {
        Exception thrown = await OwnHost.StartFailureAsync(new Dictionary<string, string?> { [key] = value }, new LogCapture());

        Assert.True(First<ArgumentException>(thrown) is not null, thrown.ToString());
    }

    [Fact]
    public void TheStore_OnItsOwn_LoadsTheBuiltInPoliciesAndThoseGivenInCode()
    {
        EligibilityPolicy mine = new("code-2030-31", 1, "2030/31", new LocalDate(2030, 1, 1), null, "A policy in code", BuiltInPolicies.Year3.Rule, []);
        UponEligibilityOptions options = new();
        options.Policies.Add(mine);
        using EligibilityPolicyStore store = new(options, "/", NullLogger<EligibilityPolicyStore>.Instance);

        Assert.Equal(1, store.Current.Generation);
        Assert.Equal([PolicyLoadProblem.BuiltInSource, PolicyLoadProblem.CodeSource], store.Current.Sources.ToArray());
        Assert.Equal([.. BuiltInPolicies.All, mine], store.Current.Registry.Policies.ToArray());
        Assert.Null(store.Directory);
        Assert.Empty(store.Reload());
        Assert.Equal(2, store.Current.Generation);
    }

    [Fact]
    public void TheStore_Disposed_KeepsItsLastPolicies_ButReloadsNoMore()
    {
        EligibilityPolicyStore store = new(new UponEligibilityOptions(), "/", NullLogger<EligibilityPolicyStore>.Instance);
        PolicySnapshot last = store.Current;

        store.Dispose();
        store.Dispose();

        Assert.Same(last, store.Current);
        Assert.Throws<ObjectDisposedException>(() => store.Reload());
    }

    [Fact]
    public void TheStore_WithNoPoliciesAtAll_DoesNotStart()
    {
        using TempFolder empty = new();
        UponEligibilityOptions options = new() { IncludeBuiltInPolicies = false, PolicyDirectory = empty.Path, WatchPolicyDirectory = false };

        PolicyLoadException thrown = Assert.Throws<PolicyLoadException>(() => new EligibilityPolicyStore(options, "/", NullLogger<EligibilityPolicyStore>.Instance));

        PolicyLoadProblem problem = Assert.Single(thrown.Problems);
        Assert.Equal(PolicyLoadProblem.RegistrySource, problem.Source);
        Assert.Equal("collection.empty", problem.Problem.Code);
    }

    [Fact]
    public void TheStore_AFolderEmptiedLater_KeepsTheLastGoodPolicies()
    {
        using TempFolder folder = new();
        EligibilityPolicy mine = new("folder-2030-31", 1, "2030/31", new LocalDate(2030, 1, 1), null, "A policy of the folder", BuiltInPolicies.Year3.Rule, []);
        using (System.IO.FileStream file = System.IO.File.Create(folder.File("2030-31.json")))
        {
            PolicyDocument.Write(file, [mine]);
        }

        UponEligibilityOptions options = new() { IncludeBuiltInPolicies = false, PolicyDirectory = folder.Path, WatchPolicyDirectory = false };
        using EligibilityPolicyStore store = new(options, "/", NullLogger<EligibilityPolicyStore>.Instance);
        System.IO.File.Delete(folder.File("2030-31.json"));

        Assert.Equal("collection.empty", Assert.Single(store.Reload()).Problem.Code);
        Assert.Equal([mine], store.Current.Registry.Policies.ToArray());
        Assert.Equal(1, store.Current.Generation);
    }

    [Fact]
    public void TheStore_TakesARelativeFolderFromTheContentRoot()
    {
        using TempFolder root = new();
        System.IO.Directory.CreateDirectory(root.File("policies"));
        UponEligibilityOptions options = new() { PolicyDirectory = "policies", WatchPolicyDirectory = false };

        using EligibilityPolicyStore store = new(options, root.Path, NullLogger<EligibilityPolicyStore>.Instance);

        Assert.Equal(root.File("policies"), store.Directory);
    }

    [Fact]
    public async Task AJsonLinesRequest_LogsItsSummary_RecordsAreDecisionsAndErrors()
    {
        await using EligibilityFactory factory = new();
        using HttpClient client = factory.CreateClient();
        string body = string.Join("\n", Samples.Document(Samples.Eligible("A-1")), "not json", string.Empty, Samples.Document(Samples.Ineligible("A-3")), "{}");

        using HttpResponseMessage response = await client.PostAsync(Samples.Decisions, Samples.Body(body, Samples.JsonLines));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, Samples.Lines(await response.Content.ReadAsStringAsync()).Count);
        LogEntry summary = await factory.Logs.WaitForEventAsync("EligibilityBatchDecided", Samples.Patience);
        Assert.Contains("Records=4", summary.State, StringComparison.Ordinal);
        Assert.Contains("Decisions=2", summary.State, StringComparison.Ordinal);
        Assert.Contains("Errors=2", summary.State, StringComparison.Ordinal);
    }

    /// <summary>The first exception of type <typeparamref name="T"/> in <paramref name="thrown"/> and its inner exceptions.</summary>
    private static T? First<T>(Exception thrown)
        where T : Exception
    {
        for (Exception? e = thrown; e is not null; e = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
