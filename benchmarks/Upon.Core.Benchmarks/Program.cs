using BenchmarkDotNet.Running;
using Upon.Core.Benchmarks;

// dotnet run -c Release --project benchmarks/Upon.Core.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(WorkingDayCalendarBenchmarks).Assembly).Run(args);
