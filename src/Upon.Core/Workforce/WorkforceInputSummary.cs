namespace Upon.Core.Workforce;

/// <summary>What a workforce report measured: the register, the records in, used and reported, and the reported records.</summary>
/// <remarks>Equality is by reference of <see cref="Reported"/>.</remarks>
/// <param name="Register">The register's file name, or a phrase such as "from the appointments" when it was made from them (<see cref="AuthorityRegister.FromAuthorityCodes"/>).</param>
/// <param name="Records">Records in = used + reported + skipped.</param>
/// <param name="Reported">The records with problems, in record order.</param>
public sealed record WorkforceInputSummary(string Register, WorkforceRecordCounts Records, IReadOnlyList<WorkforceProblemRecord> Reported);
