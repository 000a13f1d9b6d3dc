using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Upon.Core.AspNetCore;

namespace Upon.Cli.Commands;

/// <summary>
/// <c>upon serve</c>: the eligibility endpoints of Upon.Core.AspNetCore on Kestrel, for teams that want a ready service:
/// <c>/eligibility</c> (decisions and policies), <c>/health</c> and the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
internal static class ServeCommand
{
    /// <summary>Where the service listens unless <c>--urls</c> says otherwise: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5000";

    /// <summary>The route prefix of the eligibility endpoints.</summary>
    public const string Prefix = "/eligibility";

    /// <summary>Creates the command.</summary>
    public static Command Create() =>
        new Options().CreateCommand(
            "serve",
            "Serve eligibility over HTTP until stopped (Ctrl+C or SIGTERM): POST /eligibility/decisions (one application as application/json, or JSON Lines as application/x-ndjson), GET /eligibility/policies[/ID], GET /health and the OpenAPI document at /openapi/v1.json. Listens on loopback unless --urls says otherwise. The first line on standard output is 'Listening on URL' for each address; logs go to standard error. Exit 0 when stopped, 1 when the policies cannot be loaded (every problem listed) or the address cannot be bound, 2 on usage errors.",
            Serve);

    private static int Serve(CommandRun run, Options options)
    {
        string urls = run.GetValue(options.Urls) ?? DefaultUrls;
        foreach (string url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return run.Usage($"--urls takes http:// or https:// addresses separated by ';' (such as {DefaultUrls}); '{CliText.Escape(url)}' is not one.");
            }
        }

        string? policies = run.GetValue(options.Policies);
        if (policies is not null && !Directory.Exists(policies))
        {
            run.Error.WriteLine($"upon: the policy folder '{CliText.Escape(Path.GetFullPath(policies))}' does not exist.");
            return ExitCodes.InvalidInput;
        }

        bool builtIn = !run.GetValue(options.NoBuiltIn);
        if (!builtIn && policies is null)
        {
            return run.Usage("--no-built-in needs --policies: there would be no policies to decide by.");
        }

        WebApplication app;
        try
        {
            app = Build(urls, policies, builtIn, run.IsQuiet ? LogLevel.Warning : LogLevel.Information);
            app.Start();
        }
        catch (PolicyLoadException e)
        {
            foreach (PolicyLoadProblem problem in e.Problems)
            {
                run.Error.WriteLine($"upon: {CliText.Escape(problem.ToString())}");
            }

            return ExitCodes.InvalidInput;
        }
        catch (IOException e)
        {
            // Kestrel could not bind: the port is taken, or the address is not this machine's.
            run.Error.WriteLine($"upon: cannot listen on {CliText.Escape(urls)}: {CliText.Escape(e.Message)}");
            return ExitCodes.Failure;
        }

        using (app)
        {
            foreach (string address in app.Urls)
            {
                run.Output.WriteLine($"Listening on {address}");
            }

            run.Output.Flush();
            run.Note($"eligibility at {Prefix}, health at /health, OpenAPI at /openapi/v1.json; Ctrl+C stops.");
            app.WaitForShutdown();
        }

        return ExitCodes.Success;
    }

    /// <summary>Builds the service: what docs/service.md's host does, with health and logs on standard error.</summary>
    internal static WebApplication Build(string urls, string? policies, bool builtIn, LogLevel level)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(level);

        // A line for each request is the host's to add; the tool logs what its own endpoints say.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddUponEligibilityPolicies();
        builder.Services.AddUponEligibility(eligibility =>
        {
            eligibility.IncludeBuiltInPolicies = builtIn;
            eligibility.PolicyDirectory = policies;
        });

        WebApplication app = builder.Build();
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapUponEligibility(Prefix);
        return app;
    }

    /// <summary>The options of <c>upon serve</c>.</summary>
    private sealed class Options : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Urls, Policies, NoBuiltIn];

        /// <summary>Gets <c>--urls</c>.</summary>
        public Option<string> Urls { get; } = new("--urls")
        {
            Description = $"The addresses to listen on, separated by ';' ({DefaultUrls} by default: loopback only). Port 0 picks a free port.",
            HelpName = "URL",
            DefaultValueFactory = _ => DefaultUrls,
        };

        /// <summary>Gets <c>--policies</c>.</summary>
        public Option<string> Policies { get; } = new("--policies")
        {
            Description = "A folder of policy documents (*.json), loaded beside the built-in policies and read again when it changes; a folder that becomes invalid keeps the last good policies in place (logged).",
            HelpName = "DIR",
        };

        /// <summary>Gets <c>--no-built-in</c>.</summary>
        public Option<bool> NoBuiltIn { get; } = new("--no-built-in")
        {
            Description = "Decide only by the policies of --policies, not the built-in ones.",
        };
    }
}
