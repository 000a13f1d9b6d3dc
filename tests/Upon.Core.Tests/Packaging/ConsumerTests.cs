using System;
using System.IO;

namespace Upon.Core.Tests.Packaging;

/// <summary>
/// What developers referencing the packages do: restore a new project against the freshly packed
/// Upon.Core (or Upon.Core.Testing, running a property with its generators) from a local folder and run
/// it; and what analysts do: install the upon tool and run it.
/// </summary>
[Collection(PackagingTests.Name)]
public sealed class ConsumerTests(PackedArtifacts artifacts)
{
    [Fact]
    public void ConsumerProject_RestoresThePackageFromAFolderAndRuns()
    {
        string output = RunConsumer("consumer", "Upon.Core", """
            using System;
            using NodaTime;
            using Upon.Core.Calendars;
            using Upon.Core;

            WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
            LocalDate next = calendar.AddWorkingDays(new LocalDate(2026, 12, 24), 1);
            int count = calendar.CountWorkingDays(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31)));
            Console.WriteLine($"next={next:uuuu-MM-dd} count={count}");
            Console.WriteLine(UponJson.Serialize(new DateInterval(new LocalDate(2020, 11, 23), new LocalDate(2021, 6, 30))));
            """);

        Assert.Contains("next=2026-12-29 count=254", output, StringComparison.Ordinal);
        Assert.Contains("""{"start":"2020-11-23","end":"2021-06-30"}""", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TestingConsumer_RestoresBothPackagesFromAFolderAndRunsAPropertyWithTheGenerators()
    {
        // Upon.Core comes from the same folder as a dependency of Upon.Core.Testing.
        string output = RunConsumer("testing-consumer", "Upon.Core.Testing", """
            using System;
            using System.Linq;
            using Upon.Core.Eligibility;
            using Upon.Core.Testing;
            using Upon.Core.Workforce;

            UponProperty.ForAll(ApplicationGenerators.Eligible(), a => BuiltInPolicies.Year2.Decide(a).IsEligible);
            Turnover year = Turnover.ByFinancialYear(SyntheticWorkforce.Default.Appointments, SyntheticWorkforce.Default.Register, 2020, 2020).Single();
            Console.WriteLine($"property held; 2020/21: {year.Changes} changes in {year.AuthoritiesWithChange} of {year.AuthorityCount}");
            try
            {
                UponProperty.ForAll(ApplicationGenerators.Eligible(), a => a.Roles.Length > 3);
            }
            catch (Exception e) when (e.Message.Contains("Falsifiable", StringComparison.Ordinal))
            {
                Console.WriteLine("counter-example found");
            }
            """);

        Assert.Contains("property held; 2020/21: 39 changes in 34 of 151", output, StringComparison.Ordinal);
        Assert.Contains("counter-example found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void WebConsumer_RestoresTheAspNetCorePackage_AndDecidesOneApplicationOverRealHttp()
    {
        // A web project outside the solution: the few lines of docs/service.md's host on a free loopback port, and one
        // request to it from the same program.
        string output = RunConsumer("web-consumer", "Upon.Core.AspNetCore", """
            using System;
            using System.Linq;
            using System.Net.Http;
            using System.Text;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Upon.Core.AspNetCore;

            WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.AddOpenApi();
            builder.Services.AddUponEligibility();
            WebApplication app = builder.Build();
            app.MapOpenApi();
            app.MapUponEligibility("/eligibility");
            await app.StartAsync();

            using HttpClient client = new() { BaseAddress = new Uri(app.Urls.Single()) };
            const string application = "{\"id\":\"W-1\",\"programmeYear\":\"2021/22\",\"assessedOn\":\"2021-06-01\",\"roles\":[{\"title\":\"Assistant Director\",\"organisation\":\"A council\",\"organisationType\":\"localAuthority\",\"sector\":\"childrensServices\",\"level\":\"assistantDirector\",\"start\":\"2017-09-04\"}],\"readyBy\":\"2023-09-01\"}";
            using HttpResponseMessage response = await client.PostAsync("/eligibility/decisions", new StringContent(application, Encoding.UTF8, "application/json"));
            string decision = await response.Content.ReadAsStringAsync();
            Console.WriteLine($"status={(int)response.StatusCode} {decision[..decision.IndexOf(",\"asOf\"", StringComparison.Ordinal)]}");
            string openapi = await client.GetStringAsync("/openapi/v1.json");
            Console.WriteLine($"openapi names EligibilityDecision: {openapi.Contains("\"EligibilityDecision\"", StringComparison.Ordinal)}");
            await app.StopAsync();
            """, sdk: "Microsoft.NET.Sdk.Web");

        Assert.Contains("""status=200 {"applicationId":"W-1","outcome":"incomplete","policy":{"id":"aspirant-2021-22","version":1}""", output, StringComparison.Ordinal);
        Assert.Contains("openapi names EligibilityDecision: True", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Tool_InstallsFromTheFeedAndRunsAsUpon()
    {
        string work = Directory.CreateDirectory(Path.Combine(artifacts.Root, "tool")).FullName;
        string toolPath = Path.Combine(work, "bin");
        WriteNuGetConfig(work);

        DotNetCli.RunOrFail(work, "tool", "install", "Upon.Cli", "--version", artifacts.Version, "--tool-path", toolPath, "--configfile", Path.Combine(work, "nuget.config"));
        string upon = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "upon.exe" : "upon");
        (int exitCode, string output) = DotNetCli.RunProgram(upon, work, "holidays", "2022");

        Assert.Equal(0, exitCode);
        Assert.Contains("2022-09-19", output, StringComparison.Ordinal);
        Assert.Contains("Bank Holiday for the State Funeral of Queen Elizabeth II", output, StringComparison.Ordinal);

        // The installed tool carries the demo's embedded data: its main job runs with nothing else to hand.
        (int demoExitCode, string demo) = DotNetCli.RunProgram(upon, work, "demo");
        Assert.Equal(0, demoExitCode);
        Assert.Contains("2020/21          151       39             34", demo, StringComparison.Ordinal);
        Assert.Contains("60 candidates: 35 selected", demo, StringComparison.Ordinal);
    }

    /// <summary>
    /// Writes a console project outside the repository that references <paramref name="packageId"/> at the packed
    /// version, restores it from the packed folder, runs <paramref name="program"/> and returns what it printed.
    /// </summary>
    private string RunConsumer(string name, string packageId, string program, string sdk = "Microsoft.NET.Sdk")
    {
        string project = Directory.CreateDirectory(Path.Combine(artifacts.Root, name)).FullName;
        WriteNuGetConfig(project);
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <!-- FsCheck asks for FSharp.Core 5.0.2, which the feed here lacks: the pinned later version is used. -->
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{packageId}" Version="{artifacts.Version}" />
              </ItemGroup>
            </Project>
            """);

        // Keep the consumer out of the repository's Directory.Build.props and Directory.Packages.props.
        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Program.cs"), program);

        DotNetCli.RunOrFail(project, "restore", "--packages", Path.Combine(artifacts.Root, name + "-packages"), "-nodeReuse:false");
        return DotNetCli.RunOrFail(project, "run", "--no-restore", "-nodeReuse:false");
    }

    /// <summary>
    /// Sources: the freshly packed folder first, then the machine's global packages folder (for
    /// NodaTime), so that the check needs no network.
    /// </summary>
    private void WriteNuGetConfig(string folder)
    {
        string globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{artifacts.Feed}" />
                <add key="global-packages" value="{globalPackages}" />
              </packageSources>
            </configuration>
            """);
    }
}
