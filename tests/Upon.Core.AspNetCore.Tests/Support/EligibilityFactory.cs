using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>
/// The sample host (tests/Upon.Core.AspNetCore.SampleHost) in memory, with the <c>Upon:Eligibility</c> settings a test
/// gives, services a test replaces, and every log entry at every level kept in <see cref="Logs"/>.
/// </summary>
public class EligibilityFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? testServices;

    public EligibilityFactory()
        : this(null)
    {
    }

    /// <param name="settings">Options by key under <c>Upon:Eligibility</c> (<c>PolicyDirectory</c>, <c>MaxApplicationBytes</c>…).</param>
    /// <param name="testServices">Changes the host's services after it registers its own.</param>
    public EligibilityFactory(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? testServices = null)
    {
        this.settings = settings ?? new Dictionary<string, string?>();
        this.testServices = testServices;
    }

    /// <summary>Every log entry of the host, Trace level included.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>
    /// A client that sends a request body as it is written: no redirect or cookie handler, since the redirect handler
    /// reads a request's whole body first (to send it again), which a streaming test must not wait for.
    /// </summary>
    public HttpClient CreateStreamingClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = ClientOptions.BaseAddress,
        AllowAutoRedirect = false,
        HandleCookies = false,
    });

    /// <summary>The host's policy store (starts the host).</summary>
    public EligibilityPolicyStore Store => Services.GetRequiredService<EligibilityPolicyStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach ((string key, string? value) in settings)
        {
            builder.UseSetting(UponEligibilityOptions.ConfigurationSection + ":" + key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter(_ => true);
            logging.AddProvider(Logs);
        });
        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }
}
