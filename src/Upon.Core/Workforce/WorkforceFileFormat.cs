namespace Upon.Core.Workforce;

/// <summary>How a workforce file (appointments, or an authority register) is laid out; see <see cref="WorkforceFormat"/>.</summary>
public enum WorkforceFileFormat
{
    /// <summary>CSV with a header line (RFC 4180).</summary>
    Csv = 1,

    /// <summary>JSON: an array of records, JSON Lines (one record a line), or a single record.</summary>
    Json = 2,
}
