using System;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Upon.Core.Serialization;
using Upon.Core.Testing;
using Upon.Core.Workforce;

namespace Upon.Core.Benchmarks;

/// <summary>
/// Reading 1,000,000 appointment CSV records (issue 13's target: at least 0.5× the throughput of a bare line split of the
/// same file). The file is <see cref="AppointmentCorpus"/>'s default (seed 13, 64 MB in the library's own layout:
/// <c>authority,holder,start,end,kind,shared</c>), held in memory; figures are per file.
/// </summary>
/// <remarks>
/// The baseline, <see cref="SplitLinesAndFields"/>, finds every line and every field of the same bytes and builds
/// nothing: a reader has to find each field whatever else it does, so splitting lines alone would leave out work no
/// reader can skip. It does not handle quotes (the corpus has none), does not decode UTF-8 and checks nothing.
/// <see cref="SplitLinesOnly"/> is the narrower reading of "a bare line split", shown for reference.
/// </remarks>
[MemoryDiagnoser]
public class AppointmentCsvBenchmarks
{
    private static readonly byte[] Csv = AppointmentCorpus.GenerateCsv();

    /// <summary>The baseline: every line and every comma-separated field of the file found, nothing built.</summary>
    [Benchmark(Baseline = true)]
    public long SplitLinesAndFields()
    {
        long fields = 0;
        ReadOnlySpan<byte> rest = Csv;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            while (true)
            {
                int comma = line.IndexOf((byte)',');
                fields += (comma < 0 ? line.Length : comma) + 1;
                if (comma < 0)
                {
                    break;
                }

                line = line[(comma + 1)..];
            }
        }

        return fields;
    }

    /// <summary>For reference: every line of the file found, nothing else.</summary>
    [Benchmark]
    public int SplitLinesOnly()
    {
        int lines = 0;
        ReadOnlySpan<byte> rest = Csv;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)'\n');
            rest = end < 0 ? [] : rest[(end + 1)..];
            lines++;
        }

        return lines;
    }

    /// <summary>Reads the 1,000,000 records into appointments with <see cref="AppointmentDocument.ReadCsv(Stream, ProblemHandling)"/>.</summary>
    [Benchmark]
    public int ReadCsv1MillionRecords()
    {
        int valid = 0;
        using MemoryStream stream = new(Csv, writable: false);
        foreach (RecordResult<Appointment> record in AppointmentDocument.ReadCsv(stream))
        {
            valid += record.IsValid ? 1 : 0;
        }

        return valid;
    }

    /// <summary>
    /// Reads the 1,000,000 records into the compact table with <see cref="AppointmentDocument.ReadCsvRecords(Stream)"/>:
    /// what the measures and the CLI read, with no <see cref="Appointment"/> or <see cref="RecordResult{T}"/> per record.
    /// </summary>
    [Benchmark]
    public int ReadCsvRecords1MillionRecords()
    {
        using MemoryStream stream = new(Csv, writable: false);
        return AppointmentDocument.ReadCsvRecords(stream).Appointments.Count;
    }

    /// <summary>
    /// Reads the 1,000,000 records in place with <see cref="AppointmentCsvReader"/>, taking every value of each (codes as
    /// characters, dates, kind, flag, reason), as a service that maps them into its own types would.
    /// </summary>
    [Benchmark]
    public long ReadCsvInPlace1MillionRecords()
    {
        using MemoryStream stream = new(Csv, writable: false);
        using AppointmentCsvReader reader = new(stream);
        long sum = 0;
        while (reader.Read())
        {
            sum += reader.IsValid ? Sum(reader) : 0;
        }

        return sum;
    }

    /// <summary>As <see cref="ReadCsvInPlace1MillionRecords"/>, with <see cref="AppointmentCsvReader.ReadAsync"/>.</summary>
    [Benchmark]
    public async Task<long> ReadCsvInPlaceAsync1MillionRecords()
    {
        using MemoryStream stream = new(Csv, writable: false);
        using AppointmentCsvReader reader = new(stream);
        long sum = 0;
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            sum += reader.IsValid ? Sum(reader) : 0;
        }

        return sum;
    }

    private static long Sum(AppointmentCsvReader reader) =>
        reader.AuthorityCode[0] + reader.HolderId[^1] + reader.Start.Day + (reader.End?.Day ?? 0) + (int)reader.Kind + (reader.IsSharedPost ? 1 : 0) + (reader.ExitReason is null ? 0 : 1);
}
