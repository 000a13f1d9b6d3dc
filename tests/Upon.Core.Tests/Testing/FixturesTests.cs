using System.Linq;
using Upon.Core.Calendars;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Timelines;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Testing;

/// <summary>The programme and sector fixtures hold the figures as published and agree with the library's built-ins.</summary>
public sealed class FixturesTests
{
    [Fact]
    public void Timelines_AreTheBuiltInYearsAndNewDirectors_AndValidate()
    {
        ProgrammeYear[] years = [ProgrammeFixtures.Year1Timeline, ProgrammeFixtures.Year2Timeline, ProgrammeFixtures.Year3Timeline, ProgrammeFixtures.NewDirectorsTimeline];

        Assert.Equal(BuiltInTimelines.All, years);
        Assert.Equal(ProgrammeStrand.NewDirectors, ProgrammeFixtures.NewDirectorsTimeline.Strand);
        Assert.All(years, year => Assert.True(year.Validate(WorkingDayCalendar.EnglandAndWales).IsValid, year.Id));
    }

    [Fact]
    public void Policies_AreTheBuiltInYears()
    {
        EligibilityPolicy[] policies = [ProgrammeFixtures.Year1Policy, ProgrammeFixtures.Year2Policy, ProgrammeFixtures.Year3Policy];
        Assert.Equal(BuiltInPolicies.All.ToArray(), policies);
    }

    [Fact]
    public void Year1ProfessionalBackgrounds_SumTo20_AgainstTheStated19()
    {
        CompositionBreakdown breakdown = ProgrammeFixtures.Year1ByProfessionalBackground;

        Assert.Equal([14, 3, 1, 1, 1], breakdown.Cells.Select(c => c.Count));
        Assert.Equal(20, breakdown.Total);
        Assert.Equal(ProgrammeFixtures.Year1StatedParticipants, breakdown.StatedTotal);
        Assert.False(breakdown.MatchesStatedTotal);
        Assert.Equal(ProgrammeFixtures.Year1Places, breakdown.Total);
    }

    [Fact]
    public void Year1Ethnicities_Sum19_WithServingDcssAsReference()
    {
        CompositionBreakdown breakdown = ProgrammeFixtures.Year1ByEthnicity;

        Assert.True(breakdown.MatchesStatedTotal);
        Assert.Equal(19, breakdown.Total);
        Assert.Equal(0.8m, breakdown.Cells[0].ReferenceShare);
    }

    [Fact]
    public void SectorFigures_AreThePublishedOnes()
    {
        Assert.Equal(151, SectorFigures.Authorities);
        Assert.Equal((37, 57, 39), (SectorFigures.AuthoritiesChangingDcsInYearToMid2021, SectorFigures.ChangesInPreviousYearToMid2020, SectorFigures.ChangesIn2020To21));
        Assert.Equal((30, 47), (SectorFigures.AdcsAverageTenureMonths, SectorFigures.ProgrammeAverageTenureMonths));
        Assert.Equal((0.80m, 0.48m, 0.11m), (SectorFigures.ServingDcsWhiteBritishShare, SectorFigures.ServingDcsCompletedAspirantShare, SectorFigures.AspirantsAppointedDcsShare));
        PublishedTurnoverYear year2020 = Assert.Single(SectorFigures.AdcsTurnover, y => y.StartYear == 2020);
        Assert.Equal(
            (SectorFigures.ChangesIn2020To21, 34, SectorFigures.Authorities, SectorFigures.AdcsAverageTenureMonths),
            (year2020.Changes, year2020.AuthoritiesWithChange, year2020.AuthorityCount, year2020.AverageTenureMonths));
        Assert.All(SectorFigures.AdcsTurnover, y => Assert.True(y.AuthoritiesWithChange is null || y.AuthoritiesWithChange <= y.Changes));
    }
}
