using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Upon.Core.Benchmarks;

// dotnet run -c Release --project benchmarks/Upon.Core.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/Upon.Core.Benchmarks -- --filter '*Stream*' --job short
//
// Benchmarks run in process (InProcessEmitToolchain): BenchmarkDotNet's default out-of-process toolchain
// builds a generated project with a global IntermediateOutputPath that also applies to the project
// references, and here that build compiled against a stale Upon.Core. In process, the benchmarks measure
// exactly the Release assemblies this command built.
//
// A job given on the command line (--job short) replaces the default job rather than running beside it, and runs
// in process too (--inProcess is added).
bool jobGiven = args.Any(a => a is "--job" or "-j");
IConfig config = jobGiven
    ? DefaultConfig.Instance
    : DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
string[] arguments = jobGiven && !args.Contains("--inProcess") ? [.. args, "--inProcess"] : args;

BenchmarkSwitcher.FromAssembly(typeof(WorkingDayCalendarBenchmarks).Assembly).Run(arguments, config);
