using System;
using System.Runtime.CompilerServices;

namespace Upon.Core.Eligibility;

/// <summary>Checks enum arguments without reflection (AOT-safe).</summary>
internal static class EnumCheck
{
    public static void Defined(OrganisationType value, [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        InRange((int)value, (int)OrganisationType.LocalAuthority, (int)OrganisationType.Private, paramName);

    public static void Defined(Sector value, [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        InRange((int)value, (int)Sector.ChildrensServices, (int)Sector.Other, paramName);

    public static void Defined(RoleLevel value, [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        InRange((int)value, (int)RoleLevel.Practitioner, (int)RoleLevel.ChiefExecutive, paramName);

    public static void Defined(AssessorOutcome value, [CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        InRange((int)value, (int)AssessorOutcome.Met, (int)AssessorOutcome.NotMet, paramName);

    private static void InRange(int value, int min, int max, string? paramName)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"The value must be a defined member of its enum ({min} to {max}).");
        }
    }
}
