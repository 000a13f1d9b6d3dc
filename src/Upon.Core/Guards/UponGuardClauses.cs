using System.Runtime.CompilerServices;

namespace Upon.Core.Guards;

/// <summary>
/// Upon.Core's own guard clauses, written as extensions of Ardalis.GuardClauses' <see cref="IGuardClause"/>
/// (<c>Guard.Against.OutsideCoverage(date, Coverage)</c>) for the checks that have a domain range: a date in
/// the ISO calendar, a date or interval within a calendar's coverage, a number within stated bounds, a share
/// from 0 to 1, a defined enum member.
/// </summary>
/// <remarks>
/// Each throws a BCL exception (<see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/>)
/// whose <see cref="ArgumentException.ParamName"/> is the parameter and whose message states the allowed
/// range. Messages never repeat the offending value (the exception's <c>ActualValue</c> is not set either),
/// except that a date outside a calendar's coverage is named, as it always has been. Each returns its input,
/// as Ardalis' own clauses do. The namespace depends on no other Upon.Core namespace, so the lowest layer
/// can use it.
/// </remarks>
internal static class UponGuardClauses
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="input"/> is in the ISO calendar system.</summary>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The date to check.</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> is in another calendar system.</exception>
    public static LocalDate NonIsoCalendar(this IGuardClause guardClause, LocalDate input, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        if (input.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("The date must be in the ISO calendar system.", parameterName);
        }

        return input;
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="input"/> lies within
    /// <paramref name="coverage"/> (both ends inclusive).
    /// </summary>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The date to check.</param>
    /// <param name="coverage">The dates a calendar covers.</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is outside <paramref name="coverage"/>.</exception>
    public static LocalDate OutsideCoverage(this IGuardClause guardClause, LocalDate input, DateInterval coverage, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        if (!coverage.Contains(input))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                $"The date {DateText.Format(input)} is outside the calendar's coverage, {DateText.Format(coverage.Start)} to {DateText.Format(coverage.End)} inclusive.");
        }

        return input;
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="input"/> lies wholly within
    /// <paramref name="coverage"/> (both ends inclusive).
    /// </summary>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The interval to check.</param>
    /// <param name="coverage">The dates a calendar covers.</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Part of <paramref name="input"/> is outside <paramref name="coverage"/>.</exception>
    public static DateInterval OutsideCoverage(this IGuardClause guardClause, DateInterval input, DateInterval coverage, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        if (!coverage.Contains(input))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                $"The interval {DateText.Format(input.Start)} to {DateText.Format(input.End)} is not wholly within the calendar's coverage, {DateText.Format(coverage.Start)} to {DateText.Format(coverage.End)} inclusive.");
        }

        return input;
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="input"/> lies within
    /// <paramref name="range"/> (both ends inclusive), with a message that states the range only.
    /// </summary>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The date to check.</param>
    /// <param name="range">The allowed dates.</param>
    /// <param name="what">What the dates are, as the message's subject: "Eligibility dates".</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is outside <paramref name="range"/>.</exception>
    public static LocalDate OutsideDateRange(this IGuardClause guardClause, LocalDate input, DateInterval range, string what, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        if (!range.Contains(input))
        {
            throw new ArgumentOutOfRangeException(parameterName, $"{what} lie from {DateText.Format(range.Start)} to {DateText.Format(range.End)}.");
        }

        return input;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> if <paramref name="input"/> is below <paramref name="minimum"/>.</summary>
    /// <typeparam name="T">The type of number.</typeparam>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The number to check.</param>
    /// <param name="minimum">The least allowed value (allowed itself).</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is below <paramref name="minimum"/>.</exception>
    public static T LessThan<T>(this IGuardClause guardClause, T input, T minimum, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
        where T : struct, IComparable<T>, IFormattable
    {
        if (input.CompareTo(minimum) < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, Invariant($"{parameterName} must be at least {minimum}."));
        }

        return input;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> if <paramref name="input"/> is above <paramref name="maximum"/>.</summary>
    /// <typeparam name="T">The type of number.</typeparam>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The number to check.</param>
    /// <param name="maximum">The greatest allowed value (allowed itself).</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is above <paramref name="maximum"/>.</exception>
    public static T GreaterThan<T>(this IGuardClause guardClause, T input, T maximum, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
        where T : struct, IComparable<T>, IFormattable
    {
        if (input.CompareTo(maximum) > 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, Invariant($"{parameterName} must be at most {maximum}."));
        }

        return input;
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="input"/> is from
    /// <paramref name="minimum"/> to <paramref name="maximum"/>, both inclusive.
    /// </summary>
    /// <typeparam name="T">The type of number.</typeparam>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The number to check.</param>
    /// <param name="minimum">The least allowed value.</param>
    /// <param name="maximum">The greatest allowed value.</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is outside the range.</exception>
    public static T OutsideRange<T>(this IGuardClause guardClause, T input, T minimum, T maximum, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
        where T : struct, IComparable<T>, IFormattable
    {
        if (input.CompareTo(minimum) < 0 || input.CompareTo(maximum) > 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, Invariant($"{parameterName} must be from {minimum} to {maximum} inclusive."));
        }

        return input;
    }

    /// <summary>Throws <see cref="ArgumentNullException"/> naming <paramref name="parameterName"/> when an item of <paramref name="items"/> is null.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="items">The items to check; not null itself.</param>
    /// <param name="parameterName">The name of the parameter that holds the items.</param>
    /// <exception cref="ArgumentNullException">An item is null.</exception>
    public static void NullItem<T>(this IGuardClause guardClause, IEnumerable<T?> items, string parameterName)
        where T : class
    {
        foreach (T? item in items)
        {
            guardClause.Null(item, parameterName);
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="input"/> is above zero (a size, a capacity, a limit).</summary>
    /// <typeparam name="T">The type of number.</typeparam>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The number to check.</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is zero or negative.</exception>
    public static T NotPositive<T>(this IGuardClause guardClause, T input, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
        where T : struct, IComparable<T>
    {
        if (input.CompareTo(default) <= 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, $"{parameterName} must be above 0.");
        }

        return input;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="input"/> is a share, from 0 to 1 inclusive.</summary>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The share to check.</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is below 0 or above 1.</exception>
    public static decimal NotShare(this IGuardClause guardClause, decimal input, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        if (input is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(parameterName, $"{parameterName} must be a share from 0 to 1 inclusive.");
        }

        return input;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="input"/> is a named member of <typeparamref name="TEnum"/>.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The value to check.</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is not a named member.</exception>
    /// <remarks>
    /// Unlike Ardalis' <c>EnumOutOfRange</c>, which throws <c>InvalidEnumArgumentException</c>, this keeps the
    /// BCL's <see cref="ArgumentOutOfRangeException"/> that the library has always thrown.
    /// </remarks>
    public static TEnum UndefinedEnum<TEnum>(this IGuardClause guardClause, TEnum input, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(input))
        {
            throw new ArgumentOutOfRangeException(parameterName, $"{parameterName} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }

        return input;
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="input"/> is an index into a
    /// list of <paramref name="count"/> items: at least 0 and less than <paramref name="count"/>.
    /// </summary>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The index to check.</param>
    /// <param name="count">The number of items.</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is negative or not less than <paramref name="count"/>.</exception>
    public static int IndexOutOfRange(this IGuardClause guardClause, int input, int count, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        if (input < 0 || input >= count)
        {
            throw new ArgumentOutOfRangeException(parameterName, Invariant($"{parameterName} must be at least 0 and less than {count}."));
        }

        return input;
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="input"/> is a day of the week,
    /// Monday to Sunday (<see cref="IsoDayOfWeek.None"/> is not).
    /// </summary>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The day to check.</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is not Monday to Sunday.</exception>
    public static IsoDayOfWeek NoDayOfWeek(this IGuardClause guardClause, IsoDayOfWeek input, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        if (input is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(parameterName, "A day of the week must be Monday to Sunday.");
        }

        return input;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
