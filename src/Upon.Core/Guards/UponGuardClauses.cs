using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Upon.Core.Guards;

/// <summary>
/// Upon.Core's own guard clauses, written as extensions of Ardalis.GuardClauses' <see cref="IGuardClause"/>
/// (<c>Guard.Against.OutsideCoverage(date, Coverage)</c>) for the checks that have a domain range: a date in
/// the ISO calendar, a date or interval within a calendar's coverage, a number within stated bounds, a share
/// from 0 to 1, a defined enum member; and for the shapes that recur in Upon.Core's checks: a collection that needs
/// at least one item, a null item at a position, a key given twice, and a condition with its own message
/// (<c>Invalid</c> and <c>OutOfRange</c> with a condition).
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
    /// <param name="message">The message, as Ardalis' optional <c>message</c>; null for "<c>parameterName</c> must be a share from 0 to 1 inclusive."</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is below 0 or above 1.</exception>
    public static decimal NotShare(this IGuardClause guardClause, decimal input, [CallerArgumentExpression(nameof(input))] string? parameterName = null, string? message = null)
    {
        if (input is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(parameterName, message ?? $"{parameterName} must be a share from 0 to 1 inclusive.");
        }

        return input;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="input"/> is a named member of <typeparamref name="TEnum"/>.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The value to check.</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <param name="message">
    /// The message, as Ardalis' optional <c>message</c>; null for "<c>parameterName</c> must be one of" and the
    /// members' names.
    /// </param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="input"/> is not a named member.</exception>
    /// <remarks>
    /// Unlike Ardalis' <c>EnumOutOfRange</c>, which throws <c>InvalidEnumArgumentException</c>, this keeps the
    /// BCL's <see cref="ArgumentOutOfRangeException"/> that the library has always thrown. A <c>switch</c> on the
    /// value that follows it handles every member, so its default arm is unreachable.
    /// </remarks>
    public static TEnum UndefinedEnum<TEnum>(this IGuardClause guardClause, TEnum input, [CallerArgumentExpression(nameof(input))] string? parameterName = null, string? message = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(input))
        {
            throw new ArgumentOutOfRangeException(parameterName, message ?? $"{parameterName} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
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

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="input"/> has no item: "At least one <paramref name="what"/> is needed."</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The collection to check; not null itself.</param>
    /// <param name="what">What an item is, as the message names it: "participant", "role pattern".</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> is empty.</exception>
    /// <remarks>Unlike Ardalis' <c>NullOrEmpty</c>, whose message is "Required input … was empty.", the message says what is needed.</remarks>
    public static IReadOnlyCollection<T> Empty<T>(this IGuardClause guardClause, IReadOnlyCollection<T> input, string what, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        if (input.Count == 0)
        {
            throw new ArgumentException($"At least one {what} is needed.", parameterName);
        }

        return input;
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="input"/> has no item, or is <c>default</c>:
    /// "At least one <paramref name="what"/> is needed."
    /// </summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="input">The array to check.</param>
    /// <param name="what">What an item is, as the message names it: "dimension", "category".</param>
    /// <param name="parameterName">The parameter's name; filled in by the compiler.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> is empty or <c>default</c>.</exception>
    public static ImmutableArray<T> Empty<T>(this IGuardClause guardClause, ImmutableArray<T> input, string what, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        if (input.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"At least one {what} is needed.", parameterName);
        }

        return input;
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="item"/>, the item at <paramref name="index"/> of the
    /// collection <paramref name="parameterName"/>, is null: "<paramref name="what"/> <paramref name="index"/> is null."
    /// </summary>
    /// <typeparam name="T">The type of the item.</typeparam>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="item">The item to check.</param>
    /// <param name="index">The item's position in its collection, from 0.</param>
    /// <param name="what">What an item is, as the message's subject: "Participant", "Candidate".</param>
    /// <param name="parameterName">The name of the parameter that holds the collection.</param>
    /// <returns><paramref name="item"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="item"/> is null.</exception>
    /// <remarks>
    /// <see cref="NullItem{T}(IGuardClause, IEnumerable{T}, string)"/> throws <see cref="ArgumentNullException"/>
    /// without a position; this keeps the <see cref="ArgumentException"/> that names the position, for the
    /// collections whose other checks name positions too.
    /// </remarks>
    public static T NullAt<T>(this IGuardClause guardClause, [NotNull] T? item, int index, string what, string parameterName)
        where T : class
    {
        if (item is null)
        {
            throw new ArgumentException(Invariant($"{what} {index} is null."), parameterName);
        }

        return item;
    }

    /// <summary>
    /// Records that <paramref name="key"/> is at <paramref name="index"/> in <paramref name="seen"/>, or throws
    /// <see cref="ArgumentException"/> when an earlier item has the same key.
    /// </summary>
    /// <typeparam name="TKey">The type of the key.</typeparam>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="seen">The keys of the earlier items with their positions; compares keys with its own comparer.</param>
    /// <param name="key">The key of the item at <paramref name="index"/>.</param>
    /// <param name="index">The item's position in its collection, from 0.</param>
    /// <param name="message">
    /// Makes the message from the earlier item's position and <paramref name="index"/>; called only on failure.
    /// A message names positions, never the key.
    /// </param>
    /// <param name="parameterName">The name of the parameter that holds the collection.</param>
    /// <exception cref="ArgumentException">An earlier item has the same key.</exception>
    public static void Duplicate<TKey>(this IGuardClause guardClause, Dictionary<TKey, int> seen, TKey key, int index, Func<int, int, string> message, string parameterName)
        where TKey : notnull
    {
        if (!seen.TryAdd(key, index))
        {
            throw new ArgumentException(message(seen[key], index), parameterName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> with <paramref name="message"/> when <paramref name="condition"/> holds.</summary>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="condition">True when the argument is invalid.</param>
    /// <param name="message">The message: what a valid argument is, never the argument's value.</param>
    /// <param name="parameterName">The parameter's name, or null when the condition is on several parameters at once.</param>
    /// <exception cref="ArgumentException"><paramref name="condition"/> is true.</exception>
    /// <remarks>For a one-off condition whose message no other clause states; Ardalis' <c>Expression</c> takes a delegate for the same.</remarks>
    public static void Invalid(this IGuardClause guardClause, [DoesNotReturnIf(true)] bool condition, string message, string? parameterName)
    {
        if (condition)
        {
            throw new ArgumentException(message, parameterName);
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> with <paramref name="message"/> when <paramref name="condition"/> holds; the
    /// interpolated message is built only then, in the invariant culture.
    /// </summary>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="condition">True when the argument is invalid.</param>
    /// <param name="message">The message: what a valid argument is, never the argument's value (a position may be named).</param>
    /// <param name="parameterName">The parameter's name, or null when the condition is on several parameters at once.</param>
    /// <exception cref="ArgumentException"><paramref name="condition"/> is true.</exception>
    public static void Invalid(this IGuardClause guardClause, [DoesNotReturnIf(true)] bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref GuardMessageHandler message, string? parameterName)
    {
        if (condition)
        {
            throw new ArgumentException(message.ToStringAndClear(), parameterName);
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> with <paramref name="message"/> when <paramref name="condition"/> holds.</summary>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="condition">True when the argument is outside its range.</param>
    /// <param name="message">The message: the allowed range, never the argument's value.</param>
    /// <param name="parameterName">The parameter's name.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="condition"/> is true.</exception>
    /// <remarks>
    /// For a range that <see cref="OutsideRange{T}"/> and its kin cannot state: one end exclusive, "finite",
    /// relative to another argument. <c>ActualValue</c> is not set, so the message never shows the value.
    /// </remarks>
    public static void OutOfRange(this IGuardClause guardClause, [DoesNotReturnIf(true)] bool condition, string message, string? parameterName)
    {
        if (condition)
        {
            throw new ArgumentOutOfRangeException(parameterName, message);
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> with <paramref name="message"/> when <paramref name="condition"/>
    /// holds; the interpolated message is built only then, in the invariant culture.
    /// </summary>
    /// <param name="guardClause">The guard clause (<c>Guard.Against</c>).</param>
    /// <param name="condition">True when the argument is outside its range.</param>
    /// <param name="message">The message: the allowed range, never the argument's value (a position may be named).</param>
    /// <param name="parameterName">The parameter's name.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="condition"/> is true.</exception>
    public static void OutOfRange(this IGuardClause guardClause, [DoesNotReturnIf(true)] bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref GuardMessageHandler message, string? parameterName)
    {
        if (condition)
        {
            throw new ArgumentOutOfRangeException(parameterName, message.ToStringAndClear());
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
