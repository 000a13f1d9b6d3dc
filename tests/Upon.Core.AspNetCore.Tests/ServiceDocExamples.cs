using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>The worked examples of docs/service.md: each snippet is compiled and run here.</summary>
public sealed class ServiceDocExamples(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task ReplaceTheDecider_TheEndpointsUseTheTestsRegistry()
    {
        // begin-snippet: service-replace-decider
        // A decider over the test's own registry: here only the Year 3 policy.
        PolicyRegistry registry = PolicyRegistry.Create([BuiltInPolicies.Year3]).GetValueOrThrow();
        using WebApplicationFactory<Program> host = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<IEligibilityDecider>(new RegistryDecider(registry))));
        using HttpClient client = host.CreateClient();

        string policies = await client.GetStringAsync("/eligibility/policies");
        Assert.Contains("\"id\":\"aspirant-2022-23\"", policies, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\":\"aspirant-2021-22\"", policies, StringComparison.Ordinal);
        // end-snippet
    }

    [Fact]
    public async Task HealthCheck_IsHealthyWithThePoliciesLoaded()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddUponEligibility();
        // begin-snippet: service-health
        builder.Services.AddHealthChecks().AddUponEligibilityPolicies(); // healthy; degraded while a refused reload keeps older policies
        // end-snippet
        await using WebApplication app = builder.Build();
        app.MapHealthChecks("/health");
        await app.StartAsync();
        using HttpClient client = app.GetTestClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }
}

// begin-snippet: service-registry-decider
internal sealed class RegistryDecider(PolicyRegistry registry) : IEligibilityDecider
{
    public PolicyRegistry Policies => registry;

    public DocumentResult<EligibilityBatch> CreateBatch(DecisionScope scope) =>
        DocumentResult.Success(new EligibilityBatch(registry, scope.PolicyId is null ? null : registry.FindById(scope.PolicyId, scope.PolicyVersion), scope.AsOf));
}
// end-snippet
