using System;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Text;
using Upon.Core.Eligibility;
using Upon.Core.Guards;

namespace Upon.Core.Tests.Eligibility;

/// <summary>
/// The writer of the canonical forms and the UTF-8 dates and periods against plain references: text escaped rune by
/// rune as the documented form says, fractions by the format <c>0.####…</c>, dates by the ISO pattern, periods of dates
/// by NodaTime's round-trip pattern. The writer takes faster
/// paths (runs of text transcoded at once, a fraction's digits from its integer and scale); these properties keep them
/// equal to the references.
/// </summary>
public sealed class CanonicalJsonTests
{
    /// <summary>Characters of every kind the writer treats apart: plain ASCII, escaped ASCII, other BMP text, surrogates alone and in pairs.</summary>
    private static readonly Gen<string> Texts =
        Gen.OneOf(
            Gen.Elements('a', 'Z', '7', ' ', '/', '\u007f').Select(c => c.ToString()),
            Gen.Elements('"', '\\', '\b', '\t', '\n', '\f', '\r', '\u0000', '\u0001', '\u001f').Select(c => c.ToString()),
            Gen.Elements('é', '–', '€', '中', '\uFFFD', '\uFEFF').Select(c => c.ToString()),
            Gen.Elements('\uD800', '\uDBFF', '\uDC00', '\uDFFF').Select(c => c.ToString()),
            Gen.Elements("\uD83D\uDE00", "\uD801\uDC37"))
        .ListOf()
        .Select(parts => string.Concat(parts));

    [Property]
    public Property String_IsEscapedAndEncodedAsTheDocumentedFormSays() =>
        Prop.ForAll(Arb.From(Texts), text =>
        {
            string written = Written((ref CanonicalJson json) => json.String("t", text));
            return (written == "{\"t\":" + Reference(text) + "}").Label(written);
        });

    [Property]
    public Property Fraction_IsWrittenAsTheFormatWithoutTrailingZerosWritesIt() =>
        Prop.ForAll(Arb.From(Fractions()), number =>
        {
            string written = Written((ref CanonicalJson json) => json.Number("n", number));
            string expected = "{\"n\":" + number.ToString("0.############################", CultureInfo.InvariantCulture) + "}";
            return (written == expected).Label($"{number}: {written}");
        });

    [Property]
    public Property DateUtf8_IsTheIsoPatternsText() =>
        Prop.ForAll(Arb.From(Dates()), date =>
        {
            Span<byte> utf8 = stackalloc byte[DateText.MaxUtf8Length];
            string written = Encoding.UTF8.GetString(utf8[..DateText.FormatUtf8(date, utf8)]);
            return (written == DateText.Format(date)).Label(written);
        });

    [Property]
    public Property PeriodUtf8_OfDatesAlone_IsTheRoundtripPatternsText() =>
        Prop.ForAll(Arb.From(DatePeriods()), period =>
        {
            Span<byte> utf8 = stackalloc byte[PeriodText.MaxRoundtripUtf8Length];
            string written = Encoding.UTF8.GetString(utf8[..PeriodText.FormatRoundtripUtf8(period, utf8)]);
            return (written == PeriodPattern.Roundtrip.Format(period)).Label(written);
        });

    [Theory]
    [InlineData("0.00", "0")]
    [InlineData("-0.000", "0")]
    [InlineData("1.000", "1")]
    [InlineData("-7.000", "-7")]
    [InlineData("0.50", "0.5")]
    [InlineData("0.05", "0.05")]
    [InlineData("-0.0050", "-0.005")]
    [InlineData("1234.50", "1234.5")]
    public void Fraction_OfTheCasesBetweenTheBranches_IsWrittenWithoutTrailingZeros(string number, string expected)
    {
        decimal value = decimal.Parse(number, CultureInfo.InvariantCulture);
        Assert.Equal("{\"n\":" + expected + "}", Written((ref CanonicalJson json) => json.Number("n", value)));
    }

    [Fact]
    public void Fraction_LargerThan64Bits_IsWrittenByTheFormat()
    {
        Assert.Equal("{\"n\":79228162514264337593543950335}", Written((ref CanonicalJson json) => json.Number("n", decimal.MaxValue)));
        Assert.Equal("{\"n\":-0.0000000000000000000000000001}", Written((ref CanonicalJson json) => json.Number("n", -0.0000000000000000000000000001m)));
    }

    [Fact]
    public void Date_BeforeYearZero_IsWrittenWithItsSign()
    {
        Assert.Equal("{\"d\":\"-0001-12-31\"}", Written((ref CanonicalJson json) => json.Date("d", new LocalDate(-1, 12, 31))));
        Assert.Equal("{\"d\":\"0000-01-01\"}", Written((ref CanonicalJson json) => json.Date("d", new LocalDate(0, 1, 1))));
    }

    /// <summary>Dates of every year NodaTime's ISO calendar holds, from -9998 to 9999, the last days of months included.</summary>
    private static Gen<LocalDate> Dates() =>
        from year in Gen.OneOf(Gen.Choose(-9998, 9999), Gen.Choose(1900, 2100))
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(year, month))
        select new LocalDate(year, month, day);

    /// <summary>Periods of years, months, weeks and days: each unit zero, small, or any 32-bit value, of either sign.</summary>
    private static Gen<Period> DatePeriods()
    {
        Gen<int> unit = Gen.OneOf(Gen.Constant(0), Gen.Choose(-40, 40), Gen.Choose(int.MinValue, int.MaxValue));
        return from years in unit
               from months in unit
               from weeks in unit
               from days in unit
               select new PeriodBuilder { Years = years, Months = months, Weeks = weeks, Days = days }.Build();
    }

    private static Gen<decimal> Fractions() =>
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        from mid in Gen.Elements(0, 0, 1, int.MaxValue, -1)
        from high in Gen.Elements(0, 0, 0, 1)
        from negative in Gen.Elements(false, true)
        from scale in Gen.Choose(0, 28)
        select new decimal(low, mid, high, negative, (byte)scale);

    private delegate void Write(ref CanonicalJson json);

    private static string Written(Write write)
    {
        // A small buffer on the stack, so that long text also moves the writer to a pooled array.
        CanonicalJson json = new(stackalloc byte[16]);
        try
        {
            json.StartObject();
            write(ref json);
            json.EndObject();
            return Encoding.UTF8.GetString(json.Written);
        }
        finally
        {
            json.Dispose();
        }
    }

    /// <summary>The documented form, rune by rune: <c>"</c>, <c>\</c> and controls escaped, a lone surrogate as U+FFFD, the rest as UTF-8.</summary>
    private static string Reference(string text)
    {
        StringBuilder json = new("\"");
        foreach (Rune rune in text.EnumerateRunes())
        {
            json.Append(rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                < 0x20 => "\\u00" + rune.Value.ToString("x2", CultureInfo.InvariantCulture),
                _ => rune.ToString(),
            });
        }

        return json.Append('"').ToString();
    }
}
