namespace Upon.Core.Cohorts;

/// <summary>An input of the <see cref="SizingModel"/>, for sensitivity tables.</summary>
public enum SizingInput
{
    /// <summary>The number of local authorities with children's services (a whole number, 1 to <see cref="SizingModel.MaxAuthorities"/>).</summary>
    Authorities = 1,

    /// <summary>The share of DCS posts that fall vacant in a year, from 0 to 1.</summary>
    VacancyRate,

    /// <summary>The share of vacancies filled by someone becoming a DCS for the first time, from 0 to 1.</summary>
    FirstTimeShare,

    /// <summary>The share of first-time appointments the programme aims to supply, from 0 to 1.</summary>
    ProgrammeShare,

    /// <summary>The chance that a participant is appointed DCS within the horizon, from <see cref="SizingModel.MinAppointmentProbability"/> to 1.</summary>
    AppointmentProbability,
}
