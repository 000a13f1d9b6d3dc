using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Upon.Core.AspNetCore;

/// <summary>Registers Upon eligibility with a host's services.</summary>
public static class UponEligibilityServiceCollectionExtensions
{
    /// <summary>
    /// Registers the policy store (<see cref="EligibilityPolicyStore"/>), the <see cref="IEligibilityDecider"/> over it,
    /// a start-up check that loads the policies before the host serves a request (a bad policy document stops the host
    /// with a <see cref="PolicyLoadException"/> listing every problem), and the OpenAPI description of the endpoints
    /// (used when the host calls <c>AddOpenApi</c>); adds the JSON metadata of the problem details the endpoints write to
    /// the host's HTTP JSON options, so that they are written where reflection-based serialization is off (trimmed and
    /// native AOT hosts); and the metrics of <see cref="UponEligibilityMetrics"/>, on a meter from the host's
    /// <see cref="IMeterFactory"/>. An <see cref="IEligibilityDecider"/> registered before this call
    /// is kept: a test registers its own.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the options, after the configuration section <c>Upon:Eligibility</c> is read when the host has a configuration.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddUponEligibility(this IServiceCollection services, Action<UponEligibilityOptions>? configure = null)
    {
        Guard.Against.Null(services);
        services.TryAddSingleton(provider =>
        {
            UponEligibilityOptions options = new();
            if (provider.GetService<IConfiguration>() is IConfiguration configuration)
            {
                options.Bind(configuration.GetSection(UponEligibilityOptions.ConfigurationSection));
            }

            configure?.Invoke(options);
            return options;
        });
        services.AddMetrics();
        services.TryAddSingleton(provider => new EligibilityInstruments(provider.GetRequiredService<IMeterFactory>()));
        services.TryAddSingleton(provider => new EligibilityPolicyStore(
            provider.GetRequiredService<UponEligibilityOptions>(),
            provider.GetService<IHostEnvironment>()?.ContentRootPath ?? System.IO.Directory.GetCurrentDirectory(),
            provider.GetRequiredService<ILogger<EligibilityPolicyStore>>(),
            provider.GetService<TimeProvider>(),
            provider.GetRequiredService<EligibilityInstruments>(),
            PolicyFolderWatcher.Open));
        services.TryAddSingleton<IEligibilityDecider>(provider => new StoreDecider(provider.GetRequiredService<EligibilityPolicyStore>(), provider.GetRequiredService<UponEligibilityOptions>()));
        services.AddHostedService<PolicyStartup>();
        services.ConfigureAll<OpenApiOptions>(options => EligibilityOpenApi.Describe(options));

        // Problem details (and the errors they carry) written without reflection, which trimmed and AOT hosts turn off.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Add(ServiceProblemsJsonContext.Default));
        return services;
    }

    /// <summary>Loads the policies as the host starts, so that a bad document stops it rather than the first request.</summary>
    private sealed class PolicyStartup(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // Resolving the decider loads the store behind it (unless a test replaced the decider).
            _ = services.GetRequiredService<IEligibilityDecider>().Policies;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
