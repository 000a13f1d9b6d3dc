using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Upon.Core.Fuzz.Formats;
using Upon.Core.Fuzz.Fuzzing;
using Xunit.Abstractions;

namespace Upon.Core.Fuzz;

/// <summary>
/// The fuzz suite: for one public reader, fuzzed documents (20,000 by default, seeded) through the reader and the
/// computation behind it, asserting that no exception escapes, records in = results + records with problems, no
/// document hangs, problem codes are documented, and no canary from the input leaks into a problem. One class per
/// format, so that xUnit runs the formats in parallel. See docs/fuzzing.md.
/// </summary>
public abstract class FuzzTests(string format, ITestOutputHelper output)
{
    [Fact]
    public void Fuzz_ReaderAndComputation_KeepEveryRule()
    {
        FuzzSettings settings = FuzzSettings.FromEnvironment();
        if (settings.Only is (string only, _) && only != format)
        {
            output.WriteLine($"UPON_FUZZ_ONLY names {only}: {format} not run.");
            return;
        }

        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        FuzzReport report = FuzzRunner.Run(FuzzFormats.Named(format), settings);
        string summary = report.Summary() + string.Create(CultureInfo.InvariantCulture, $"; process CPU time during the run {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s");
        output.WriteLine(summary);
        File.AppendAllText(
            Path.Combine(AppContext.BaseDirectory, "fuzz-results.txt"),
            string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:O} {summary}{Environment.NewLine}"));
        Assert.True(report.Failures.Count == 0, report.Describe());
        Assert.True(settings.Only is not null || report.Documents == settings.Documents, summary);
    }
}

public sealed class ApplicationsJsonLinesFuzzTests(ITestOutputHelper output) : FuzzTests("applications-jsonl", output);

public sealed class ApplicationsArrayFuzzTests(ITestOutputHelper output) : FuzzTests("applications-array", output);

public sealed class ApplicationsSingleFuzzTests(ITestOutputHelper output) : FuzzTests("applications-single", output);

public sealed class PoliciesFuzzTests(ITestOutputHelper output) : FuzzTests("policies", output);

public sealed class DecisionsFuzzTests(ITestOutputHelper output) : FuzzTests("decisions", output);

public sealed class CasesFuzzTests(ITestOutputHelper output) : FuzzTests("cases", output);

public sealed class ProgrammeYearsFuzzTests(ITestOutputHelper output) : FuzzTests("programme-years", output);

public sealed class BankHolidaysFuzzTests(ITestOutputHelper output) : FuzzTests("bank-holidays", output);

public sealed class AppointmentsCsvFuzzTests(ITestOutputHelper output) : FuzzTests("appointments-csv", output);

public sealed class AppointmentsJsonFuzzTests(ITestOutputHelper output) : FuzzTests("appointments-json", output);

public sealed class RegistersCsvFuzzTests(ITestOutputHelper output) : FuzzTests("registers-csv", output);

public sealed class RegistersJsonFuzzTests(ITestOutputHelper output) : FuzzTests("registers-json", output);

public sealed class JudgementsCsvFuzzTests(ITestOutputHelper output) : FuzzTests("judgements-csv", output);

public sealed class JudgementsJsonFuzzTests(ITestOutputHelper output) : FuzzTests("judgements-json", output);

public sealed class CandidatesFuzzTests(ITestOutputHelper output) : FuzzTests("candidates", output);

public sealed class CompositionsFuzzTests(ITestOutputHelper output) : FuzzTests("compositions", output);
