using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>The fast path for dates and enum names gives exactly what the general path gives.</summary>
public class IsoDateTests
{
    [Property]
    public Property TryParse_ReadsEveryDateInTheIsoForm() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 3_652_058)), days =>
        {
            LocalDate date = new LocalDate(1, 1, 1).PlusDays(days);
            string text = LocalDatePattern.Iso.Format(date);
            Assert.True(IsoDate.TryParse(Encoding.UTF8.GetBytes(text), out LocalDate plain));
            Assert.True(IsoDate.TryParse(Encoding.UTF8.GetBytes($"\"{text}\""), out LocalDate quoted));
            Assert.Equal(date, plain);
            Assert.Equal(date, quoted);
        });

    [Property]
    public Property TryParse_NeverAcceptsWhatTheIsoPatternRejects() =>
        Prop.ForAll(Arb.From(Gen.Elements("0123456789-\"x+ ".ToCharArray()).ArrayOf().Select(c => new string(c))), Arb.From(Gen.Elements("2021-02-28", "2020-02-29", "2021-02-29", "0000-01-01", "9999-12-31", "2021-13-01", "2021-00-10", "2021-04-31")), (noise, near) =>
        {
            foreach (string text in new[] { noise, near, near[..9], near + "0" })
            {
                if (IsoDate.TryParse(Encoding.UTF8.GetBytes(text), out LocalDate date))
                {
                    ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text.Trim('"'));
                    Assert.True(parsed.Success);
                    Assert.Equal(parsed.Value, date);
                }
            }
        });

    [Theory]
    [InlineData("2021-02-29")]
    [InlineData("0000-01-01")]
    [InlineData("2021-1-01")]
    [InlineData("2021/01/01")]
    [InlineData("+2021-01-01")]
    [InlineData("")]
    public void TryParse_LeavesAnythingElseToThePattern(string text) =>
        Assert.False(IsoDate.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Property]
    public Property EnumNames_ReadFromTheElement_AsFromTheString() =>
        Prop.ForAll(Arb.From(Gen.OneOf(Gen.Elements("director", "headOfService", "Director", "assistantDirector", "deputyDirector", "serviceManager", "other", "x", string.Empty), ArbMap.Default.GeneratorFor<string>().Where(s => s is not null))), Arb.From(Gen.Elements(false, true)), (name, escape) =>
        {
            string json = escape ? "\"" + string.Concat(name.Select(c => $"\\u{(int)c:X4}")) + "\"" : JsonSerializer.Serialize(name, UponJson.Options);
            using JsonDocument document = JsonDocument.Parse(json);
            bool fromString = EnumNames<RoleLevel>.TryParse(name, out RoleLevel expected);
            Assert.Equal(fromString, EnumNames<RoleLevel>.TryParse(document.RootElement, out RoleLevel actual));
            Assert.Equal(expected, actual);
        });
}
