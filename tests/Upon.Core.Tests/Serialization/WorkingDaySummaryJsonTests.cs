using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Tests.Serialization;

public class WorkingDaySummaryJsonTests
{
    [Property]
    public Property RoundTrip_AnyEnglandAndWalesSummary_GivesEqualMembers() =>
        Prop.ForAll(SerializationGenerators.EnglandAndWalesSummaries(), summary => Same(summary, JsonAssert.RoundTrip(summary)));

    [Fact]
    public void Serialize_ChristmasFortnight2020_WritesEveryMember()
    {
        WorkingDaySummary summary = WorkingDayCalendar.EnglandAndWales.Summarize(
            new DateInterval(new LocalDate(2020, 12, 21), new LocalDate(2021, 1, 4)));
        Assert.Equal(
            "{\"interval\":{\"start\":\"2020-12-21\",\"end\":\"2021-01-04\"},\"calendarDays\":15,\"weekendDays\":4,\"holidaysOnWeekdays\":3,\"workingDays\":8,"
            + "\"holidays\":[{\"date\":\"2020-12-25\",\"name\":\"Christmas Day\",\"notes\":\"\"},{\"date\":\"2020-12-28\",\"name\":\"Boxing Day\",\"notes\":\"Substitute day\"},{\"date\":\"2021-01-01\",\"name\":\"New Year’s Day\",\"notes\":\"\"}]}",
            UponJson.Serialize(summary));
    }

    [Fact]
    public void Deserialize_MissingMember_ThrowsJsonException() =>
        JsonAssert.Rejects<WorkingDaySummary>("{\"interval\":{\"start\":\"2020-01-02\",\"end\":\"2020-01-02\"},\"calendarDays\":1}", "$");

    [Fact]
    public void Deserialize_UnknownMember_ThrowsJsonException() =>
        JsonAssert.Rejects<WorkingDaySummary>(
            "{\"interval\":{\"start\":\"2020-01-02\",\"end\":\"2020-01-02\"},\"calendarDays\":1,\"weekendDays\":0,\"holidaysOnWeekdays\":0,\"workingDays\":1,\"holidays\":[],\"bunting\":true}",
            "$.bunting");

    [Fact]
    public void Deserialize_NullInterval_ThrowsJsonException() =>
        JsonAssert.Rejects<WorkingDaySummary>(
            "{\"interval\":null,\"calendarDays\":1,\"weekendDays\":0,\"holidaysOnWeekdays\":0,\"workingDays\":1,\"holidays\":[]}",
            "$.interval");

    private static bool Same(WorkingDaySummary expected, WorkingDaySummary actual) =>
        expected.Interval.Equals(actual.Interval)
        && expected.CalendarDays == actual.CalendarDays
        && expected.WeekendDays == actual.WeekendDays
        && expected.HolidaysOnWeekdays == actual.HolidaysOnWeekdays
        && expected.WorkingDays == actual.WorkingDays
        && expected.Holidays.SequenceEqual(actual.Holidays);
}
