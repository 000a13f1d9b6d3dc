namespace Upon.Core.Serialization;

/// <summary>What a batch reader or a validation does after a record with problems.</summary>
public enum ProblemHandling
{
    /// <summary>Report the record and go on with the rest.</summary>
    Continue = 0,

    /// <summary>Report the record and stop: the rest is not used (and counted as skipped where it is known).</summary>
    Stop,
}
