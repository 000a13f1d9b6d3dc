using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Upon.Core.Fuzz.Documents;

namespace Upon.Core.Fuzz.Fuzzing;

/// <summary>
/// One format the fuzzer feeds: its valid seeds, the public reader that reads it and the computation behind that
/// reader, and the record count the oracle expects.
/// </summary>
internal abstract class FuzzFormat
{
    private ImmutableArray<Seed> seeds;

    /// <summary>Gets the format's name, as the tests and reproducer files show it.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the reader and the computation, for messages.</summary>
    public abstract string Reader { get; }

    /// <summary>Gets the largest record the reader accepts, in bytes (for the oracle).</summary>
    public virtual int MaxRecordBytes => 1024 * 1024;

    /// <summary>Gets a value indicating whether records have an equality-monitoring object (applications).</summary>
    public virtual bool HasMonitoring => false;

    /// <summary>Gets the seeds, with their free-text places found (once, on first use).</summary>
    public ImmutableArray<Seed> Seeds
    {
        get
        {
            if (seeds.IsDefault)
            {
                seeds = Prepare([.. CreateSeeds()]);
            }

            return seeds;
        }
    }

    /// <summary>Runs <paramref name="bytes"/> through the reader and the computation, recording what they give.</summary>
    public abstract void Run(byte[] bytes, Observation observation);

    /// <summary>The record count the oracle expects, or null for a reader of one whole document.</summary>
    public abstract Expectation? Expect(byte[] bytes);

    protected abstract IEnumerable<Seed> CreateSeeds();

    /// <summary>Whether the bytes read as valid: at least one record, every record a result, no broken rule.</summary>
    public bool ReadsValid(byte[] bytes)
    {
        Observation observation = new();
        Run(bytes, observation);
        return observation.Records.Count > 0 && observation.Records.All(r => r.Valid) && observation.Violations.Count == 0;
    }

    private ImmutableArray<Seed> Prepare(List<Seed> created)
    {
        Canaries canaries = new();
        FuzzRandom random = new(1);

        // A seed must read as valid (generated documents may not: a programme year no policy governs, a session on a
        // bank holiday); the examples must.
        created.RemoveAll(seed => !ReadsValid(seed.Write()) && !seed.Name.Contains("example", StringComparison.Ordinal));
        if (created.Count == 0 || created.Any(seed => !ReadsValid(seed.Write())))
        {
            throw new InvalidOperationException($"A seed of {Name} from the examples does not read as valid, or no seed does: fix the seed corpus.");
        }

        foreach (Seed seed in created)
        {
            if (seed.Layout == SeedLayout.Csv)
            {
                for (int column = 0; column < seed.Rows[0].Length; column++)
                {
                    List<List<string>> rows = [.. seed.Rows.Select(r => r.ToList())];
                    foreach (List<string> row in rows.Skip(1))
                    {
                        row[column] = canaries.Value(random);
                    }

                    if (ReadsValid(Seed.WriteCsv(rows)))
                    {
                        seed.FreeText.Add(column.ToString(CultureInfo.InvariantCulture));
                    }
                }

                continue;
            }

            for (int r = 0; r < seed.Records.Length; r++)
            {
                foreach (JsonPlace place in JsonPlace.All(seed.Records[r]))
                {
                    if (place.Value is not JsonString original)
                    {
                        continue;
                    }

                    string old = original.Value;
                    original.Value = canaries.Value(random);
                    if (ReadsValid(seed.Write()))
                    {
                        seed.FreeText.Add(r.ToString(CultureInfo.InvariantCulture) + place.Path);
                    }

                    original.Value = old;
                }
            }
        }

        return [.. created];
    }
}
