using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;
using WebApplication = Microsoft.AspNetCore.Builder.WebApplication;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// The traces of <see cref="UponEligibilityTracing"/>: an activity for each policy load, and tags on the host's activity
/// of each eligibility request. Each test runs under an activity of its own, and looks only at activities of its trace
/// (requests carry it in <c>traceparent</c>), since tests run side by side.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("upon-tracing-");
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener;

    public TracingTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is UponEligibilityTracing.ActivitySourceName or "Microsoft.AspNetCore" or nameof(TracingTests),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Dispose()
    {
        listener.Dispose();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task EveryPolicyLoad_IsAnActivity_WithItsGenerationResultAndCounts()
    {
        using ActivitySource source = new(nameof(TracingTests));
        using Activity test = source.StartActivity("test")!;
        string policies = Path.Combine(folder.FullName, "policies.json");
        await using WebApplication app = await OwnHost.StartAsync(new Dictionary<string, string?> { ["PolicyDirectory"] = folder.FullName, ["WatchPolicyDirectory"] = "false" }, new LogCapture());
        EligibilityPolicyStore store = app.Services.GetRequiredService<EligibilityPolicyStore>();

        File.WriteAllText(policies, "not json");
        Assert.NotEmpty(store.Reload());
        File.Delete(policies);
        Assert.Empty(store.Reload());

        Activity[] loads = [.. Of(test, UponEligibilityTracing.PolicyLoadActivity)];
        Assert.Equal(3, loads.Length);
        Assert.Equal([1, 2, 2], loads.Select(a => (int)a.GetTagItem(UponEligibilityTracing.GenerationTag)!));
        Assert.Equal(["loaded", "refused", "loaded"], loads.Select(a => (string?)a.GetTagItem(UponEligibilityMetrics.LoadResultTag)));
        Assert.Equal([ActivityStatusCode.Unset, ActivityStatusCode.Error, ActivityStatusCode.Unset], loads.Select(a => a.Status));
        Assert.Equal([BuiltInPolicies.All.Length, 0, BuiltInPolicies.All.Length], loads.Select(a => (int)a.GetTagItem(UponEligibilityTracing.PolicyCountTag)!));
        Assert.Equal(0, (int)loads[0].GetTagItem(UponEligibilityTracing.ProblemCountTag)!);
        Assert.True((int)loads[1].GetTagItem(UponEligibilityTracing.ProblemCountTag)! > 0);
        Assert.All(loads, a => Assert.Equal(ActivityKind.Internal, a.Kind));
        await app.StopAsync();
    }

    [Fact]
    public async Task EachRequestsActivity_CarriesWhatItsAnswerWas_NeverTheApplication()
    {
        using ActivitySource source = new(nameof(TracingTests));
        using Activity test = source.StartActivity("test")!;
        await using WebApplication app = await OwnHost.StartAsync(new Dictionary<string, string?>(), new LogCapture());
        using HttpClient client = app.GetTestClient();
        string lines = string.Join("\n", Samples.Document(Samples.Eligible("A-1")), Samples.Document(Samples.Ineligible("A-2")), "{\"id\": 1}") + "\n";

        using HttpResponseMessage batch = await SendAsync(client, test, Samples.Body(lines, Samples.JsonLines));
        using HttpResponseMessage one = await SendAsync(client, test, Samples.Body(Samples.Document(Samples.Ineligible("A-3"))));
        using HttpResponseMessage invalid = await SendAsync(client, test, Samples.Body("{}"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest], [batch.StatusCode, one.StatusCode, invalid.StatusCode]);
        await batch.Content.ReadAsStringAsync();
        await app.StopAsync();

        Activity[] requests = [.. Of(test, "Microsoft.AspNetCore.Hosting.HttpRequestIn")];
        Assert.Equal(3, requests.Length);
        Activity lined = Assert.Single(requests, a => a.GetTagItem(UponEligibilityTracing.RecordCountTag) is not null);
        Assert.Equal((3, 2, 1), ((int)lined.GetTagItem(UponEligibilityTracing.RecordCountTag)!, (int)lined.GetTagItem(UponEligibilityTracing.DecisionCountTag)!, (int)lined.GetTagItem(UponEligibilityTracing.RefusedRecordCountTag)!));
        Activity decided = Assert.Single(requests, a => a.GetTagItem(UponEligibilityMetrics.OutcomeTag) is not null);
        Assert.Equal("ineligible", decided.GetTagItem(UponEligibilityMetrics.OutcomeTag));
        Assert.Equal(BuiltInPolicies.Year2.Id, decided.GetTagItem(UponEligibilityMetrics.PolicyIdTag));
        Assert.Equal(BuiltInPolicies.Year2.Version, decided.GetTagItem(UponEligibilityMetrics.PolicyVersionTag));
        Activity refused = Assert.Single(requests, a => a.GetTagItem(UponEligibilityMetrics.ProblemCodeTag) is not null);
        Assert.Equal(ServiceProblems.InvalidDocument, refused.GetTagItem(UponEligibilityMetrics.ProblemCodeTag));

        // Only counts, codes and the policy: the applications' ids are not there.
        Assert.All(requests, a => Assert.DoesNotContain(a.TagObjects, t => t.Value is string text && text.StartsWith("A-", StringComparison.Ordinal)));
    }

    /// <summary>Posts <paramref name="content"/> to the decisions endpoint as a request of <paramref name="test"/>'s trace.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Activity test, HttpContent content)
    {
        HttpRequestMessage request = new(HttpMethod.Post, Samples.Decisions) { Content = content };
        request.Headers.Add("traceparent", test.Id);
        return client.SendAsync(request);
    }

    /// <summary>The stopped activities named <paramref name="name"/> of <paramref name="test"/>'s trace, in the order they stopped.</summary>
    private IEnumerable<Activity> Of(Activity test, string name) =>
        stopped.Where(a => a.TraceId == test.TraceId && a.OperationName == name);
}
