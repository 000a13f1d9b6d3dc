using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Collections.Immutable;
using Upon.Core.Serialization;

namespace Upon.Core.Fuzz.Fuzzing;

/// <summary>A class of failure found, with its first case and a minimised reproducer.</summary>
internal sealed class FuzzFailure(string rule, long index, FuzzCase fuzzCase, string detail)
{
    public string Rule { get; } = rule;

    public long Index { get; } = index;

    public FuzzCase Case { get; } = fuzzCase;

    public string Detail { get; } = detail;

    public int Occurrences { get; set; } = 1;

    public byte[]? Minimised { get; set; }

    public string? ReproducerPath { get; set; }
}

/// <summary>The outcome of a run of one format.</summary>
internal sealed class FuzzReport
{
    public required string Format { get; init; }

    public required ulong Seed { get; init; }

    public long Documents { get; set; }

    public long ValidDocuments { get; set; }

    public long Exceptions { get; set; }

    public long CountMismatches { get; set; }

    public long CanaryLeaks { get; set; }

    public long OtherViolations { get; set; }

    public TimeSpan Elapsed { get; set; }

    /// <summary>Gets or sets the Stopwatch ticks spent making documents (the rest is reading, computing and checking).</summary>
    public long MutationTicks { get; set; }

    public List<FuzzFailure> Failures { get; } = [];

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Format}: {Documents} documents ({ValidDocuments} read as valid), seed {Seed}, {Elapsed.TotalSeconds:F1} s ({MutationTicks / (double)Stopwatch.Frequency:F1} s making documents); {Exceptions} escaped exceptions, {CountMismatches} count mismatches, {CanaryLeaks} canary leaks, {OtherViolations} other broken rules");

    public string Describe()
    {
        StringBuilder text = new(Summary());
        foreach (FuzzFailure failure in Failures)
        {
            text.AppendLine().AppendLine()
                .Append(CultureInfo.InvariantCulture, $"FAILURE ({failure.Occurrences}x): {failure.Rule}").AppendLine()
                .Append(CultureInfo.InvariantCulture, $"  reproduce: UPON_FUZZ_SEED={Seed} UPON_FUZZ_ONLY={Format}:{failure.Index} dotnet test tests/Upon.Core.Fuzz").AppendLine()
                .Append(CultureInfo.InvariantCulture, $"  format {Format}, document {failure.Index}, seed document {failure.Case.Seed}").AppendLine()
                .Append("  mutations: ").AppendJoin("; ", failure.Case.Mutations).AppendLine()
                .Append("  detail: ").Append(failure.Detail).AppendLine()
                .Append(CultureInfo.InvariantCulture, $"  document ({failure.Case.Bytes.Length} bytes): {Escape(failure.Case.Bytes, 400)}").AppendLine();
            if (failure.Minimised is byte[] minimised)
            {
                text.Append(CultureInfo.InvariantCulture, $"  minimised ({minimised.Length} bytes): {Escape(minimised, 400)}").AppendLine();
            }

            if (failure.ReproducerPath is string path)
            {
                text.Append("  reproducer: ").Append(path).AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>Shows bytes as a C-style string: printable ASCII as is, everything else as \xHH (and \n, \r, \t).</summary>
    public static string Escape(byte[] bytes, int max)
    {
        StringBuilder text = new("\"");
        foreach (byte b in bytes.Take(max))
        {
            text.Append(b switch
            {
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => string.Create(CultureInfo.InvariantCulture, $"\\x{b:X2}"),
            });
        }

        return text.Append(bytes.Length > max ? "\"..." : "\"").ToString();
    }
}

/// <summary>
/// Runs fuzzed documents of one format through its reader and computation, on a worker thread watched for hangs,
/// and collects one failure per class (rule) with a minimised reproducer written under the test output.
/// </summary>
internal static class FuzzRunner
{
    private const int MaxMinimiseRuns = 3000;

    private const long ProgressEvery = 100_000;

    public static FuzzReport Run(FuzzFormat format, FuzzSettings settings)
    {
        FuzzReport report = new() { Format = format.Name, Seed = settings.Seed };
        _ = format.Seeds;
        (long first, long last) = settings.Only is (string only, long onlyIndex) && only == format.Name ? (onlyIndex, onlyIndex) : (0L, settings.Documents - 1);
        long current = -1;
        long started = 0;
        FuzzCase? running = null;
        Stopwatch clock = Stopwatch.StartNew();
        Task work = Task.Factory.StartNew(
            () =>
            {
                for (long i = first; i <= last; i++)
                {
                    long before = clock.ElapsedTicks;
                    FuzzCase fuzzCase = Mutator.Create(format, FuzzRandom.ForDocument(settings.Seed, format.Name, i));
                    long after = clock.ElapsedTicks;
                    report.MutationTicks += after - before;
                    Volatile.Write(ref running, fuzzCase);
                    Volatile.Write(ref started, after);
                    Volatile.Write(ref current, i);
                    RunOne(format, fuzzCase, i, report);
                    if ((i + 1) % ProgressEvery == 0)
                    {
                        // A long run leaves a trail, so that how far it got is known even if it is stopped.
                        report.Elapsed = clock.Elapsed;
                        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "fuzz-progress.txt"), string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:O} {report.Summary()}{Environment.NewLine}"));
                    }
                }

                Volatile.Write(ref current, -1);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        while (!work.Wait(250))
        {
            long index = Volatile.Read(ref current);
            TimeSpan spent = TimeSpan.FromTicks((long)((clock.ElapsedTicks - Volatile.Read(ref started)) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency)));
            if (index >= 0 && spent > settings.DocumentTimeLimit)
            {
                FuzzFailure hang = new($"hang: no answer within {settings.DocumentTimeLimit.TotalSeconds} s", index, Volatile.Read(ref running)!, "the reader or computation did not return");
                WriteReproducer(format, settings, hang);
                report.Failures.Add(hang);
                report.Documents = index;
                report.Elapsed = clock.Elapsed;
                return report;
            }
        }

        work.GetAwaiter().GetResult();
        report.Elapsed = clock.Elapsed;
        foreach (FuzzFailure failure in report.Failures)
        {
            failure.Minimised = Minimise(format, failure);
            WriteReproducer(format, settings, failure);
        }

        return report;
    }

    /// <summary>Runs one document and returns the rules it broke (empty when it kept them all).</summary>
    public static List<Violation> Evaluate(FuzzFormat format, FuzzCase fuzzCase, out bool valid)
    {
        Observation observation = new();
        valid = false;
        try
        {
            format.Run(fuzzCase.Bytes, observation);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return [new Violation($"exception escaped: {ex.GetType().FullName} at {Frame(ex)}", Mutator.Show(ex.Message))];
        }

        if (format.Expect(fuzzCase.Bytes) is Expectation expected)
        {
            ProblemRules.CheckCount(expected, observation);
        }
        else
        {
            observation.Check(observation.Records.Count == 1, "a document reader did not give exactly one result", $"{observation.Records.Count} results");
            if (RecordOracle.IsBlank(fuzzCase.Bytes) && observation.Records.Count == 1)
            {
                ImmutableArray<DocumentProblem> problems = observation.Records[0].Problems;
                observation.Check(
                    problems.Length == 1 && problems[0].Code == DocumentProblemCodes.DocumentEmpty && problems[0].Path == "$",
                    "empty input to a document reader is not one document.empty problem at $",
                    string.Join("; ", problems));
            }
        }

        ProblemRules.CheckProblems(format, fuzzCase, observation);
        valid = observation.Records.Count > 0 && observation.Records.All(r => r.Valid);
        return observation.Violations;
    }

    private static void RunOne(FuzzFormat format, FuzzCase fuzzCase, long index, FuzzReport report)
    {
        List<Violation> violations = Evaluate(format, fuzzCase, out bool valid);
        report.Documents++;
        report.ValidDocuments += valid ? 1 : 0;
        foreach (Violation violation in violations.DistinctBy(v => v.Rule))
        {
            if (violation.Rule.StartsWith("exception", StringComparison.Ordinal))
            {
                report.Exceptions++;
            }
            else if (violation.Rule.Contains("canary", StringComparison.Ordinal) || violation.Rule.Contains("equalityMonitoring", StringComparison.Ordinal))
            {
                report.CanaryLeaks++;
            }
            else if (violation.Rule.Contains("records", StringComparison.Ordinal) || violation.Rule.Contains("empty input", StringComparison.Ordinal) || violation.Rule.Contains("array", StringComparison.Ordinal))
            {
                report.CountMismatches++;
            }
            else
            {
                report.OtherViolations++;
            }

            FuzzFailure? known = report.Failures.Find(f => f.Rule == violation.Rule);
            if (known is null)
            {
                report.Failures.Add(new FuzzFailure(violation.Rule, index, fuzzCase, violation.Detail));
            }
            else
            {
                known.Occurrences++;
            }
        }
    }

    /// <summary>Removes chunks of bytes while the document still breaks the same rule (delta debugging, bounded).</summary>
    private static byte[] Minimise(FuzzFormat format, FuzzFailure failure)
    {
        byte[] best = failure.Case.Bytes;
        if (best.Length > 2_000_000)
        {
            return best;
        }

        int runs = 0;
        int chunk = Math.Max(best.Length / 2, 1);
        while (chunk >= 1 && runs < MaxMinimiseRuns)
        {
            bool removed = false;
            for (int at = 0; at < best.Length && runs < MaxMinimiseRuns; at += chunk)
            {
                byte[] candidate = [.. best.AsSpan(0, at), .. best.AsSpan(Math.Min(at + chunk, best.Length))];
                runs++;
                if (Evaluate(format, failure.Case with { Bytes = candidate }, out _).Any(v => v.Rule == failure.Rule))
                {
                    best = candidate;
                    removed = true;
                    at -= chunk;
                }
            }

            if (!removed)
            {
                chunk /= 2;
            }
        }

        return best;
    }

    private static void WriteReproducer(FuzzFormat format, FuzzSettings settings, FuzzFailure failure)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");
        Directory.CreateDirectory(folder);
        string name = string.Create(CultureInfo.InvariantCulture, $"{format.Name}-seed{settings.Seed}-doc{failure.Index}");
        File.WriteAllBytes(Path.Combine(folder, name + ".bin"), failure.Case.Bytes);
        if (failure.Minimised is byte[] minimised)
        {
            File.WriteAllBytes(Path.Combine(folder, name + "-minimised.bin"), minimised);
        }

        failure.ReproducerPath = Path.Combine(folder, name + ".bin");
    }

    private static string Frame(Exception ex)
    {
        string? frame = new StackTrace(ex).GetFrames()
            .Select(f => f.GetMethod())
            .Where(m => m?.DeclaringType?.Namespace?.StartsWith("Upon.Core", StringComparison.Ordinal) == true && m.DeclaringType.Namespace?.StartsWith("Upon.Core.Fuzz", StringComparison.Ordinal) != true)
            .Select(m => m!.DeclaringType!.Name + "." + m.Name)
            .FirstOrDefault();
        return frame ?? "(outside Upon.Core)";
    }
}
