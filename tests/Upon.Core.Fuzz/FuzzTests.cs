using System;
using System.Globalization;
using System.IO;
using Upon.Core.Fuzz.Formats;
using Upon.Core.Fuzz.Fuzzing;
using Xunit.Abstractions;

namespace Upon.Core.Fuzz;

/// <summary>
/// The fuzz suite: for every public reader, fuzzed documents (20,000 per format by default, seeded) through the reader
/// and the computation behind it, asserting that no exception escapes, records in = results + records with problems,
/// no document hangs, problem codes are documented, and no canary from the input leaks into a problem. See docs/fuzzing.md.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Formats))]
    public void Fuzz_ReaderAndComputation_KeepEveryRule(string format)
    {
        FuzzSettings settings = FuzzSettings.FromEnvironment();
        if (settings.Only is (string only, _) && only != format)
        {
            output.WriteLine($"UPON_FUZZ_ONLY names {only}: {format} not run.");
            return;
        }

        FuzzReport report = FuzzRunner.Run(FuzzFormats.Named(format), settings);
        string summary = report.Summary();
        output.WriteLine(summary);
        File.AppendAllText(
            Path.Combine(AppContext.BaseDirectory, "fuzz-results.txt"),
            string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:O} {summary}{Environment.NewLine}"));
        Assert.True(report.Failures.Count == 0, report.Describe());
        Assert.True(settings.Only is not null || report.Documents == settings.Documents, summary);
    }

    public static TheoryData<string> Formats() => FuzzFormats.Names();
}
