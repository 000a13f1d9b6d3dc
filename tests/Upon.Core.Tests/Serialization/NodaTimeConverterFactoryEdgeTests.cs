using System;
using NodaTime;

namespace Upon.Core.Tests.Serialization;

/// <summary>A date in another calendar is refused when written, saying why: documents hold ISO 8601 dates.</summary>
public sealed class NodaTimeConverterFactoryEdgeTests
{
    private const string NotIso = "Expected a date in the ISO calendar: documents hold ISO 8601 dates. (Parameter 'value')";

    [Fact]
    public void Serialize_AJulianDate_SaysDocumentsHoldIsoDates() =>
        Assert.Equal(NotIso, Assert.Throws<ArgumentException>(() => UponJson.Serialize(new LocalDate(2020, 1, 1, CalendarSystem.Julian))).Message);

    [Fact]
    public void Serialize_AJulianDateAndTime_SaysDocumentsHoldIsoDates() =>
        Assert.Equal(NotIso, Assert.Throws<ArgumentException>(() => UponJson.Serialize(new LocalDateTime(2020, 1, 1, 9, 30, CalendarSystem.Julian))).Message);
}
