using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

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

    /// <summary>Counts the words of <paramref name="text"/>: maximal runs of characters that are not white space (<see cref="char.IsWhiteSpace(char)"/>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of words; zero for null or white space.</returns>
    /// <remarks>
    /// A word starts at a character that is not white space and follows white space or the start of the text. ASCII
    /// text is read a vector of characters at a time, with one bit per character for "is white space"; a vector that
    /// holds a character above ASCII is read character by character, since Unicode has white space there too.
    /// </remarks>
    internal static int CountWords(string? text) => text is null ? 0 : CountWords(text.AsSpan());

    /// <inheritdoc cref="CountWords(string?)"/>
    internal static int CountWords(ReadOnlySpan<char> text)
    {
        ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int words = 0;

        // Whether the last character read was white space (before the first one, as if it were): 1 or 0.
        uint previousSpace = 1;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= text.Length - (2 * Vector256<ushort>.Count); i += 2 * Vector256<ushort>.Count)
            {
                Vector256<ushort> low = Vector256.LoadUnsafe(ref start, (nuint)i);
                Vector256<ushort> high = Vector256.LoadUnsafe(ref start, (nuint)(i + Vector256<ushort>.Count));
                words += Vector256.GreaterThanAny(low | high, Vector256.Create((ushort)0x7F))
                    ? CountScalar(text.Slice(i, 2 * Vector256<ushort>.Count), ref previousSpace)
                    : CountAscii(AsciiSpaces(Vector256.Narrow(low, high)).ExtractMostSignificantBits(), 2 * Vector256<ushort>.Count, ref previousSpace);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= text.Length - (2 * Vector128<ushort>.Count); i += 2 * Vector128<ushort>.Count)
            {
                Vector128<ushort> low = Vector128.LoadUnsafe(ref start, (nuint)i);
                Vector128<ushort> high = Vector128.LoadUnsafe(ref start, (nuint)(i + Vector128<ushort>.Count));
                words += Vector128.GreaterThanAny(low | high, Vector128.Create((ushort)0x7F))
                    ? CountScalar(text.Slice(i, 2 * Vector128<ushort>.Count), ref previousSpace)
                    : CountAscii(AsciiSpaces(Vector128.Narrow(low, high)).ExtractMostSignificantBits(), 2 * Vector128<ushort>.Count, ref previousSpace);
            }
        }

        return words + CountScalar(text[i..], ref previousSpace);
    }

    /// <summary>
    /// Counts the words of text given as UTF-8, as <see cref="CountWords(ReadOnlySpan{char})"/> counts them in its
    /// UTF-16 form, without decoding the ASCII blocks: a block of 32 (or 16) bytes below 0x80 is read at once; one that
    /// holds any other byte is decoded rune by rune (no character outside the Basic Multilingual Plane is white space,
    /// as neither half of its surrogate pair is, and a byte that is not valid UTF-8 decodes to a replacement character,
    /// which is not white space either).
    /// </summary>
    /// <param name="utf8">The text's bytes, unescaped.</param>
    /// <returns>The number of words.</returns>
    internal static int CountWordsUtf8(ReadOnlySpan<byte> utf8)
    {
        ref byte start = ref MemoryMarshal.GetReference(utf8);
        int words = 0;
        uint previousSpace = 1;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            while (i <= utf8.Length - Vector256<byte>.Count)
            {
                Vector256<byte> bytes = Vector256.LoadUnsafe(ref start, (nuint)i);
                if (bytes.ExtractMostSignificantBits() == 0)
                {
                    words += CountAscii(AsciiSpaces(bytes).ExtractMostSignificantBits(), Vector256<byte>.Count, ref previousSpace);
                    i += Vector256<byte>.Count;
                }
                else
                {
                    words += CountScalarUtf8(utf8, ref i, i + Vector256<byte>.Count, ref previousSpace);
                }
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            while (i <= utf8.Length - Vector128<byte>.Count)
            {
                Vector128<byte> bytes = Vector128.LoadUnsafe(ref start, (nuint)i);
                if (bytes.ExtractMostSignificantBits() == 0)
                {
                    words += CountAscii(AsciiSpaces(bytes).ExtractMostSignificantBits(), Vector128<byte>.Count, ref previousSpace);
                    i += Vector128<byte>.Count;
                }
                else
                {
                    words += CountScalarUtf8(utf8, ref i, i + Vector128<byte>.Count, ref previousSpace);
                }
            }
        }

        return words + CountScalarUtf8(utf8, ref i, utf8.Length, ref previousSpace);
    }

    /// <summary>White space among ASCII characters: the space, and tab to carriage return (9 to 13); all bits set where it is.</summary>
    private static Vector256<byte> AsciiSpaces(Vector256<byte> chars) =>
        Vector256.Equals(chars, Vector256.Create((byte)' '))
        | Vector256.LessThanOrEqual(chars - Vector256.Create((byte)'\t'), Vector256.Create((byte)('\r' - '\t')));

    /// <inheritdoc cref="AsciiSpaces(Vector256{byte})"/>
    private static Vector128<byte> AsciiSpaces(Vector128<byte> chars) =>
        Vector128.Equals(chars, Vector128.Create((byte)' '))
        | Vector128.LessThanOrEqual(chars - Vector128.Create((byte)'\t'), Vector128.Create((byte)('\r' - '\t')));

    /// <summary>
    /// Counts the words that start among <paramref name="width"/> characters (up to 32) whose white space is the bits
    /// set in <paramref name="spaces"/>, the first character in the lowest bit: a character not white space after one that is.
    /// </summary>
    private static int CountAscii(uint spaces, int width, ref uint previousSpace)
    {
        uint all = width == 32 ? uint.MaxValue : (1u << width) - 1;
        uint letters = ~spaces & all;
        uint follows = (spaces << 1) | previousSpace;
        previousSpace = (spaces >> (width - 1)) & 1;
        return BitOperations.PopCount(letters & follows);
    }

    /// <summary>
    /// Counts the words that start from byte <paramref name="i"/> until it reaches <paramref name="end"/> or passes it
    /// (a rune is never split; the last may end up to three bytes beyond), moving <paramref name="i"/> on.
    /// </summary>
    private static int CountScalarUtf8(ReadOnlySpan<byte> utf8, ref int i, int end, ref uint previousSpace)
    {
        int words = 0;
        bool inWord = previousSpace == 0;
        while (i < end)
        {
            byte b = utf8[i];
            bool space;
            if (b < 0x80)
            {
                space = b == (byte)' ' || unchecked((uint)(b - '\t')) <= '\r' - '\t';
                i++;
            }
            else
            {
                Rune.DecodeFromUtf8(utf8[i..], out Rune rune, out int consumed);
                space = Rune.IsWhiteSpace(rune);
                i += consumed;
            }

            if (!space && !inWord)
            {
                words++;
            }

            inWord = !space;
        }

        previousSpace = inWord ? 0u : 1u;
        return words;
    }

    private static int CountScalar(ReadOnlySpan<char> text, ref uint previousSpace)
    {
        int words = 0;
        bool inWord = previousSpace == 0;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                words++;
            }

            inWord = !space;
        }

        previousSpace = inWord ? 0u : 1u;
        return words;
    }

    /// <inheritdoc />
    public override string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{MinimumWords} to {MaximumWords} words");
}
