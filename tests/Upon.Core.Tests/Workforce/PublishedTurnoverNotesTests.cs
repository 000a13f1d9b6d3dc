using System;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The words that go with the published figures (DOMAIN.md §4): the notes on reading them and the two years' own notes
/// carry the caveats and the figures the sources give, which nothing else in the library computes or checks.
/// </summary>
public sealed class PublishedTurnoverNotesTests
{
    [Theory]
    [InlineData(0, new[] { "every change of post-holder", "interim spells included", "at least the authorities with a change" })]
    [InlineData(1, new[] { "mean time in post", "31 March", "unfinished tenures", "Kaplan-Meier" })]
    [InlineData(2, new[] { "151, 152, 153" })]
    [InlineData(3, new[] { "2014/15 and 2021/22", "2011/12 and 2012/13" })]
    [InlineData(4, new[] { "39 changes in 2020/21", "fewest since 2011/12", "cannot confirm" })]
    [InlineData(5, new[] { "CYP Now", "37 of 151", "57 changes", "rolling count, not a financial year" })]
    [InlineData(6, new[] { "About a third of posts change hands each year", "journalists' figure", "34.2% in 2012/13" })]
    public void EachNote_StatesItsCaveatWithTheSourcesFigures(int index, string[] phrases)
    {
        string note = PublishedTurnoverFigures.Notes[index];

        Assert.All(phrases, phrase => Assert.Contains(phrase, note, StringComparison.Ordinal));
        Assert.EndsWith(".", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_AreSeven_EachOnce()
    {
        Assert.Equal(7, PublishedTurnoverFigures.Notes.Length);
        Assert.Equal(7, PublishedTurnoverFigures.Notes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void TheYearsNotes_AreThoseOf2017And2020_AndOnlyThose()
    {
        Assert.Equal("A record number of changes.", PublishedTurnoverFigures.Find(2017)!.Value.Note);
        Assert.Equal("The DCS Update called this the fewest changes since 2011/12.", PublishedTurnoverFigures.Find(2020)!.Value.Note);
        Assert.Equal([2017, 2020], PublishedTurnoverFigures.Years.Where(y => y.Note is not null).Select(y => y.StartYear));
    }

    [Fact]
    public void TheSource_NamesAdcsTheFinancialYearAndDomainMd()
    {
        Assert.Contains("ADCS", PublishedTurnoverFigures.Source, StringComparison.Ordinal);
        Assert.Contains("1 April to 31 March", PublishedTurnoverFigures.Source, StringComparison.Ordinal);
        Assert.Contains("DOMAIN.md section 4", PublishedTurnoverFigures.Source, StringComparison.Ordinal);
    }
}
