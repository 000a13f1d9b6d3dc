#:project ../../src/Upon.Core.Testing/Upon.Core.Testing.csproj
#:property PublishAot=false
// Writes a large, varied appointments file and its register for the memory measurements of docs/benchmarks.md:
//
//   dotnet run benchmarks/workforce-memory/generate.cs -- OUT_FOLDER [RECORDS]
//
// RECORDS (default 3,700,000) appointments in OUT_FOLDER/appointments.csv and the register in
// OUT_FOLDER/register.csv. The data are blocks of Upon.Core.Testing's SyntheticWorkforce, one per seed
// (1, 2, 3, ...): each block is 151 authorities' DCS histories from 2005 to 2023 with interim, acting and
// confirmed appointments, renamed so that blocks do not share authority codes or holder ids (code S001 of
// block 7 becomes S001B0007). The last block is cut to make exactly RECORDS rows.
using System;
using System.Globalization;
using System.IO;
using System.Text;
using NodaTime.Text;
using Upon.Core.Testing;
using Upon.Core.Workforce;

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: generate.cs OUT_FOLDER [RECORDS]");
    return 2;
}

string folder = args[0];
int records = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3_700_000;
Directory.CreateDirectory(folder);
UTF8Encoding utf8 = new(false);
using StreamWriter appointments = new(Path.Combine(folder, "appointments.csv"), false, utf8, 1 << 16) { NewLine = "\n" };
using StreamWriter register = new(Path.Combine(folder, "register.csv"), false, utf8, 1 << 16) { NewLine = "\n" };
appointments.WriteLine("authority,holder,start,end,kind,shared");
register.WriteLine("code,name,region,effectiveFrom,effectiveTo");
int written = 0;
for (int seed = 1; written < records; seed++)
{
    SyntheticWorkforce block = SyntheticWorkforce.Generate(seed);
    string suffix = "B" + seed.ToString("0000", CultureInfo.InvariantCulture);
    foreach (Authority authority in block.Register.Authorities)
    {
        register.WriteLine($"{authority.Code}{suffix},{authority.Name} {suffix},{authority.Region},{LocalDatePattern.Iso.Format(authority.EffectiveFrom)},");
    }

    foreach (Appointment appointment in block.Appointments)
    {
        if (written == records)
        {
            break;
        }

        string end = appointment.End is { } last ? LocalDatePattern.Iso.Format(last) : string.Empty;
        string kind = appointment.Kind.ToString().ToLowerInvariant();
        appointments.WriteLine($"{appointment.AuthorityCode}{suffix},{appointment.HolderId}{suffix},{LocalDatePattern.Iso.Format(appointment.Start)},{end},{kind},false");
        written++;
    }
}

Console.WriteLine($"{written} appointments in {Path.Combine(folder, "appointments.csv")}");
return 0;
