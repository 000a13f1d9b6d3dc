using System;
using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Charts;

public sealed class SvgChartTextTests
{
    private static readonly KaplanMeierCurve Curve = KaplanMeier.Fit([new(2, true), new(4, false)]);

    [Theory]
    [InlineData("\U0001F600 smile", "\U0001F600 smile")] // a surrogate pair at the start is one character, kept
    [InlineData("Ynys M\U0001D54Fn", "Ynys M\U0001D54Fn")] // ... and at the end
    [InlineData("tab\tnew line\ncarriage return\rend", "tab\tnew line\ncarriage return\rend")] // the three controls XML allows
    [InlineData("bell\u0007 escape\u001B[31m", "bell\uFFFD escape\uFFFD[31m")]
    [InlineData("\uFFFE\uFFFF", "\uFFFD\uFFFD")]
    [InlineData("O'Brien & \"Sons\" <Ltd>", "O&apos;Brien &amp; &quot;Sons&quot; &lt;Ltd&gt;")]
    public void Text_IsWrittenEscapedWithCharactersXmlCannotHoldReplaced(string title, string written)
    {
        string svg = SvgChart.KaplanMeier(Curve, new ChartOptions { Title = title });

        Assert.Contains($"<title>{written}</title>\n", svg, StringComparison.Ordinal);
        Assert.Contains($"font-size=\"16\">{written}</text>\n", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_LoneSurrogatesAreReplacedAndPairsKept()
    {
        // A lone low surrogate, a pair (U+1F600), and a lone high surrogate at the very end.
        string svg = SvgChart.KaplanMeier(Curve, new ChartOptions { Title = "\uDE00\U0001F600\uD83D" });

        Assert.Contains("<title>\uFFFD\U0001F600\uFFFD</title>\n", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void LegendLabelsAndCategories_AreEscapedToo()
    {
        ChartSeries measured = new("A & B", [new("2020/21 <provisional>", 1)]);
        ChartSeries published = new("\U0001F4CA \"ADCS\"", [new("2020/21 <provisional>", 2)]);

        string svg = SvgChart.Series(measured, [published]);

        Assert.Contains(">2020/21 &lt;provisional&gt;</text>\n", svg, StringComparison.Ordinal);
        Assert.Contains("\">A &amp; B</text>\n", svg, StringComparison.Ordinal);
        Assert.Contains("\">\U0001F4CA &quot;ADCS&quot;</text>\n", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-0.004, "0")] // rounds to −0, written 0
    [InlineData(-0.005, "-0.01")] // half away from zero
    [InlineData(0.125, "0.13")]
    [InlineData(91.6, "91.6")]
    [InlineData(1234.5678, "1234.57")]
    [InlineData(640, "640")]
    public void Number_HasAtMostTwoDecimalsAndIsNeverMinusZero(double value, string written)
    {
        Assert.Equal(written, SvgChart.Number(value));
    }
}
