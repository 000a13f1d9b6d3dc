using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Tests.Serialization;

public class HolidayJsonTests
{
    [Property]
    public Property RoundTrip_AnyHoliday_GivesEqualHoliday() =>
        Prop.ForAll(SerializationGenerators.Holidays(), holiday => JsonAssert.RoundTrip(holiday) == holiday);

    [Property]
    public Property RoundTrip_AnyHolidayIndented_GivesEqualHoliday() =>
        Prop.ForAll(SerializationGenerators.Holidays(), holiday =>
            UponJson.Deserialize<Holiday>(UponJson.Serialize(holiday, writeIndented: true)) == holiday);

    [Fact]
    public void Serialize_WritesDateNameNotesInCamelCase_WithoutIsSubstituteDay()
    {
        Holiday holiday = Holiday.SubstituteDay(new LocalDate(2026, 12, 28), "Boxing Day");
        Assert.True(holiday.IsSubstituteDay);
        Assert.Equal(
            "{\"date\":\"2026-12-28\",\"name\":\"Boxing Day\",\"notes\":\"Substitute day\"}",
            UponJson.Serialize(holiday));
    }

    [Fact]
    public void Serialize_EmptyNotes_WritesEmptyString() =>
        Assert.Equal(
            "{\"date\":\"2026-01-01\",\"name\":\"New Year’s Day\",\"notes\":\"\"}",
            UponJson.Serialize(new Holiday(new LocalDate(2026, 1, 1), EnglandAndWalesBankHolidays.NewYearsDay)));

    [Fact]
    public void Serialize_Indented_UsesTwoSpacesAndLineFeeds() =>
        Assert.Equal(
            "{\n  \"date\": \"2026-01-01\",\n  \"name\": \"New Year’s Day\",\n  \"notes\": \"\"\n}",
            UponJson.Serialize(new Holiday(new LocalDate(2026, 1, 1), EnglandAndWalesBankHolidays.NewYearsDay), writeIndented: true));

    [Theory]
    [InlineData("{\"date\":\"2020-01-01\",\"name\":\"x\",\"notes\":\"\",\"colour\":\"red\"}", "$.colour")]
    [InlineData("{\"date\":\"2020-01-01\",\"name\":\"x\",\"notes\":\"\",\"Date\":\"2020-01-02\"}", "$.Date")]
    [InlineData("{\"date\":\"2020-01-01\",\"title\":\"x\",\"notes\":\"\"}", "$.title")]
    public void Deserialize_UnknownProperty_ThrowsJsonException(string json, string path) =>
        JsonAssert.Rejects<Holiday>(json, path);

    [Theory]
    [InlineData("{\"name\":\"x\",\"notes\":\"\"}")]
    [InlineData("{\"date\":\"2020-01-01\",\"notes\":\"\"}")]
    [InlineData("{\"date\":\"2020-01-01\",\"name\":\"x\"}")]
    [InlineData("{}")]
    public void Deserialize_MissingMember_ThrowsJsonException(string json) =>
        JsonAssert.Rejects<Holiday>(json, "$");

    [Theory]
    [InlineData("{\"date\":null,\"name\":\"x\",\"notes\":\"\"}", "$.date")]
    [InlineData("{\"date\":\"2020-01-01\",\"name\":null,\"notes\":\"\"}", "$.name")]
    [InlineData("{\"date\":\"2020-01-01\",\"name\":\"x\",\"notes\":null}", "$.notes")]
    public void Deserialize_NullMember_ThrowsJsonException(string json, string path) =>
        JsonAssert.Rejects<Holiday>(json, path);

    [Theory]
    [InlineData("2020-02-30")]
    [InlineData("2020-13-01")]
    [InlineData("20200101")]
    [InlineData("")]
    public void Deserialize_BadDate_PathIsDate(string text) =>
        JsonAssert.Rejects<Holiday>($"{{\"date\":\"{text}\",\"name\":\"x\",\"notes\":\"\"}}", "$.date", text);

    [Theory]
    [InlineData("20200101")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("true")]
    public void Deserialize_DateOfWrongType_PathIsDate(string json) =>
        JsonAssert.Rejects<Holiday>($"{{\"date\":{json},\"name\":\"x\",\"notes\":\"\"}}", "$.date");

    [Fact]
    public void Deserialize_ListWithBadDate_PathHasIndex()
    {
        JsonException ex = JsonAssert.Rejects<HolidayList>(
            "{\"calendar\":\"c\",\"interval\":{\"start\":\"2020-01-01\",\"end\":\"2020-12-31\"},\"holidays\":[{\"date\":\"2020-01-01\",\"name\":\"a\",\"notes\":\"\"},{\"date\":\"2020-02-30\",\"name\":\"b\",\"notes\":\"\"}]}",
            "$.holidays[1].date",
            "2020-02-30");
        Assert.DoesNotContain("\"b\"", ex.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_HolidayList_KeepsEveryMember()
    {
        HolidayList list = HolidayList.For(
            EnglandAndWalesBankHolidays.Calendar,
            new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)));
        HolidayList back = JsonAssert.RoundTrip(list);
        Assert.Equal(list.Calendar, back.Calendar);
        Assert.Equal(list.Interval, back.Interval);
        Assert.Equal(list.Holidays.ToArray(), back.Holidays.ToArray());
        Assert.Equal(8, back.Holidays.Length);
    }
}
