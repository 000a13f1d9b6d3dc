using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Reads the golden files written by Golden/survival/make-golden.R and compares numbers with them.</summary>
internal static class SurvivalGolden
{
    /// <summary>The largest difference allowed from R, relative to the value's size when above 1.</summary>
    public const double Tolerance = 1e-9;

    private static readonly Lazy<Dictionary<string, List<(string Group, TenureRecord Record)>>> DataSets = new(ReadData);

    /// <summary>Gets the records of a data set with their groups.</summary>
    public static List<(string Group, TenureRecord Record)> Data(string dataset) => DataSets.Value[dataset];

    /// <summary>Gets the records of a data set.</summary>
    public static List<TenureRecord> Records(string dataset) => [.. Data(dataset).Select(r => r.Record)];

    /// <summary>Reads a golden CSV file as rows of named fields.</summary>
    public static List<Dictionary<string, string>> Rows(string file)
    {
        string[] lines = File.ReadAllLines(Repository.GoldenFile("survival", file));
        string[] header = lines[0].Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            string[] fields = l.Split(',');
            Assert.Equal(header.Length, fields.Length);
            return header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        })];
    }

    /// <summary>Parses R's conf.type name.</summary>
    public static ConfidenceIntervalType Type(string name) => name switch
    {
        "log" => ConfidenceIntervalType.Log,
        "plain" => ConfidenceIntervalType.Plain,
        "log-log" => ConfidenceIntervalType.LogLog,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown conf.type."),
    };

    /// <summary>Parses a number as R wrote it (NA is NaN).</summary>
    public static double Number(string text) => text switch
    {
        "NA" => double.NaN,
        "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>Asserts that <paramref name="actual"/> matches R's <paramref name="expected"/>: NA only by NaN, Inf only by infinity, numbers to <see cref="Tolerance"/>.</summary>
    public static void Close(string expected, double actual, string what)
    {
        double e = Number(expected);
        if (double.IsNaN(e) || double.IsInfinity(e))
        {
            Assert.True(e.Equals(actual), $"{what}: expected {expected}, got {actual.ToString("R", CultureInfo.InvariantCulture)}");
            return;
        }

        Assert.True(
            Math.Abs(e - actual) <= Tolerance * Math.Max(1, Math.Abs(e)),
            $"{what}: expected {expected}, got {actual.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>Asserts that a nullable result matches R's <paramref name="expected"/>, where NA means null.</summary>
    public static void Close(string expected, double? actual, string what)
    {
        if (expected == "NA")
        {
            Assert.True(actual is null, $"{what}: expected NA, got {actual}");
            return;
        }

        Assert.True(actual is not null, $"{what}: expected {expected}, got null");
        Close(expected, actual!.Value, what);
    }

    private static Dictionary<string, List<(string Group, TenureRecord Record)>> ReadData()
    {
        Dictionary<string, List<(string, TenureRecord)>> sets = new(StringComparer.Ordinal);
        foreach (Dictionary<string, string> row in Rows("data.csv"))
        {
            if (!sets.TryGetValue(row["dataset"], out List<(string, TenureRecord)>? list))
            {
                list = [];
                sets.Add(row["dataset"], list);
            }

            list.Add((row["group"], new TenureRecord(Number(row["entry"]), Number(row["exit"]), row["event"] == "1")));
        }

        return sets;
    }
}
