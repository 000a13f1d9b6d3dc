using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Upon.Core.AspNetCore.Tests.Support;
using Upon.Core.Eligibility;

namespace Upon.Core.AspNetCore.Tests;

/// <summary>
/// The policy folder watched when the file system's events cannot be had (on Linux, the user's inotify instances used
/// up): at start-up, or after a change. The store must neither fail to start nor stop seeing changes without a word; it
/// polls the folder, logs that once and says so in the health check. The failing events are a provider whose
/// <see cref="IFileProvider.Watch"/> throws the <see cref="IOException"/> that <see cref="FileSystemWatcher"/> throws
/// then; the polling is the real one.
/// </summary>
public sealed class PolicyFolderWatchTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly LogCapture logs = new();
    private readonly ILoggerFactory loggers;
    private readonly ConcurrentQueue<IFileProvider> opened = new();

    public PolicyFolderWatchTests() => loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));

    public void Dispose()
    {
        loggers.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task FileEventsRefusedAtStartUp_TheStoreStartsPolling_AndAChangeIsLoaded()
    {
        WritePolicies(PolicyReloadTests.Version1);
        using EligibilityPolicyStore store = Store(eventsFailFromCall: 1);

        LogEntry polled = Assert.Single(logs.Events("PolicyFolderPolled"));
        Assert.Equal(LogLevel.Warning, polled.Level);
        Assert.IsType<IOException>(polled.Exception);
        Assert.Equal("polling", store.WatchMode);
        Assert.Equal("polling", await HealthDataAsync(store, "watch"));

        ReplacePolicies(PolicyReloadTests.Version1Ended, PolicyReloadTests.Version2);
        await WaitForGenerationAsync(2);

        Assert.Equal(PolicyReloadTests.Version2, store.Current.Registry.FindById(PolicyReloadTests.PolicyId));
        Assert.Single(logs.Events("PolicyFolderPolled"));
    }

    [Fact]
    public async Task FileEventsRefusedAfterAChange_ThatChangeIsLoaded_AndTheNextOnesByPolling()
    {
        WritePolicies(PolicyReloadTests.Version1);
        using EligibilityPolicyStore store = Store(eventsFailFromCall: 2);
        Assert.Equal("events", store.WatchMode);
        Assert.Empty(logs.Events("PolicyFolderPolled"));

        // The event of this change is the last: asked for the next change's token, the events fail.
        ReplacePolicies(PolicyReloadTests.Version1Ended, PolicyReloadTests.Version2);
        await WaitForGenerationAsync(2);
        Assert.Equal(PolicyReloadTests.Version2, store.Current.Registry.FindById(PolicyReloadTests.PolicyId));
        Assert.Equal("polling", store.WatchMode);

        ReplacePolicies(PolicyReloadTests.Version1);
        await WaitForGenerationAsync(3);
        Assert.Equal(PolicyReloadTests.Version1, store.Current.Registry.FindById(PolicyReloadTests.PolicyId));
        Assert.Single(logs.Events("PolicyFolderPolled"));
        Assert.Empty(logs.Events("PolicyReloadRefused"));
    }

    [Fact]
    public async Task FileEventsThatWork_AreUsed_AndTheHealthCheckSaysSo()
    {
        WritePolicies(PolicyReloadTests.Version1);
        using EligibilityPolicyStore watching = Store(eventsFailFromCall: int.MaxValue);
        using EligibilityPolicyStore notWatching = Store(eventsFailFromCall: 1, watch: false);

        Assert.Equal("events", await HealthDataAsync(watching, "watch"));
        Assert.Equal("off", await HealthDataAsync(notWatching, "watch"));
        Assert.Single(opened);
        Assert.Empty(logs.Events("PolicyFolderPolled"));
    }

    [Fact]
    public void Dispose_ReleasesTheEventsAndThePolling()
    {
        WritePolicies(PolicyReloadTests.Version1);
        EligibilityPolicyStore store = Store(eventsFailFromCall: 1);

        store.Dispose();

        Assert.Equal(2, opened.Count);
        Assert.All(opened, provider => Assert.True(provider is Opened { Disposed: true }, $"{provider.GetType().Name} was not disposed."));
    }

    private EligibilityPolicyStore Store(int eventsFailFromCall, bool watch = true)
    {
        UponEligibilityOptions options = new()
        {
            PolicyDirectory = folder.Path,
            WatchPolicyDirectory = watch,
            ReloadDelay = TimeSpan.FromMilliseconds(50),
        };
        return new EligibilityPolicyStore(options, folder.Path, loggers.CreateLogger<EligibilityPolicyStore>(), timeProvider: null, instruments: null, Open);

        IFileProvider Open(string directory, bool poll)
        {
            Opened provider = new(PolicyFolderWatcher.Open(directory, poll), poll ? int.MaxValue : eventsFailFromCall);
            opened.Enqueue(provider);
            return provider;
        }
    }

    private void WritePolicies(params EligibilityPolicy[] policies) =>
        File.WriteAllText(folder.File(PolicyReloadTests.FileName), PolicyReloadTests.Text(policies));

    /// <summary>Written under a name the store skips, then renamed into place: one change.</summary>
    private void ReplacePolicies(params EligibilityPolicy[] policies)
    {
        File.WriteAllText(folder.File(".next.tmp"), PolicyReloadTests.Text(policies));
        File.Move(folder.File(".next.tmp"), folder.File(PolicyReloadTests.FileName), overwrite: true);
    }

    private Task<LogEntry> WaitForGenerationAsync(int generation) =>
        logs.WaitForAsync(e => e.EventId.Name == "PoliciesLoaded" && e.State.Contains($"Generation={generation};", StringComparison.Ordinal), Samples.Patience);

    private static async Task<object> HealthDataAsync(EligibilityPolicyStore store, string key)
    {
        HealthCheckResult result = await new PolicyHealthCheck(store).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, result.Status);
        return result.Data[key];
    }

    /// <summary>A folder's provider whose <see cref="Watch"/> fails as file events do from call <paramref name="failFrom"/> on.</summary>
    private sealed class Opened(IFileProvider inner, int failFrom) : IFileProvider, IDisposable
    {
        private int calls;

        public bool Disposed { get; private set; }

        public IChangeToken Watch(string filter) => Interlocked.Increment(ref calls) >= failFrom
            ? throw new IOException("The configured user limit (128) on the number of inotify instances has been reached.")
            : inner.Watch(filter);

        public IFileInfo GetFileInfo(string subpath) => inner.GetFileInfo(subpath);

        public IDirectoryContents GetDirectoryContents(string subpath) => inner.GetDirectoryContents(subpath);

        public void Dispose()
        {
            Disposed = true;
            ((IDisposable)inner).Dispose();
        }
    }
}
