namespace Upon.Core.Workforce;

/// <summary>How a Director of Children's Services holds the post.</summary>
public enum AppointmentKind
{
    /// <summary>A substantive, permanent appointment.</summary>
    Permanent = 1,

    /// <summary>An interim appointment, usually from outside, while a permanent DCS is recruited.</summary>
    Interim = 2,

    /// <summary>An acting appointment, usually an internal officer covering the post.</summary>
    Acting = 3,
}
