using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;

namespace Upon.Core.Tests.Cohorts;

/// <summary>Sizing from demand: the sources' figures, the inverse, sensitivity, bad input and monotonicity.</summary>
public sealed class SizingModelTests
{
    // 151 authorities, mean tenure 30 months (ADCS 2020/21), 42% first-time (21 new permanent DCSs of 50 changes in 2022/23),
    // the programme aiming at 48% of them (the alumni share of serving DCSs), 11% of participants appointed.
    private static readonly SizingModel Sources = SizingModel.FromMeanTenure(151, 30m, 0.42m, 0.48m, 0.11m);

    [Fact]
    public void FromTheSources_Needs111PlacesAYear()
    {
        Assert.Equal(0.4m, Sources.VacancyRate);
        Assert.Equal(60.4m, Sources.AnnualVacancies);
        Assert.Equal(25.368m, Sources.FirstTimeAppointments);
        Assert.Equal(12.17664m, Sources.TargetAppointments);
        Assert.Equal(12.17664m / 0.11m, Sources.PlacesNeeded);
        Assert.Equal(111, Sources.WholePlacesNeeded);
    }

    [Fact]
    public void ExpectedAppointments_OfYear2Places_IsPlacesTimesProbability()
    {
        Assert.Equal(3.85m, Sources.ExpectedAppointments(35));
        Assert.Equal(0m, Sources.ExpectedAppointments(0));
    }

    [Fact]
    public void FromMeanTenure_47Months_IsTwelveOver47()
    {
        Assert.Equal(12m / 47m, SizingModel.FromMeanTenure(151, 47m, 0.5m, 0.5m, 0.5m).VacancyRate);
        Assert.Equal(1m, SizingModel.FromMeanTenure(151, 12m, 0.5m, 0.5m, 0.5m).VacancyRate);
    }

    [Fact]
    public void Sensitivity_ChangesOneInputAtATime_InTheOrderGiven()
    {
        IReadOnlyList<SensitivityRow> rows = Sources.Sensitivity(
        [
            new(SizingInput.AppointmentProbability, [0.11m, 0.2m, 0.3m]),
            new(SizingInput.Authorities, [150m, 153m]),
        ]);

        Assert.Equal([111, 61, 41, 110, 113], rows.Select(r => r.WholePlacesNeeded).ToArray());
        Assert.Equal(SizingInput.Authorities, rows[4].Input);
        Assert.Equal(153m, rows[4].Value);
        Assert.Equal(Sources.With(SizingInput.AppointmentProbability, 0.2m).PlacesNeeded, rows[1].PlacesNeeded);
    }

    [Fact]
    public void BadInput_IsRefusedNamingTheField()
    {
        Assert.Equal("authorities", Assert.Throws<ArgumentOutOfRangeException>(() => new SizingModel(0, 0.3m, 0.4m, 0.5m, 0.1m)).ParamName);
        Assert.Equal("authorities", Assert.Throws<ArgumentOutOfRangeException>(() => new SizingModel(SizingModel.MaxAuthorities + 1, 0.3m, 0.4m, 0.5m, 0.1m)).ParamName);
        ArgumentOutOfRangeException rate = Assert.Throws<ArgumentOutOfRangeException>(() => new SizingModel(151, 1.01m, 0.4m, 0.5m, 0.1m));
        Assert.Equal("vacancyRate", rate.ParamName);
        Assert.StartsWith("vacancyRate must be from 0 to 1.", rate.Message, StringComparison.Ordinal);
        Assert.Equal("firstTimeShare", Assert.Throws<ArgumentOutOfRangeException>(() => new SizingModel(151, 0.3m, -0.1m, 0.5m, 0.1m)).ParamName);
        Assert.Equal("programmeShare", Assert.Throws<ArgumentOutOfRangeException>(() => new SizingModel(151, 0.3m, 0.4m, 2m, 0.1m)).ParamName);
        ArgumentOutOfRangeException probability = Assert.Throws<ArgumentOutOfRangeException>(() => new SizingModel(151, 0.3m, 0.4m, 0.5m, 0m));
        Assert.Equal("appointmentProbability", probability.ParamName);
        Assert.StartsWith("appointmentProbability must be from 0.0001 to 1.", probability.Message, StringComparison.Ordinal);
        Assert.Equal("meanTenureMonths", Assert.Throws<ArgumentOutOfRangeException>(() => SizingModel.FromMeanTenure(151, 11.9m, 0.4m, 0.5m, 0.1m)).ParamName);
        Assert.Equal("places", Assert.Throws<ArgumentOutOfRangeException>(() => Sources.ExpectedAppointments(-1)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => Sources.With(SizingInput.Authorities, 150.5m)).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentOutOfRangeException>(() => Sources.With((SizingInput)0, 1m)).ParamName);
        Assert.Equal("ranges", Assert.Throws<ArgumentNullException>(() => Sources.Sensitivity(null!)).ParamName);
    }

    [Fact]
    public void TheExtremes_StayInRange()
    {
        SizingModel largest = new(SizingModel.MaxAuthorities, 1m, 1m, 1m, SizingModel.MinAppointmentProbability);
        Assert.Equal(100_000_000, largest.WholePlacesNeeded);
    }

    [Property]
    public Property WholePlacesNeeded_IsTheFewestWhoseExpectedAppointmentsReachTheTarget() =>
        Prop.ForAll(CohortGenerators.SizingModels(), model =>
        {
            int places = model.WholePlacesNeeded;
            Assert.True(model.ExpectedAppointments(places) >= model.TargetAppointments);
            Assert.True(places == 0 || model.ExpectedAppointments(places - 1) < model.TargetAppointments);
        });

    [Property]
    public Property PlacesNeeded_NeverFallAsDemandRises_NorRiseAsTheAppointmentProbabilityRises() =>
        Prop.ForAll(CohortGenerators.SizingModels(), model =>
        {
            decimal places = model.PlacesNeeded;
            Assert.True(model.With(SizingInput.Authorities, model.Authorities + 1).PlacesNeeded >= places);
            Assert.True(model.With(SizingInput.VacancyRate, Math.Min(1m, model.VacancyRate + 0.05m)).PlacesNeeded >= places);
            Assert.True(model.With(SizingInput.FirstTimeShare, Math.Min(1m, model.FirstTimeShare + 0.05m)).PlacesNeeded >= places);
            Assert.True(model.With(SizingInput.ProgrammeShare, Math.Min(1m, model.ProgrammeShare + 0.05m)).PlacesNeeded >= places);
            Assert.True(model.With(SizingInput.AppointmentProbability, Math.Min(1m, model.AppointmentProbability + 0.05m)).PlacesNeeded <= places);
        });

    [Property]
    public Property Sensitivity_RowsEqualTheModelWithThatInputChanged() =>
        Prop.ForAll(CohortGenerators.SizingModels(), model =>
        {
            decimal[] rates = [0m, 0.25m, 1m];
            foreach (SizingInput input in new[] { SizingInput.VacancyRate, SizingInput.FirstTimeShare, SizingInput.ProgrammeShare })
            {
                SensitivityRow[] rows = [.. model.Sensitivity([new(input, rates)])];
                Assert.Equal(rates, rows.Select(r => r.Value).ToArray());
                Assert.All(rows, r => Assert.Equal(model.With(input, r.Value).WholePlacesNeeded, r.WholePlacesNeeded));
                Assert.Equal(0, rows[0].WholePlacesNeeded);
            }
        });
}
