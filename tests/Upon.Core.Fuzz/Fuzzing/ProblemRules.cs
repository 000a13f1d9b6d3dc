using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Upon.Core.Serialization;

namespace Upon.Core.Fuzz.Fuzzing;

/// <summary>The rules every problem of every reader keeps, and the record-count rules of batch readers.</summary>
internal static class ProblemRules
{
    /// <summary>The structural codes a broken array may end with.</summary>
    private static readonly string[] StructuralCodes =
        [DocumentProblemCodes.JsonInvalid, DocumentProblemCodes.DocumentTooLarge, DocumentProblemCodes.TypeMismatch, DocumentProblemCodes.DocumentEmpty, DocumentProblemCodes.CollectionEmpty, DocumentProblemCodes.TextInvalid];

    private static readonly string[] MonitoringProperties = ["ethnicity", "disability", "sex", "ageBand", "religion", "sexualOrientation"];

    /// <summary>
    /// Gets every documented problem code: the constants of the public <c>*ProblemCodes</c> classes of Upon.Core and of
    /// <c>TimelineDocumentCodes</c> (the programme-year reader's own).
    /// </summary>
    public static ImmutableHashSet<string> KnownCodes { get; } = [.. typeof(DocumentProblem).Assembly.GetExportedTypes()
        .Where(t => t.IsAbstract && t.IsSealed && (t.Name.EndsWith("ProblemCodes", StringComparison.Ordinal) || t.Name == "TimelineDocumentCodes"))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];

    public static void CheckProblems(FuzzFormat format, FuzzCase fuzzCase, Observation observation)
    {
        IEnumerable<(string Source, DocumentProblem Problem)> all = observation.Records
            .SelectMany(r => r.Problems.Select(p => ("reader", p)))
            .Concat(observation.LaterProblems);
        foreach ((string source, DocumentProblem problem) in all)
        {
            string path = problem.Path ?? string.Empty;
            string message = problem.Message ?? string.Empty;
            string code = problem.Code ?? string.Empty;
            string shown = $"{source}: {Mutator.Show(path)}: {Mutator.Show(message)} ({code})";
            observation.Check(code.Length > 0 && KnownCodes.Contains(code), $"{source} problem code not documented", shown);
            observation.Check(path.Length > 0 && message.Length > 0, $"{source} problem with an empty path or message", shown);
            observation.Check(!Canaries.HasAny(message), $"{source} message holds a canary", shown);
            observation.Check(!HasControl(path), $"{source} path holds a control character", shown);
            observation.Check(!HasControl(message), $"{source} message holds a control character", shown);
            if (!fuzzCase.TokensChanged)
            {
                observation.Check(!path.Contains(Canaries.ValueTag, StringComparison.Ordinal), $"{source} path holds a value canary", shown);
                observation.Check(!path.Contains(Canaries.MonitoringKeyTag, StringComparison.Ordinal), $"{source} path names an invented equalityMonitoring key", shown);
            }

            if (format.HasMonitoring && path.StartsWith("$.equalityMonitoring", StringComparison.Ordinal))
            {
                string rest = path["$.equalityMonitoring".Length..];
                observation.Check(rest.Length == 0 || rest[0] is not ('.' or '[') || MonitoringProperties.Any(p => rest == "." + p), $"{source} path names a key under equalityMonitoring that the format does not define", shown);
            }
        }
    }

    public static void CheckCount(Expectation expected, Observation observation)
    {
        List<RecordOutcome> records = observation.Records;
        int numbered = records.Count(r => r.Number >= 1);
        int whole = records.Count(r => r.Number == 0);
        string found = $"expected {expected}; found {records.Count} records ({numbered} numbered, {whole} for the whole file): " +
            string.Join("; ", records.Take(5).Select(r => $"#{r.Number} {(r.Valid ? "ok" : string.Join(",", r.Problems.Select(p => p.Code)))}"));
        switch (expected.Kind)
        {
            case ExpectationKind.Empty:
                // Empty input is zero records to a reader of many (docs: DocumentProblemCodes.DocumentEmpty); a reader
                // whose rule for zero records is a problem (a register needs an authority) reports it for the whole file.
                observation.Check(
                    numbered == 0 && whole <= 1 && records.All(r => r.Problems.All(p => p.Code is DocumentProblemCodes.DocumentEmpty or DocumentProblemCodes.CollectionEmpty)),
                    "empty input is not zero records",
                    found);
                break;
            case ExpectationKind.Exact:
                observation.Check(numbered == expected.Records && whole <= 1, "records in != results + records with problems (" + expected.Rule + ")", found);
                break;
            case ExpectationKind.BrokenArray:
                observation.Check(
                    records.Count >= 1 && records[^1].Problems.Length == 1 && StructuralCodes.Contains(records[^1].Problems[0].Code),
                    "a broken array does not end with exactly one record of one structural problem",
                    found);
                break;
            default:
                // Unsure: the per-record rules still apply, the count is not checked.
                break;
        }
    }

    /// <summary>C0, DEL, C1, and the Unicode line and paragraph separators.</summary>
    public static bool HasControl(string text) =>
        text.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0
        || text.AsSpan().IndexOfAnyInRange('\u007f', '\u009f') >= 0
        || text.Contains('\u2028', StringComparison.Ordinal)
        || text.Contains('\u2029', StringComparison.Ordinal);
}
