using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>The fast path for dates reaches both ends of the years it reads: year 1 and year 9999 are plain dates too.</summary>
public sealed class IsoDateEdgeTests
{
    [Property]
    public Property TryParse_ReadsEveryDateOfTheFirstAndTheLastYear() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 364)), Arb.From(Gen.Elements(new LocalDate(1, 1, 1), new LocalDate(9999, 1, 1))), (days, first) =>
        {
            LocalDate date = first.PlusDays(days);
            Assert.True(IsoDate.TryParseUnquoted(Encoding.UTF8.GetBytes(LocalDatePattern.Iso.Format(date)), out LocalDate read));
            Assert.Equal(date, read);
        });

    [Theory]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("\"0001-12-31\"", 1, 12, 31)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void TryParse_TheFirstAndLastDays(string text, int year, int month, int day)
    {
        Assert.True(IsoDate.TryParse(Encoding.UTF8.GetBytes(text), out LocalDate date));
        Assert.Equal(new LocalDate(year, month, day), date);
    }
}
