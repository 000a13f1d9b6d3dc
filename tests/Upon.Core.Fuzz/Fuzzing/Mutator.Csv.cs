using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Upon.Core.Fuzz.Documents;

namespace Upon.Core.Fuzz.Fuzzing;

/// <summary>The structure-aware edits of CSV tables.</summary>
internal static partial class Mutator
{
    private static readonly string[] LineEnds = ["\n", "\r\n", "\r"];

    private static byte[] MutateCsv(Seed seed, FuzzRandom random, Canaries canaries, List<string> log)
    {
        List<List<string>> rows = [.. seed.Rows.Select(r => r.ToList())];
        foreach (List<string> row in rows.Skip(1))
        {
            for (int c = 0; c < row.Count; c++)
            {
                if (seed.FreeText.Contains(c.ToString(CultureInfo.InvariantCulture)) || random.Chance(0.03))
                {
                    row[c] = canaries.Value(random);
                }
            }
        }

        log.Add("canaries in every free-text field (and a few others)");
        string lineEnd = random.Chance(0.3) ? "\r\n" : "\n";
        List<string> ends = [.. rows.Select(_ => lineEnd)];
        if (lineEnd != "\n")
        {
            log.Add("CRLF line ends");
        }

        if (random.Chance(0.8))
        {
            int edits = random.Next(1, 4);
            for (int i = 0; i < edits; i++)
            {
                EditCsv(rows, ends, random, canaries, log);
            }
        }

        return Seed.WriteCsv(rows, ends);
    }

    private static void EditCsv(List<List<string>> rows, List<string> ends, FuzzRandom random, Canaries canaries, List<string> log)
    {
        if (rows.Count == 0)
        {
            rows.Add([canaries.Key(random)]);
            ends.Add("\n");
        }

        int r = random.Next(rows.Count);
        List<string> row = rows[r];
        string where = FormattableString.Invariant($"row {r}");
        int width = rows[0].Count;
        switch (random.Next(18))
        {
            case 0:
                {
                    string key = canaries.Key(random);
                    rows[0].Insert(Math.Min(random.Next(width + 1), rows[0].Count), key);
                    foreach (List<string> data in rows.Skip(1))
                    {
                        data.Insert(random.Next(data.Count + 1), canaries.Value(random));
                    }

                    log.Add($"column {Show(key)} added");
                    break;
                }

            case 1 when width > 0:
                {
                    int column = random.Next(width);
                    string name = rows[0][column];
                    foreach (List<string> each in rows.Where(x => x.Count > column))
                    {
                        each.RemoveAt(column);
                    }

                    log.Add($"column {Show(name)} removed");
                    break;
                }

            case 2 when width > 0:
                {
                    string name = random.Pick(rows[0]);
                    rows[0].Add(random.Chance(0.5) ? name : name.ToUpperInvariant());
                    foreach (List<string> data in rows.Skip(1))
                    {
                        data.Add(canaries.Value(random));
                    }

                    log.Add($"column {Show(name)} twice in the header");
                    break;
                }

            case 3 when width > 1:
                {
                    int[] order = [.. Enumerable.Range(0, width).OrderBy(_ => random.Next(1000))];
                    foreach (List<string> each in rows.Where(x => x.Count == width))
                    {
                        List<string> copy = [.. each];
                        for (int i = 0; i < width; i++)
                        {
                            each[i] = copy[order[i]];
                        }
                    }

                    log.Add("columns reordered " + string.Join(' ', order));
                    break;
                }

            case 4:
                row.Insert(random.Next(row.Count + 1), canaries.Value(random));
                log.Add($"{where}: extra field");
                break;
            case 5 when row.Count > 0:
                row.RemoveAt(random.Next(row.Count));
                log.Add($"{where}: field missing");
                break;
            case 6 when row.Count > 0:
                {
                    int f = random.Next(row.Count);
                    int at = random.Next(row[f].Length + 1);
                    row[f] = row[f].Insert(at, RawChunks.Marker(RawChunks.Quote).ToString());
                    log.Add(FormattableString.Invariant($"{where}: stray quote in field {f} at {at}"));
                    break;
                }

            case 7 when row.Count > 0:
                {
                    int f = random.Next(row.Count);
                    row[f] = RawChunks.Marker(RawChunks.Quote) + row[f];
                    log.Add(FormattableString.Invariant($"{where}: field {f} opens a quote"));
                    break;
                }

            case 8 when row.Count > 0:
                {
                    int f = random.Next(row.Count);
                    row[f] = random.Pick(new[] { "a,b", "a\"b", "a\nb", "a\r\nb", "\"", ",", "\r" }) + canaries.Value(random);
                    log.Add(FormattableString.Invariant($"{where}: field {f} needs quoting"));
                    break;
                }

            case 9:
                for (int i = 0; i < ends.Count; i++)
                {
                    ends[i] = random.Pick(LineEnds);
                }

                log.Add("mixed line ends " + string.Join(' ', ends.Select(e => e.Replace("\r", "CR", StringComparison.Ordinal).Replace("\n", "LF", StringComparison.Ordinal))));
                break;
            case 10:
                {
                    int at = random.Next(rows.Count + 1);
                    List<string> blank = random.Pick(new List<string>[] { [string.Empty], [" "], ["\t"], [string.Empty, string.Empty] });
                    rows.Insert(at, blank);
                    ends.Insert(Math.Min(at, ends.Count), random.Pick(LineEnds));
                    log.Add(FormattableString.Invariant($"blank or white-space row of {blank.Count} fields inserted at row {at}"));
                    break;
                }

            case 11 or 12 when r > 0 && row.Count > 0:
                {
                    int f = random.Next(row.Count);
                    row[f] = random.Pick(SpecialDates);
                    log.Add(FormattableString.Invariant($"{where}: field {f} = {Show(row[f])}"));
                    break;
                }

            case 13 when row.Count > 0:
                {
                    int f = random.Next(row.Count);
                    int chunk = random.Pick(RawChunks.InvalidUtf8);
                    row[f] = row[f].Insert(random.Next(row[f].Length + 1), RawChunks.Marker(chunk).ToString());
                    log.Add(FormattableString.Invariant($"{where}: {RawChunks.All[chunk].Name} in field {f}"));
                    break;
                }

            case 14 when row.Count > 0:
                {
                    int f = random.Next(row.Count);
                    row[f] += random.Pick(new[] { "\0", "\u001b[31m", "\u2028", "\u0085", "\u007f", Canaries.ForgingKey });
                    log.Add(FormattableString.Invariant($"{where}: control characters in field {f}"));
                    break;
                }

            case 15 when width > 0:
                {
                    int column = random.Next(width);
                    string old = rows[0][column];
                    rows[0][column] = canaries.Key(random);
                    log.Add($"header column {Show(old)} renamed {Show(rows[0][column])}");
                    break;
                }

            case 16 when rows.Count > 1:
                if (random.Chance(0.5))
                {
                    rows.RemoveAt(Math.Max(r, 1));
                    log.Add(FormattableString.Invariant($"row {Math.Max(r, 1)} removed"));
                }
                else
                {
                    rows.Insert(random.Next(1, rows.Count + 1), [.. rows[Math.Max(r, 1)]]);
                    log.Add(FormattableString.Invariant($"row {Math.Max(r, 1)} duplicated"));
                }

                break;
            case 17 when ends.Count > 0:
                ends[^1] = string.Empty;
                log.Add("no line end after the last row");
                break;
            default:
                break;
        }
    }
}
