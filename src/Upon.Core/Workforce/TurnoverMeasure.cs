namespace Upon.Core.Workforce;

/// <summary>The measures of a <see cref="Turnover"/> that a <see cref="TurnoverSeries"/> can follow.</summary>
public enum TurnoverMeasure
{
    /// <summary><see cref="Turnover.Changes"/>.</summary>
    Changes = 1,

    /// <summary><see cref="Turnover.AuthoritiesWithChange"/>.</summary>
    AuthoritiesWithChange = 2,

    /// <summary><see cref="Turnover.AuthorityCount"/>, the rates' denominator.</summary>
    AuthorityCount = 3,

    /// <summary><see cref="Turnover.ChangeRate"/>.</summary>
    ChangeRate = 4,

    /// <summary><see cref="Turnover.AuthorityChangeRate"/>.</summary>
    AuthorityChangeRate = 5,

    /// <summary><see cref="Turnover.NewPermanent"/>.</summary>
    NewPermanent = 6,

    /// <summary><see cref="Turnover.InterimAppointments"/>.</summary>
    InterimAppointments = 7,

    /// <summary>The first-time DCSs of <see cref="Turnover.Origins"/>.</summary>
    FirstTime = 8,

    /// <summary>The moves between authorities of <see cref="Turnover.Origins"/>.</summary>
    Moves = 9,

    /// <summary>The returns of <see cref="Turnover.Origins"/>.</summary>
    Returns = 10,

    /// <summary>The value of <see cref="Turnover.Stability"/>.</summary>
    StabilityIndex = 11,
}
