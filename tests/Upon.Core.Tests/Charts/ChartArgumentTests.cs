using System;
using System.Collections.Generic;
using System.IO;
using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Charts;

/// <summary>Every argument check of the charts, with the parameter it names and its message.</summary>
public sealed class ChartArgumentTests
{
    private static readonly KaplanMeierCurve Curve = KaplanMeier.Fit([new(2, true), new(4, false)]);
    private static readonly ChartSeries Measured = new("Measured", [new("2020", 1)]);

    [Theory]
    [InlineData(199, "Width", "The width must be from 200 to 10,000.")]
    [InlineData(10_001, "Width", "The width must be from 200 to 10,000.")]
    [InlineData(149, "Height", "The height must be from 150 to 10,000.")]
    [InlineData(10_001, "Height", "The height must be from 150 to 10,000.")]
    public void ChartOptions_SizeOutOfRange_Throws(int value, string property, string message)
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(
            () => property == "Width" ? new ChartOptions { Width = value } : new ChartOptions { Height = value });

        Assert.Equal(property, thrown.ParamName);
        Assert.Null(thrown.ActualValue); // the value is not echoed: a message never holds input
        Assert.StartsWith(message, thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ChartOptions_DivisorNotFiniteAndAboveZero_Throws(double divisor)
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new ChartOptions { TimeUnitDivisor = divisor });

        Assert.Equal("TimeUnitDivisor", thrown.ParamName);
        Assert.StartsWith("The divisor must be finite and above 0.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartOptions_BoundsAreAccepted()
    {
        ChartOptions smallest = new() { Width = 200, Height = 150, TimeUnitDivisor = double.Epsilon };
        ChartOptions largest = new() { Width = 10_000, Height = 10_000 };

        Assert.Equal((200, 150), (smallest.Width, smallest.Height));
        Assert.Equal((10_000, 10_000), (largest.Width, largest.Height));
    }

    [Fact]
    public void KaplanMeier_NoCurves_Throws()
    {
        ArgumentException thrown = Assert.Throws<ArgumentException>(() => SvgChart.KaplanMeier(Array.Empty<ChartCurve>()));

        Assert.Equal("curves", thrown.ParamName);
        Assert.StartsWith("A chart needs at least one curve.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NullWriter_Throws()
    {
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => SvgChart.WriteKaplanMeier(null!, [new ChartCurve("A", Curve)])).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => SvgChart.WriteSeries(null!, Measured)).ParamName);
        Assert.Equal("curves", Assert.Throws<ArgumentNullException>(() => SvgChart.WriteKaplanMeier(TextWriter.Null, null!)).ParamName);
    }

    [Fact]
    public void Write_WritesTheDocumentAndLeavesTheWriterOpen()
    {
        using StringWriter writer = new();
        SvgChart.WriteSeries(writer, Measured);
        SvgChart.WriteKaplanMeier(writer, [new ChartCurve("A", Curve)]);
        writer.Write("after");

        Assert.Equal(SvgChart.Series(Measured) + SvgChart.KaplanMeier(Curve) + "after", writer.ToString());
    }

    [Fact]
    public void Series_UndefinedStyle_Throws()
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => SvgChart.Series(Measured, style: (SeriesStyle)2));

        Assert.Equal("style", thrown.ParamName);
        Assert.Null(thrown.ActualValue); // the value is not echoed: a message never holds input
        Assert.StartsWith("The style must be Bars or Line.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_NullReference_Throws()
    {
        Assert.Equal("references", Assert.Throws<ArgumentNullException>(() => SvgChart.Series(Measured, [Measured, null!])).ParamName);
    }

    [Fact]
    public void ChartSeries_NullArguments_Throw()
    {
        Assert.Equal("label", Assert.Throws<ArgumentNullException>(() => new ChartSeries(null!, [])).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => new ChartSeries("x", null!)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentNullException>(() => new ChartSeries("x", [new("a", 1), new(null!, 2)])).ParamName);
        Assert.Equal("Label", Assert.Throws<ArgumentNullException>(() => new ChartCurve(null!, Curve)).ParamName);
    }

    [Fact]
    public void ChartSeries_RepeatedCategory_Throws()
    {
        ArgumentException thrown = Assert.Throws<ArgumentException>(() => new ChartSeries("x", [new("2020", 1), new("2021", 2), new("2020", 3)]));

        Assert.Equal("points", thrown.ParamName);
        Assert.StartsWith("A category appears more than once in the series.", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void ChartSeries_ValueNegativeOrNotFinite_Throws(double value)
    {
        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new ChartSeries("x", [new("2020", 0), new("2021", value)]));

        Assert.Equal("points", thrown.ParamName);
        Assert.Null(thrown.ActualValue); // the value is not echoed: a message never holds input
        Assert.StartsWith("Every value must be finite and at least 0.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeRatesAndOf_NullArguments_Throw()
    {
        Assert.Equal("turnovers", Assert.Throws<ArgumentNullException>(() => ChartSeries.ChangeRates("x", null!)).ParamName);
        Assert.Equal("turnovers", Assert.Throws<ArgumentNullException>(() => ChartSeries.ChangeRates("x", new List<Turnover> { null! })).ParamName);
        Assert.Equal("label", Assert.Throws<ArgumentNullException>(() => ChartSeries.ChangeRates(null!, [])).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentNullException>(() => ChartSeries.Of("x", null!)).ParamName);
        Assert.Equal("label", Assert.Throws<ArgumentNullException>(() => ChartSeries.Of(null!, PublishedTurnoverFigures.Series(TurnoverMeasure.Changes))).ParamName);
    }
}
