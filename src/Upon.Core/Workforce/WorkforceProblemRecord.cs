namespace Upon.Core.Workforce;

/// <summary>A record with problems in a workforce report: its number and its problems (paths, codes and messages; never values).</summary>
/// <remarks>Equality is by reference of <see cref="Problems"/>; compare the problems themselves for value equality.</remarks>
/// <param name="Record">The record's number, from 1 (0 for a problem with the file as a whole).</param>
/// <param name="Problems">The record's problems, in the order found.</param>
public sealed record WorkforceProblemRecord(int Record, IReadOnlyList<DocumentProblem> Problems);
