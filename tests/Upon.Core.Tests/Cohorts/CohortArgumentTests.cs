using System;
using System.Collections.Generic;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Cohorts;

/// <summary>
/// The bad-input cases issue 5 names, across the cohort APIs, that the per-type tests leave out: negative or zero
/// capacities and sizes, bounds whose minimum is above the maximum, rates and shares outside 0 to 1. Each is a
/// BCL exception whose parameter name says which field is wrong.
/// </summary>
public sealed class CohortArgumentTests
{
    private static readonly SizingModel Model = new(151, 0.3m, 0.4m, 0.5m, 0.1m);

    public static TheoryData<string, Func<object>> OutOfRange() => new()
    {
        { "minimum", () => new GroupSizeBounds(-1, 5) },
        { "minimum", () => new GroupSizeBounds(0, 0) },
        { "maximum", () => new GroupSizeBounds(2, 1) },
        { "maximum", () => GroupSizeBounds.AtMost(-1) },
        { "participants", () => CohortSplit.Of(-5, GroupSizeBounds.AtMost(50), new GroupSizeBounds(5, 8)) },
        { "capacity", () => Selection.Of([new SelectionCandidate("a", "X", EligibilityOutcome.Eligible, 1m)], int.MinValue, 0) },
        { "threshold", () => CompositionBreakdown.Create("d", [new("a", 1)]).Suppress(-1) },
        { "referenceShares", () => CompositionBreakdown.Create("d", [new("a", 1)], referenceShares: new Dictionary<string, decimal> { ["a"] = -0.01m }) },
        { "vacancyRate", () => new SizingModel(151, -0.01m, 0.4m, 0.5m, 0.1m) },
        { "firstTimeShare", () => new SizingModel(151, 0.3m, 1.01m, 0.5m, 0.1m) },
        { "programmeShare", () => new SizingModel(151, 0.3m, 0.4m, -1m, 0.1m) },
        { "appointmentProbability", () => new SizingModel(151, 0.3m, 0.4m, 0.5m, 1.0001m) },
        { "appointmentProbability", () => new SizingModel(151, 0.3m, 0.4m, 0.5m, -0.1m) },
        { "authorities", () => SizingModel.FromMeanTenure(0, 30m, 0.4m, 0.5m, 0.1m) },
        { "meanTenureMonths", () => SizingModel.FromMeanTenure(151, 0m, 0.4m, 0.5m, 0.1m) },
        { "meanTenureMonths", () => SizingModel.FromMeanTenure(151, -30m, 0.4m, 0.5m, 0.1m) },

        // Changing one input, alone or in a sensitivity table, names the input changed.
        { "vacancyRate", () => Model.With(SizingInput.VacancyRate, 1.5m) },
        { "appointmentProbability", () => Model.With(SizingInput.AppointmentProbability, 0m) },
        { "value", () => Model.With(SizingInput.Authorities, 0m) },
        { "firstTimeShare", () => Model.Sensitivity([new(SizingInput.FirstTimeShare, [0.5m, -0.1m])]) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void OutOfRange_IsRefusedNamingTheField(string field, Func<object> call)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(call);

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void RatesAtTheirEnds_AreAccepted()
    {
        Assert.Equal(0m, new SizingModel(151, 0m, 0m, 0m, SizingModel.MinAppointmentProbability).PlacesNeeded);
        Assert.Equal(151m, new SizingModel(151, 1m, 1m, 1m, 1m).PlacesNeeded);
        Assert.Equal(1m, SizingModel.FromMeanTenure(151, 12m, 1m, 1m, 1m).VacancyRate);
        Assert.Equal(1, new GroupSizeBounds(1, 1).Maximum);
    }
}
