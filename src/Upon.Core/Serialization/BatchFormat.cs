namespace Upon.Core.Serialization;

/// <summary>
/// The layout of a document that holds many records (applications, candidates, appointments, authorities): the
/// same three layouts for every batch reader of the library.
/// </summary>
public enum BatchFormat
{
    /// <summary>
    /// An array when the first significant character is <c>[</c>; JSON Lines when the first line holds a whole
    /// record; otherwise one record over several lines (such as an indented application).
    /// </summary>
    Auto = 0,

    /// <summary>One JSON array of record objects.</summary>
    JsonArray,

    /// <summary>JSON Lines: one record object a line; blank lines are skipped.</summary>
    JsonLines,
}
