using System;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using Upon.Core.Timelines;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Testing;

/// <summary>
/// The catalogue of published facts: each sourced and dated, the sources' disagreements found, and the typed fixtures,
/// built-ins and the demo holding the same figures (so a figure typed in two places cannot drift apart).
/// </summary>
public sealed class ProgrammeFactsTests
{
    [Fact]
    public void EveryFact_HasATopicAValueAndAKnownSource_AndEachSourceStatesATopicOnce()
    {
        FactSource[] sources = [ProgrammeFacts.SecondPhaseArticle, ProgrammeFacts.FutureLeadersArticle, ProgrammeFacts.ProgrammePages];
        Assert.All(ProgrammeFacts.All, fact =>
        {
            Assert.Matches("^[a-z0-9]+([.-][a-z0-9]+)*$", fact.Topic);
            Assert.False(string.IsNullOrWhiteSpace(fact.Value));
            Assert.Contains(fact.Source, sources);
            Assert.True(fact.Quote is null || fact.Quote.Length > 10);
        });
        Assert.Equal(ProgrammeFacts.All.Length, ProgrammeFacts.All.Select(f => (f.Topic, f.Source)).Distinct().Count());

        // Articles are quoted; the programme's pages, which carry no date, are summarised.
        Assert.All(ProgrammeFacts.All, fact => Assert.Equal(fact.Source.Published is not null, fact.Quote is not null));
    }

    [Fact]
    public void Disagreements_AreTheTopicsWhoseSourcesGiveDifferentValues()
    {
        Assert.Equal(
            ["year1.participants: 19 | 20", "year2.places: 35 | two cohorts of around 50", "workforce.average-tenure: 30 months (ADCS) | 47 months (programme pages)"],
            ProgrammeFacts.Disagreements.Select(d => $"{d[0].Topic}: {string.Join(" | ", d.Select(f => f.Value).Order(StringComparer.Ordinal))}"));
        Assert.All(ProgrammeFacts.Disagreements, d => Assert.Equal(d.Length, d.Select(f => f.Source).Distinct().Count()));
    }

    [Fact]
    public void About_GivesEachSourcesFact_AndNothingForAnUnknownTopic()
    {
        Assert.Equal([19m, 20m], ProgrammeFacts.About("year1.participants").Select(f => f.Number!.Value));
        Assert.Empty(ProgrammeFacts.About("no.such-topic"));
        Assert.Throws<ArgumentNullException>(() => ProgrammeFacts.About(null!));
    }

    [Fact]
    public void FactSource_ToString_CitesWhatIsKnown()
    {
        Assert.Equal("CYP Now, \u201CDCS retention scheme to launch second phase\u201D (Neil Puffett, 2021-05-17)", ProgrammeFacts.SecondPhaseArticle.ToString());
        Assert.Equal("The Staff College, \u201Cupon programme pages\u201D", ProgrammeFacts.ProgrammePages.ToString());
    }

