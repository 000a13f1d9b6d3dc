using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using FsCheck.Fluent;
using FsCheck;
using Upon.Core.Calendars;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Calendars;

/// <summary>What <see cref="BankHolidayDocument"/> writes, it reads back as the same divisions, coverage and holidays.</summary>
public sealed class BankHolidayDocumentRoundTripTests
{
    [Property]
    public Property ReadOfWrite_GeneratedDocuments_IsTheSameCalendars() =>
        Prop.ForAll(Generators.BankHolidayDocuments(), calendars =>
        {
            foreach (bool indented in (bool[])[false, true])
            {
                using MemoryStream stream = new();
                BankHolidayDocument.Write(stream, calendars, indented);
                byte[] written = stream.ToArray();
                stream.Position = 0;

                DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> read = BankHolidayDocument.Read(stream);

                Assert.Empty(read.Problems);
                AssertSame(calendars, read.Value!);
                using MemoryStream again = new();
                BankHolidayDocument.Write(again, read.Value!, indented);
                Assert.Equal(written, again.ToArray());
            }
        });

    [Property]
    public Property ParseOfWriter_GeneratedDocuments_IsTheSameCalendars() =>
        Prop.ForAll(Generators.BankHolidayDocuments(), calendars =>
        {
            using MemoryStream stream = new();
            using (Utf8JsonWriter writer = new(stream))
            {
                BankHolidayDocument.Write(writer, calendars);
            }

            AssertSame(calendars, BankHolidayDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).GetValueOrThrow());
        });

    [Fact]
    public void ReadOfWrite_TheGoldenGovUkDocument_IsTheSameCalendars()
    {
        ImmutableSortedDictionary<string, HolidayCalendar> golden;
        using (FileStream file = File.OpenRead(Support.Repository.GoldenFile("bank-holidays.json")))
        {
            golden = BankHolidayDocument.Read(file).GetValueOrThrow();
        }

        using MemoryStream stream = new();
        BankHolidayDocument.Write(stream, golden, indented: true);
        stream.Position = 0;

        AssertSame(golden, BankHolidayDocument.Read(stream).GetValueOrThrow());
    }

    private static void AssertSame(ImmutableSortedDictionary<string, HolidayCalendar> expected, ImmutableSortedDictionary<string, HolidayCalendar> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach ((string name, HolidayCalendar calendar) in expected)
        {
            Assert.Equal(name, actual[name].Id);
            Assert.Equal(calendar.Coverage, actual[name].Coverage);
            Assert.Equal<Holiday>(calendar.Holidays, actual[name].Holidays);
        }
    }
}
