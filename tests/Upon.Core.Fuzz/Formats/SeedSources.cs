using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Upon.Core.Fuzz.Documents;
using Upon.Core.Fuzz.Fuzzing;

namespace Upon.Core.Fuzz.Formats;

/// <summary>Where seeds come from: the documented examples (copied to the output's Seeds folder) and Upon.Core.Testing's generators, sampled with fixed seeds.</summary>
internal static class SeedSources
{
    public static string File(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", name));

    /// <summary>The non-blank lines of a JSON Lines example, each as a tree.</summary>
    public static List<string> LineTexts(string name) =>
        [.. File(name).Split('\n').Where(l => !string.IsNullOrWhiteSpace(l))];

    public static List<JsonTree> Lines(string name) => [.. LineTexts(name).Select(JsonTree.Parse)];

    /// <summary>The rows of a CSV example whose fields hold no quotes (all of them in docs/examples), header first.</summary>
    public static List<string[]> CsvRows(string name) =>
        [.. File(name).Split('\n').Where(l => l.Length > 0).Select(l => Fields(l.TrimEnd('\r')))];

    /// <summary>Splits one line of the examples into fields: commas outside quotes separate; quotes are removed (the examples double none).</summary>
    private static string[] Fields(string line)
    {
        List<string> fields = [];
        StringBuilder field = new();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    /// <summary>Samples a generator deterministically.</summary>
    public static T[] Sample<T>(Gen<T> generator, int count, ulong seed, int size = 8) =>
        Gen.Sample(generator, count, new Rnd(seed), size);

    public static JsonTree Tree(Action<Stream> write)
    {
        using MemoryStream stream = new();
        write(stream);
        return JsonTree.Parse(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Groups of records as seeds of a layout: each record alone, and runs of a few.</summary>
    public static IEnumerable<Seed> Groups(string name, SeedLayout layout, IReadOnlyList<JsonTree> records, int most = 12)
    {
        int count = 0;
        for (int i = 0; i < records.Count && count < most; i++, count++)
        {
            yield return new Seed($"{name}[{i}]", layout, [records[i]]);
        }

        for (int i = 0; i + 3 <= records.Count && count < most * 2; i += 3, count++)
        {
            yield return new Seed($"{name}[{i}..{i + 2}]", layout, records.Skip(i).Take(3));
        }
    }

    /// <summary>JSON seeds of a document of many records: each value written alone as a record, then in groups as JSON Lines and as arrays (<see cref="Groups"/>).</summary>
    public static IEnumerable<Seed> JsonGroups<T>(string name, IEnumerable<T> values, Action<Stream, T> writeArray, int most = 6)
    {
        List<JsonTree> records = [.. values.Select(value => ((JsonArray)Tree(s => writeArray(s, value))).Items[0])];
        return Groups(name + "-lines", SeedLayout.Lines, records, most).Concat(Groups(name + "-array", SeedLayout.Array, records, most));
    }

    /// <summary>CSV seeds: the header with runs of a few rows.</summary>
    public static IEnumerable<Seed> CsvGroups(string name, IReadOnlyList<string[]> rows, int size, int most = 12)
    {
        string[] header = rows[0];
        List<string[]> data = [.. rows.Skip(1)];
        for (int i = 0, count = 0; i < data.Count && count < most; i += size, count++)
        {
            yield return new Seed($"{name}[{i}..{Math.Min(i + size, data.Count) - 1}]", [header, .. data.Skip(i).Take(size)]);
        }
    }
}
