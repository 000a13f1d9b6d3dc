using System.Diagnostics.CodeAnalysis;

namespace Upon.Core.Workforce;

/// <summary>
/// Why an appointment ended: one of a documented, stable set of codes (<see cref="WellKnown"/>), or a code of the
/// user's own for a reason the set does not name. Different reasons are competing risks (DOMAIN.md §5): a tenure ends
/// for one of them, and "unknown" is a reason in its own right, since real records often do not say.
/// </summary>
/// <remarks>
/// <para>
/// A code is 1 to 64 characters of lower-case ASCII letters, digits and hyphens, starting with a letter and not ending
/// with a hyphen (<c>moved</c>, <c>inadequate-judgement</c>, <c>x-secondment</c>): the same rule for the well-known
/// codes and the user's, so that any reason reads and writes in CSV and JSON alike. Codes are compared ordinally.
/// </para>
/// <para>Equality is by value (the code). Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed record ExitReason
{
    /// <summary>The longest code: 64 characters.</summary>
    public const int MaxCodeLength = 64;

    private ExitReason(string code) => Code = code;

    /// <summary>Gets the reason "moved to another DCS post" (<c>moved</c>).</summary>
    public static ExitReason MovedToAnotherDcsPost { get; } = new("moved");

    /// <summary>Gets the reason "retired" (<c>retired</c>).</summary>
    public static ExitReason Retired { get; } = new("retired");

    /// <summary>Gets the reason "left local government" (<c>left-local-government</c>).</summary>
    public static ExitReason LeftLocalGovernment { get; } = new("left-local-government");

    /// <summary>Gets the reason "left after an inadequate Ofsted judgement or a serious incident" (<c>inadequate-judgement</c>).</summary>
    public static ExitReason LeftAfterInadequateJudgement { get; } = new("inadequate-judgement");

    /// <summary>Gets the reason "an interim or acting spell ended" (<c>spell-ended</c>).</summary>
    public static ExitReason SpellEnded { get; } = new("spell-ended");

    /// <summary>Gets the reason "a restructure removed the post" (<c>restructure</c>).</summary>
    public static ExitReason Restructure { get; } = new("restructure");

    /// <summary>Gets the reason "not known" (<c>unknown</c>): a reason in its own right, not a missing value.</summary>
    public static ExitReason Unknown { get; } = new("unknown");

    /// <summary>Gets the documented set, in the order above.</summary>
    public static ImmutableArray<ExitReason> WellKnown { get; } =
        [MovedToAnotherDcsPost, Retired, LeftLocalGovernment, LeftAfterInadequateJudgement, SpellEnded, Restructure, Unknown];

    /// <summary>Gets the code.</summary>
    public string Code { get; }

    /// <summary>Gets a value indicating whether the reason is one of <see cref="WellKnown"/>.</summary>
    public bool IsWellKnown => WellKnown.Contains(this);

    /// <summary>Gets the reason with <paramref name="code"/>: a well-known one, or one of the user's own.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a valid code (see the remarks of <see cref="ExitReason"/>).</exception>
    public static ExitReason FromCode(string code)
    {
        Guard.Against.Null(code);
        return TryFromCode(code, out ExitReason? reason)
            ? reason
            : throw new ArgumentException("An exit reason code is 1 to 64 lower-case ASCII letters, digits and hyphens, starting with a letter and not ending with a hyphen.", nameof(code));
    }

    /// <summary>Gets the reason with <paramref name="code"/> when it is a valid code.</summary>
    /// <param name="code">The code, or null.</param>
    /// <param name="reason">The reason, when the code is valid: the well-known instance for a well-known code.</param>
    /// <returns>Whether the code is valid.</returns>
    public static bool TryFromCode(ReadOnlySpan<char> code, [NotNullWhen(true)] out ExitReason? reason)
    {
        reason = null;
        if (!IsValid(code))
        {
            return false;
        }

        foreach (ExitReason known in WellKnown)
        {
            if (code.SequenceEqual(known.Code))
            {
                reason = known;
                return true;
            }
        }

        reason = new ExitReason(code.ToString());
        return true;
    }

    /// <summary>Returns the code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;

    /// <summary>Whether <paramref name="code"/> is a valid code.</summary>
    internal static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length is 0 or > MaxCodeLength || !char.IsAsciiLetterLower(code[0]) || code[^1] == '-')
        {
            return false;
        }

        foreach (char c in code)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
