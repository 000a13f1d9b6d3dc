namespace Upon.Core.Eligibility;

/// <summary>
/// The moral-purpose statement is present and has between <see cref="MinimumWords"/> and
/// <see cref="MaximumWords"/> words. Only presence and length are checked: its content is for assessors.
/// </summary>
public sealed record StatementRule : EligibilityRule
{
    /// <summary>Initializes the rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="minimumWords">The fewest words allowed; at least 1.</param>
    /// <param name="maximumWords">The most words allowed; at least <paramref name="minimumWords"/>.</param>
    /// <exception cref="ArgumentException">A string is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A word limit is out of range.</exception>
    public StatementRule(string code, string title, int minimumWords, int maximumWords)
        : base(code, title)
    {
        Guard.Against.LessThan(minimumWords, 1);
        Guard.Against.LessThan(maximumWords, minimumWords);
        MinimumWords = minimumWords;
        MaximumWords = maximumWords;
    }

    /// <summary>Gets the fewest words allowed.</summary>
    public int MinimumWords { get; }

    /// <summary>Gets the most words allowed.</summary>
    public int MaximumWords { get; }

    /// <inheritdoc />
    public override RuleKind Kind => RuleKind.Statement;

    /// <inheritdoc />
    public override ImmutableArray<EligibilityRule> Rules => [];

    /// <summary>Counts the words of <paramref name="text"/>: maximal runs of characters that are not white space.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of words; zero for null or white space.</returns>
    internal static int CountWords(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                words++;
            }

            inWord = !space;
        }

        return words;
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{MinimumWords} to {MaximumWords} words");
}
