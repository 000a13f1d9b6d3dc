using System.Globalization;
using System.IO;
using System.Text;
using Upon.Core.Workforce;

namespace Upon.Core.Testing;

/// <summary>
/// A large, varied corpus of appointment records for benchmarks and load tests, deterministic for a seed: blocks of
/// <see cref="SyntheticWorkforce"/> histories (151 to 153 authorities' DCSs with interim, acting and confirmed
/// appointments, people who move between authorities and return, exit reasons), each from its own seed, renamed so
/// that no two blocks share an authority code or a holder id, and moved back in time by a whole number of weeks (0 to
/// 20 years) so that the dates range from the 1980s to 2024.
/// </summary>
/// <remarks>
/// <para>
/// Block <c>b</c> (from 0) is <see cref="SyntheticWorkforce.Generate"/> of the <c>b</c>-th number drawn by .NET's seeded
/// <see cref="System.Random"/> from the corpus's seed; its authority <c>S001</c> becomes <c>E00001001</c> for block 1
/// (<c>E</c> and eight digits: 1000 × b + the authority's number) and holder <c>synthetic-0003</c> becomes
/// <c>B00001-synthetic-0003</c>. One appointment in fifty is marked as a shared post. Within a block the records
/// are ordered by authority and start, as in <see cref="SyntheticWorkforce.Appointments"/>; a block has about a
/// thousand records, and the last block is cut to make exactly the count asked for. No record describes a real
/// authority or person.
/// </para>
/// <para>Thread-safe: the type holds no state; every enumeration generates the records again, the same ones.</para>
/// </remarks>
public static class AppointmentCorpus
{
    /// <summary>The number of appointments <see cref="Generate"/> makes unless told: 1,000,000.</summary>
    public const int DefaultCount = 1_000_000;

    /// <summary>The seed <see cref="Generate"/> uses unless told: 13 (the issue that asked for the corpus).</summary>
    public const int DefaultSeed = 13;

    /// <summary>Generates <paramref name="count"/> appointments from <paramref name="seed"/>, lazily, one block at a time.</summary>
    /// <param name="count">The number of appointments, zero or more; <see cref="DefaultCount"/> unless told.</param>
    /// <param name="seed">The seed of the random choices (any value); <see cref="DefaultSeed"/> unless told.</param>
    /// <returns>The appointments, in a fixed order: the same for the same count and seed. Memory is that of one block.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static IEnumerable<Appointment> Generate(int count = DefaultCount, int seed = DefaultSeed)
    {
        Guard.Against.OutOfRange(count, nameof(count), 0, int.MaxValue, "The count must be zero or more.");
        return Blocks(count, seed);
    }

    /// <summary>
    /// Writes <paramref name="appointments"/> as CSV with <see cref="AppointmentDocument.WriteCsv"/> (its header
    /// <c>authority,holder,start,end,kind,shared</c>, with <c>reason</c> when an appointment has one, and LF line ends),
    /// UTF-8 without a byte-order mark.
    /// </summary>
    /// <param name="appointments">The appointments, for example from <see cref="Generate"/>.</param>
    /// <returns>The bytes, a new array on every call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appointments"/> or one of them is null.</exception>
    public static byte[] ToCsv(IEnumerable<Appointment> appointments)
    {
        Guard.Against.Null(appointments);
        using MemoryStream stream = new();
        using (StreamWriter writer = new(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            AppointmentDocument.WriteCsv(writer, appointments);
        }

        return stream.ToArray();
    }

    /// <summary>Generates appointments and writes them as CSV: <c>ToCsv(Generate(count, seed))</c>, streaming.</summary>
    /// <param name="count">The number of appointments, zero or more.</param>
    /// <param name="seed">The seed of the random choices.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static byte[] GenerateCsv(int count = DefaultCount, int seed = DefaultSeed) => ToCsv(Generate(count, seed));

    private static IEnumerable<Appointment> Blocks(int count, int seed)
    {
#pragma warning disable CA5394 // Not for security: seeded, reproducible choices of synthetic records.
        Random random = new(seed);
        int written = 0;
        for (int block = 0; written < count; block++)
        {
            SyntheticWorkforce workforce = SyntheticWorkforce.Generate(random.Next());
            int shift = -7 * random.Next(0, (20 * 52) + 1);
            foreach (Appointment appointment in workforce.Appointments)
            {
                if (written == count)
                {
                    yield break;
                }

                // Synthetic codes are S and the authority's three-digit number, from S001.
                int authority = (1000 * block) + int.Parse(appointment.AuthorityCode.AsSpan(1), CultureInfo.InvariantCulture);
                string code = "E" + authority.ToString("D8", CultureInfo.InvariantCulture);
                yield return new Appointment(
                    code,
                    "B" + block.ToString("D5", CultureInfo.InvariantCulture) + "-" + appointment.HolderId,
                    appointment.Start.PlusDays(shift),
                    appointment.End?.PlusDays(shift),
                    appointment.Kind,
                    isSharedPost: random.Next(50) == 0)
                {
                    ExitReason = appointment.ExitReason,
                };
                written++;
            }
        }
#pragma warning restore CA5394
    }
}
