using System;
using PublicApiGenerator;
using Upon.Core.AspNetCore.Tests.Support;

namespace Upon.Core.AspNetCore.Tests.PublicApi;

/// <summary>
/// Guards the public API of the Upon.Core.AspNetCore package, as tests/Upon.Core.Tests/PublicApi does for the others:
/// its surface, written by PublicApiGenerator as C#, is compared with PublicApi/Upon.Core.AspNetCore.approved.txt. When
/// the API changes on purpose, copy the Upon.Core.AspNetCore.received.txt the failing test writes beside it over the
/// approved file and review the diff.
/// </summary>
public sealed class PublicApiTests
{
    /// <summary>Assembly attributes are left out: they name test assemblies and build metadata, not API.</summary>
    private static readonly ApiGeneratorOptions Options = new() { IncludeAssemblyAttributes = false };

    [Fact]
    public void PublicApi_MatchesTheApprovedFile()
    {
        const string Name = "Upon.Core.AspNetCore";
        string approvedPath = Repository.PathOf("tests", "Upon.Core.AspNetCore.Tests", "PublicApi", Name + ".approved.txt");
        string receivedPath = Repository.PathOf("tests", "Upon.Core.AspNetCore.Tests", "PublicApi", Name + ".received.txt");
        ApprovedFile.AssertMatches(
            Normalise(typeof(EligibilityPolicyStore).Assembly.GeneratePublicApi(Options)),
            approvedPath,
            receivedPath,
            Normalise,
            $"The public API of {Name} differs from {approvedPath}. If the change is intended, copy {receivedPath} over it and review the diff.");
    }

    [Fact]
    public void TheSurface_IsTheServiceCollectionAndEndpointExtensions_TheStoreTheDeciderAndTheProblems()
    {
        string api = typeof(EligibilityPolicyStore).Assembly.GeneratePublicApi(Options);

        Assert.Contains("public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddUponEligibility(", api, StringComparison.Ordinal);
        Assert.Contains("public static Microsoft.AspNetCore.Routing.RouteGroupBuilder MapUponEligibility(", api, StringComparison.Ordinal);
        Assert.Contains("public interface IEligibilityDecider", api, StringComparison.Ordinal);
        Assert.DoesNotContain("StoreDecider", api, StringComparison.Ordinal);
        Assert.DoesNotContain("EligibilityOpenApi", api, StringComparison.Ordinal);
    }

    /// <summary>One line ending and a final newline, whatever the platform or a checkout did to the file.</summary>
    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
