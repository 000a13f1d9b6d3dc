using System.Diagnostics;

namespace Upon.Core.Cohorts;

/// <summary>
/// A pipeline model for sizing the programme from demand: how many places a year are needed to supply a target
/// share of new DCSs, and, inverted, how many appointments a number of places can be expected to give.
/// </summary>
/// <remarks>
/// <para>The formula, in steady state (each year's intake supplies each year's demand):</para>
/// <code>
/// vacancies a year          V = authorities × vacancy rate
/// first-time appointments   F = V × first-time share
/// target appointments       T = F × programme share
/// places needed a year      P = T ÷ appointment probability      (whole places: P rounded up)
/// expected appointments     E = places × appointment probability (over the horizon)
/// </code>
/// <para>The vacancy rate is given, or derived from a mean tenure of <c>m</c> months as <c>12 ÷ m</c> (in steady
/// state every post changes hands once per mean tenure; tenures from 12 months, so that the rate is at most 1).
/// The sources give: 151 authorities (2020/21); ADCS mean tenures of 29 to 33 months, or 47 months on the
/// programme's page; new permanent DCSs 12 to 29 a year against 39 to 65 changes; 48% of serving DCSs are
/// alumni; 11% of participants since 2020 have been appointed so far.</para>
/// <para>Arithmetic is in <see cref="decimal"/>, exact except for the division by the appointment probability
/// (28 significant digits). Equality is by value. Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed partial record SizingModel
{
    /// <summary>The largest number of authorities accepted: 10,000.</summary>
    public const int MaxAuthorities = 10_000;

    /// <summary>The smallest appointment probability accepted: 0.0001 (one in ten thousand), so that places needed stay within range.</summary>
    public const decimal MinAppointmentProbability = 0.0001m;

    /// <summary>Initializes a model from its inputs.</summary>
    /// <param name="authorities">The number of authorities with a DCS post: 1 to <see cref="MaxAuthorities"/>.</param>
    /// <param name="vacancyRate">The share of posts falling vacant in a year: 0 to 1.</param>
    /// <param name="firstTimeShare">The share of vacancies filled by a first-time DCS: 0 to 1.</param>
    /// <param name="programmeShare">The share of first-time appointments the programme aims to supply: 0 to 1.</param>
    /// <param name="appointmentProbability">The chance that a participant is appointed DCS within the horizon: <see cref="MinAppointmentProbability"/> to 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An input is outside its range; the exception names it.</exception>
    public SizingModel(int authorities, decimal vacancyRate, decimal firstTimeShare, decimal programmeShare, decimal appointmentProbability)
    {
        Guard.Against.LessThan(authorities, 1);
        Guard.Against.GreaterThan(authorities, MaxAuthorities);
        CheckRate(vacancyRate, 0m, nameof(vacancyRate));
        CheckRate(firstTimeShare, 0m, nameof(firstTimeShare));
        CheckRate(programmeShare, 0m, nameof(programmeShare));
        CheckRate(appointmentProbability, MinAppointmentProbability, nameof(appointmentProbability));
        Authorities = authorities;
        VacancyRate = vacancyRate;
        FirstTimeShare = firstTimeShare;
        ProgrammeShare = programmeShare;
        AppointmentProbability = appointmentProbability;
    }

    /// <summary>Gets the number of authorities (1 to <see cref="MaxAuthorities"/>).</summary>
    public int Authorities { get; }

    /// <summary>Gets the share of posts falling vacant in a year (0 to 1).</summary>
    public decimal VacancyRate { get; }

    /// <summary>Gets the share of vacancies filled by a first-time DCS (0 to 1).</summary>
    public decimal FirstTimeShare { get; }

    /// <summary>Gets the share of first-time appointments the programme aims to supply (0 to 1).</summary>
    public decimal ProgrammeShare { get; }

    /// <summary>Gets the chance that a participant is appointed DCS within the horizon (<see cref="MinAppointmentProbability"/> to 1).</summary>
    public decimal AppointmentProbability { get; }

    /// <summary>Gets the vacancies a year: authorities × vacancy rate.</summary>
    public decimal AnnualVacancies => Authorities * VacancyRate;

    /// <summary>Gets the first-time appointments a year: vacancies × first-time share.</summary>
    public decimal FirstTimeAppointments => AnnualVacancies * FirstTimeShare;

    /// <summary>Gets the appointments a year the programme aims to supply: first-time appointments × programme share.</summary>
    public decimal TargetAppointments => FirstTimeAppointments * ProgrammeShare;

    /// <summary>Gets the places needed a year: target appointments ÷ appointment probability (to 28 significant digits).</summary>
    public decimal PlacesNeeded => TargetAppointments / AppointmentProbability;

    /// <summary>Gets the places needed a year, rounded up to whole places: the fewest whose expected appointments reach the target.</summary>
    public int WholePlacesNeeded
    {
        get
        {
            // The quotient is rounded to 28 digits: settle the last place by exact multiplication instead.
            decimal target = TargetAppointments;
            int places = (int)decimal.Ceiling(PlacesNeeded);
            while (places * AppointmentProbability < target)
            {
                places++;
            }

            while (places > 0 && (places - 1) * AppointmentProbability >= target)
            {
                places--;
            }

            return places;
        }
    }

    /// <summary>Creates a model whose vacancy rate is derived from a mean tenure: 12 ÷ <paramref name="meanTenureMonths"/>.</summary>
    /// <param name="authorities">The number of authorities: 1 to <see cref="MaxAuthorities"/>.</param>
    /// <param name="meanTenureMonths">The mean time in post, in months: at least 12.</param>
    /// <param name="firstTimeShare">The share of vacancies filled by a first-time DCS: 0 to 1.</param>
    /// <param name="programmeShare">The share of first-time appointments the programme aims to supply: 0 to 1.</param>
    /// <param name="appointmentProbability">The chance that a participant is appointed within the horizon: <see cref="MinAppointmentProbability"/> to 1.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is outside its range; the exception names it.</exception>
    public static SizingModel FromMeanTenure(int authorities, decimal meanTenureMonths, decimal firstTimeShare, decimal programmeShare, decimal appointmentProbability)
    {
        Guard.Against.LessThan(meanTenureMonths, 12m);
        return new SizingModel(authorities, 12m / meanTenureMonths, firstTimeShare, programmeShare, appointmentProbability);
    }

    /// <summary>Gets the appointments expected, over the horizon, from <paramref name="places"/> places: places × appointment probability.</summary>
    /// <param name="places">The number of places: zero or more.</param>
    /// <returns>The expected appointments.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="places"/> is negative.</exception>
    public decimal ExpectedAppointments(int places)
    {
        Guard.Against.LessThan(places, 0);
        return places * AppointmentProbability;
    }

    /// <summary>Creates the same model with one input changed.</summary>
    /// <param name="input">The input to change.</param>
    /// <param name="value">Its new value, within the input's range (a whole number for <see cref="SizingInput.Authorities"/>).</param>
    /// <returns>The changed model.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is not a defined input, or <paramref name="value"/> is outside its range.</exception>
    public SizingModel With(SizingInput input, decimal value) => Guard.Against.UndefinedEnum(input, nameof(input), "Not a sizing input.") switch
    {
        SizingInput.Authorities => new SizingModel(WholeAuthorities(value), VacancyRate, FirstTimeShare, ProgrammeShare, AppointmentProbability),
        SizingInput.VacancyRate => new SizingModel(Authorities, value, FirstTimeShare, ProgrammeShare, AppointmentProbability),
        SizingInput.FirstTimeShare => new SizingModel(Authorities, VacancyRate, value, ProgrammeShare, AppointmentProbability),
        SizingInput.ProgrammeShare => new SizingModel(Authorities, VacancyRate, FirstTimeShare, value, AppointmentProbability),
        SizingInput.AppointmentProbability => new SizingModel(Authorities, VacancyRate, FirstTimeShare, ProgrammeShare, value),
        _ => throw new UnreachableException(),
    };

    /// <summary>
    /// A one-at-a-time sensitivity table: for each input and each of its values, the places needed with that input
    /// changed and every other input as in this model. Rows follow the order of <paramref name="ranges"/>, then of
    /// each input's values.
    /// </summary>
    /// <param name="ranges">The values to try for each input.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ranges"/> or one of its value lists is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its input's range.</exception>
    public ImmutableArray<SensitivityRow> Sensitivity(IReadOnlyList<KeyValuePair<SizingInput, IReadOnlyList<decimal>>> ranges)
    {
        Guard.Against.Null(ranges);
        ImmutableArray<SensitivityRow>.Builder rows = ImmutableArray.CreateBuilder<SensitivityRow>();
        foreach (KeyValuePair<SizingInput, IReadOnlyList<decimal>> range in ranges)
        {
            Guard.Against.Null(range.Value, nameof(ranges));
            foreach (decimal value in range.Value)
            {
                SizingModel changed = With(range.Key, value);
                rows.Add(new SensitivityRow(range.Key, value, changed.PlacesNeeded, changed.WholePlacesNeeded));
            }
        }

        return rows.ToImmutable();
    }

    private static int WholeAuthorities(decimal value)
    {
        Guard.Against.OutOfRange(value != decimal.Truncate(value) || value < 1 || value > MaxAuthorities, $"The number of authorities must be a whole number from 1 to {MaxAuthorities}.", nameof(value));

        return (int)value;
    }

    private static void CheckRate(decimal value, decimal minimum, string paramName)
    {
        Guard.Against.OutOfRange(value < minimum || value > 1m, $"{paramName} must be from {minimum} to 1.", paramName);
    }
}
