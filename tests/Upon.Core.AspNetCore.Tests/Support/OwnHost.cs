using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebApplication = Microsoft.AspNetCore.Builder.WebApplication;
using WebApplicationBuilder = Microsoft.AspNetCore.Builder.WebApplicationBuilder;

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>
/// A host built here as the sample host builds itself (AddProblemDetails, AddUponEligibility, MapUponEligibility) on a
/// TestServer, started by the test itself: for start-up failures, which WebApplicationFactory reports unreliably (when
/// the program's host fails to start and is disposed before the factory looks at it, the factory throws
/// ObjectDisposedException instead of the failure).
/// </summary>
internal static class OwnHost
{
    /// <summary>Builds and starts the host with options under <c>Upon:Eligibility</c>; throws what its start throws.</summary>
    public static async Task<WebApplication> StartAsync(IReadOnlyDictionary<string, string?> settings, LogCapture logs)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(UponEligibilityOptions.ConfigurationSection + ":" + s.Key, s.Value)));
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        builder.Services.AddProblemDetails();
        builder.Services.AddUponEligibility();
        WebApplication app = builder.Build();
        app.MapUponEligibility("/eligibility");
        try
        {
            await app.StartAsync();
            return app;
        }
        catch (Exception)
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The exception the start of a host with <paramref name="settings"/> throws (failing when it starts).</summary>
    public static async Task<Exception> StartFailureAsync(IReadOnlyDictionary<string, string?> settings, LogCapture logs)
    {
        try
        {
            WebApplication app = await StartAsync(settings, logs);
            await app.DisposeAsync();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("The host started.");
    }
}