    [Fact]
    public void TheProgramme_FundingPartnersAndStrands()
    {
        Assert.Equal(3_000_000m, ProgrammeFacts.Funding.Number);
        Assert.Equal(ProgrammeFacts.Partners.Number, ProgrammeFacts.PartnerNames.Length);
        Assert.All(ProgrammeFacts.PartnerNames, name => Assert.Contains(name, ProgrammeFacts.Partners.Quote, StringComparison.Ordinal));
        Assert.Contains("first year in post", ProgrammeFacts.NewDirectorsStrand.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void TypedFixtures_HoldTheFactsFigures()
    {
        Assert.Equal(ProgrammeFacts.Year1ParticipantsJune.Number, ProgrammeFixtures.Year1StatedParticipants);
        Assert.Equal(ProgrammeFacts.Year1ParticipantsMay.Number, ProgrammeFixtures.Year1Places);
        Assert.Equal(ProgrammeFacts.Year2PlacesMay.Number, ProgrammeFixtures.Year2Places);
        Assert.Equal(ProgrammeFacts.Year1Backgrounds.Number, ProgrammeFixtures.Year1ProfessionalBackgrounds.Sum(c => c.Count));
        Assert.Equal(ProgrammeFacts.Year1Ethnicities.Number, ProgrammeFixtures.Year1Ethnicities.Sum(c => c.Count));
        Assert.Equal(ProgrammeFacts.AdcsAverageTenure.Number, SectorFigures.AdcsAverageTenureMonths);
        Assert.Equal(ProgrammeFacts.ProgrammeAverageTenure.Number, SectorFigures.ProgrammeAverageTenureMonths);
        Assert.Equal(ProgrammeFacts.ChangesToMid2021.Number, SectorFigures.AuthoritiesChangingDcsInYearToMid2021);
        Assert.Equal(ProgrammeFacts.ChangesToMid2020.Number, SectorFigures.ChangesInPreviousYearToMid2020);
        Assert.Equal(ProgrammeFacts.Changes2020To21.Number, SectorFigures.ChangesIn2020To21);
        Assert.Equal(ProgrammeFacts.ServingDcsWhiteBritish.Number, SectorFigures.ServingDcsWhiteBritishShare);
        Assert.Equal(ProgrammeFacts.CompletedAspirantShare.Number, SectorFigures.ServingDcsCompletedAspirantShare);
        Assert.Equal(ProgrammeFacts.AppointedShare.Number, SectorFigures.AspirantsAppointedDcsShare);
        Assert.Equal(ProgrammeFacts.UnplannedChange2018To19.Number, SectorFigures.UnplannedChangeShare2018To19);
        Assert.Equal(SectorFigures.AboutAThirdChangeEachYear, (double)ProgrammeFacts.AboutAThird.Number!.Value, 12);
        Assert.Contains("151", ProgrammeFacts.ChangesToMid2021.Value, StringComparison.Ordinal);
        Assert.Equal(SectorFigures.Authorities.ToString(System.Globalization.CultureInfo.InvariantCulture), ProgrammeFacts.ChangesToMid2021.Value.Split(' ')[^1]);
        Assert.Equal(39, PublishedTurnoverFigures.Years.Single(y => y.StartYear == 2020).Changes);
    }

    [Fact]
    public void BuiltInTimelines_HoldTheFactsDates()
    {
        Assert.Equal(LocalDatePattern.Iso.Parse(ProgrammeFacts.Year1ApplicationsOpen.Value).Value, ProgrammeFixtures.Year1Timeline.Milestones.Single(m => m.Kind == MilestoneKind.ApplicationsOpen).Date);

        // "Starting in late November 2020 and running until June 2021"; "begin in September and run until March 2022".
        Assert.Equal((new YearMonth(2020, 11), new YearMonth(2021, 6)), Months(ProgrammeFixtures.Year1Timeline));
        Assert.Equal((new YearMonth(2021, 9), new YearMonth(2022, 3)), Months(ProgrammeFixtures.Year2Timeline));
        Assert.Contains("November 2020", ProgrammeFacts.Year1Dates.Value, StringComparison.Ordinal);
        Assert.Contains("March 2022", ProgrammeFacts.Year2Dates.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDemo_QuotesTheFactsFigures()
    {
        (int exitCode, string demo, _) = InProcessCli.Run("demo");
        Assert.Equal(0, exitCode);
        Assert.Contains($"{SectorFigures.Authorities} authorities; DCSs in post {ProgrammeFacts.AdcsAverageTenure.Number} months on average (ADCS)", demo, StringComparison.Ordinal);
        Assert.Contains($"supply {ProgrammeFacts.CompletedAspirantShare.Number * 100:0}% of them", demo, StringComparison.Ordinal);
        Assert.Contains($"{ProgrammeFacts.AppointedShare.Number * 100:0}% of participants appointed DCS", demo, StringComparison.Ordinal);
        Assert.Contains($"Year 2 funded {ProgrammeFacts.Year2PlacesMay.Number} places", demo, StringComparison.Ordinal);
        Assert.Contains($"(published: {ProgrammeFacts.AdcsAverageTenure.Number} months)", demo, StringComparison.Ordinal);
    }

    private static (YearMonth First, YearMonth Last) Months(ProgrammeYear year) =>
        (year.Window.Start.ToYearMonth(), year.Window.End.ToYearMonth());
}
