using System.Diagnostics;

namespace Upon.Core.Cohorts;

/// <content>The standard one-at-a-time sensitivity table: each input from half to one and a half times its value.</content>
public sealed partial record SizingModel
{
    /// <summary>Gets the factors of the standard sensitivity table: 50%, 75%, 100%, 125% and 150% of each input's value.</summary>
    public static ImmutableArray<decimal> SensitivityFactors { get; } = [0.5m, 0.75m, 1m, 1.25m, 1.5m];

    /// <summary>Gets the value of one input of this model.</summary>
    /// <param name="input">The input.</param>
    /// <returns>Its value (<see cref="Authorities"/> as a decimal).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is not a defined input.</exception>
    public decimal ValueOf(SizingInput input) => Guard.Against.UndefinedEnum(input, nameof(input), "Not a sizing input.") switch
    {
        SizingInput.Authorities => Authorities,
        SizingInput.VacancyRate => VacancyRate,
        SizingInput.FirstTimeShare => FirstTimeShare,
        SizingInput.ProgrammeShare => ProgrammeShare,
        SizingInput.AppointmentProbability => AppointmentProbability,
        _ => throw new UnreachableException(),
    };

    /// <summary>
    /// Gets the values the standard sensitivity table tries for each input, in the order of <see cref="SizingInput"/>:
    /// the input's value times each of <see cref="SensitivityFactors"/> in turn, the number of authorities rounded to a
    /// whole number (half away from zero); a value outside the input's range (1 to <see cref="MaxAuthorities"/>
    /// authorities, <see cref="MinAppointmentProbability"/> to 1 for the probability, 0 to 1 for the other shares) is
    /// left out, and so is a value already tried (a zero share gives one value).
    /// </summary>
    /// <returns>One entry per input, each with at least one value (the input's own).</returns>
    public ImmutableArray<KeyValuePair<SizingInput, IReadOnlyList<decimal>>> SensitivityRanges()
    {
        ImmutableArray<KeyValuePair<SizingInput, IReadOnlyList<decimal>>>.Builder ranges = ImmutableArray.CreateBuilder<KeyValuePair<SizingInput, IReadOnlyList<decimal>>>();
        foreach (SizingInput input in Enum.GetValues<SizingInput>())
        {
            decimal value = ValueOf(input);
            decimal minimum = input switch
            {
                SizingInput.Authorities => 1m,
                SizingInput.AppointmentProbability => MinAppointmentProbability,
                _ => 0m,
            };
            decimal maximum = input == SizingInput.Authorities ? MaxAuthorities : 1m;
            List<decimal> values = [];
            foreach (decimal factor in SensitivityFactors)
            {
                decimal changed = value * factor;
                if (input == SizingInput.Authorities)
                {
                    changed = Math.Round(changed, MidpointRounding.AwayFromZero);
                }

                if (changed >= minimum && changed <= maximum && !values.Contains(changed))
                {
                    values.Add(changed);
                }
            }

            ranges.Add(new(input, values.AsReadOnly()));
        }

        return ranges.ToImmutable();
    }

    /// <summary>The standard sensitivity table: <see cref="Sensitivity(IReadOnlyList{KeyValuePair{SizingInput, IReadOnlyList{decimal}}})"/> over <see cref="SensitivityRanges"/>.</summary>
    /// <returns>The rows, input by input in the order of <see cref="SizingInput"/>, then value by value in the order of the factors.</returns>
    public ImmutableArray<SensitivityRow> Sensitivity() => Sensitivity(SensitivityRanges());
}
