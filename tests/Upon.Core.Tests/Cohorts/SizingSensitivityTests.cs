using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck.Xunit;
using FsCheck.Fluent;
using FsCheck;
using Upon.Core.Cohorts;

namespace Upon.Core.Tests.Cohorts;

/// <summary>The standard sensitivity table of <see cref="SizingModel"/>: each input from 50% to 150% of its value.</summary>
public sealed class SizingSensitivityTests
{
    private static readonly SizingModel Sources = SizingModel.FromMeanTenure(151, 30m, 0.42m, 0.48m, 0.11m);

    [Fact]
    public void SensitivityRanges_OfTheSources_AreHalfToOneAndAHalfTimesEachInput()
    {
        ImmutableArray<KeyValuePair<SizingInput, IReadOnlyList<decimal>>> ranges = Sources.SensitivityRanges();

        Assert.Equal(Enum.GetValues<SizingInput>(), ranges.Select(r => r.Key));
        Assert.Equal([76m, 113m, 151m, 189m, 227m], ranges[0].Value);       // 75.5, 113.25, 188.75, 226.5 rounded half away from zero
        Assert.Equal([0.2m, 0.3m, 0.4m, 0.5m, 0.6m], ranges[1].Value);
        Assert.Equal([0.21m, 0.315m, 0.42m, 0.525m, 0.63m], ranges[2].Value);
        Assert.Equal([0.24m, 0.36m, 0.48m, 0.6m, 0.72m], ranges[3].Value);
        Assert.Equal([0.055m, 0.0825m, 0.11m, 0.1375m, 0.165m], ranges[4].Value);
        Assert.Equal(Sources.Sensitivity(ranges).ToArray(), Sources.Sensitivity().ToArray());
    }

    [Fact]
    public void SensitivityRanges_LeaveOutValuesOutsideTheRange_AndRepeats()
    {
        SizingModel model = new(1, 0m, 0.8m, 1m, 1m);
        ImmutableArray<KeyValuePair<SizingInput, IReadOnlyList<decimal>>> ranges = model.SensitivityRanges();

        Assert.Equal([1m, 2m], ranges[0].Value);          // 0.5 and 0.75 round to 1 (kept once); 1.25 to 1; 1.5 to 2
        Assert.Equal([0m], ranges[1].Value);              // a zero rate stays zero
        Assert.Equal([0.4m, 0.6m, 0.8m, 1m], ranges[2].Value);
        Assert.Equal([0.5m, 0.75m, 1m], ranges[3].Value);
        Assert.Equal([0.5m, 0.75m, 1m], ranges[4].Value);
        Assert.Equal([0.5m, 0.75m, 1m, 1.25m, 1.5m], SizingModel.SensitivityFactors.ToArray());
    }

    [Fact]
    public void ValueOf_GivesEachInput_AndRefusesAnUndefinedOne()
    {
        Assert.Equal([151m, 0.4m, 0.42m, 0.48m, 0.11m], Enum.GetValues<SizingInput>().Select(Sources.ValueOf));
        Assert.Equal("input", Assert.Throws<ArgumentOutOfRangeException>(() => Sources.ValueOf((SizingInput)99)).ParamName);
    }

    [Property]
    public Property Sensitivity_OfEveryModel_HoldsItsOwnValue_WithinRange_AndTheModelsOwnPlaces() =>
        Prop.ForAll(CohortGenerators.SizingModels(), model =>
        {
            ImmutableArray<KeyValuePair<SizingInput, IReadOnlyList<decimal>>> ranges = model.SensitivityRanges();
            foreach ((SizingInput input, IReadOnlyList<decimal> values) in ranges)
            {
                Assert.Contains(model.ValueOf(input), values);
                Assert.Equal(values.Count, values.Distinct().Count());
                Assert.InRange(values.Count, 1, 5);
            }

            ImmutableArray<SensitivityRow> rows = model.Sensitivity();
            Assert.Equal(ranges.Sum(r => r.Value.Count), rows.Length);
            Assert.All(rows.Where(r => r.Value == model.ValueOf(r.Input)), r => Assert.Equal(model.PlacesNeeded, r.PlacesNeeded));
        });
}
