using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Upon.Core.Benchmarks;

// dotnet run -c Release --project benchmarks/Upon.Core.Benchmarks -- --filter '*'
//
// Benchmarks run in process (InProcessEmitToolchain): BenchmarkDotNet's default out-of-process toolchain
// builds a generated project with a global IntermediateOutputPath that also applies to the project
// references, and here that build compiled against a stale Upon.Core. In process, the benchmarks measure
// exactly the Release assemblies this command built.
IConfig config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));

BenchmarkSwitcher.FromAssembly(typeof(WorkingDayCalendarBenchmarks).Assembly).Run(args, config);
