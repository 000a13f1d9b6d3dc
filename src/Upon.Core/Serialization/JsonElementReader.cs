using System.Runtime.InteropServices;
using NodaTime.Text;

namespace Upon.Core.Serialization;

/// <summary>
/// Reads values out of a parsed JSON document while collecting every problem found (path, stable code,
/// message), so that document readers report all problems instead of stopping at the first. Messages
/// never repeat the values found: documents may hold personal data.
/// </summary>
internal sealed class JsonElementReader
{

    /// <summary>Gets the problems found so far, in the order found.</summary>
    public List<DocumentProblem> Problems { get; } = [];

    /// <summary>Adds a problem.</summary>
    public void Add(string path, string code, string message) => Problems.Add(new DocumentProblem(path, code, message));

    /// <summary>Checks that <paramref name="element"/> is an object, reporting a type mismatch otherwise.</summary>
    public bool IsObject(JsonElement element, string path, string what)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        TypeMismatch(path, what, element.ValueKind);
        return false;
    }

    /// <summary>Reports every property of <paramref name="obj"/> that is not in <paramref name="allowed"/> (compared ordinally).</summary>
    public void RejectUnknown(JsonElement obj, string path, ReadOnlySpan<string> allowed)
    {
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            if (!IsKnown(property, allowed))
            {
                Add(JsonPath.Property(path, property.Name), DocumentProblemCodes.UnknownProperty, "This property is not part of the format; check its spelling.");
            }
        }
    }

    /// <summary>
    /// Reports, once, that <paramref name="obj"/> has properties not in <paramref name="allowed"/>, with their count
    /// but not their names: for objects whose keys a client may have filled with confidential answers.
    /// </summary>
    public void RejectUnknownUnnamed(JsonElement obj, string path, ReadOnlySpan<string> allowed, string what)
    {
        int unknown = 0;
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            unknown += IsKnown(property, allowed) ? 0 : 1;
        }

        if (unknown > 0)
        {
            Add(path, DocumentProblemCodes.UnknownProperty, string.Create(
                CultureInfo.InvariantCulture,
                $"{(unknown == 1 ? "A property" : $"{unknown} properties")} of {what} {(unknown == 1 ? "is" : "are")} not part of the format (its only properties are {string.Join(", ", allowed.ToArray())}); names here are not repeated, since they may be answers."));
        }
    }

    /// <summary>Gets whether the property's name is one of <paramref name="allowed"/>; NameEquals compares without allocating the name.</summary>
    private static bool IsKnown(JsonProperty property, ReadOnlySpan<string> allowed)
    {
        foreach (string name in allowed)
        {
            if (property.NameEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets a property that is present and not null; reports <see cref="DocumentProblemCodes.Required"/> when <paramref name="required"/> and absent.</summary>
    public bool TryGet(JsonElement obj, string path, string name, bool required, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Add(JsonPath.Property(path, name), DocumentProblemCodes.Required, $"\"{name}\" is required.");
        }

        return false;
    }

    /// <summary>Reads a string property; null when absent (reported when required) or of the wrong type (reported).</summary>
    public string? String(JsonElement obj, string path, string name, bool required, bool allowEmpty = false)
    {
        if (!TryGet(obj, path, name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            TypeMismatch(JsonPath.Property(path, name), "a string", value.ValueKind);
            return null;
        }

        string text = value.GetString()!;
        if (!allowEmpty && string.IsNullOrWhiteSpace(text))
        {
            Add(JsonPath.Property(path, name), DocumentProblemCodes.Empty, $"\"{name}\" must not be empty.");
            return null;
        }

        return text;
    }

    /// <summary>
    /// Checks an optional string property as <see cref="String"/> does (the same problems) without making a string of
    /// it: for values a reader must check but does not keep.
    /// </summary>
    public void CheckString(JsonElement obj, string path, string name)
    {
        if (!TryGet(obj, path, name, required: false, out JsonElement value))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            TypeMismatch(JsonPath.Property(path, name), "a string", value.ValueKind);
            return;
        }

        // Unescaped ASCII text can hold no control character (JSON requires them escaped), so it is blank exactly when
        // it is all spaces; text with an escape or beyond ASCII is decoded and tested as String tests it.
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(value).Trim((byte)'"');
        bool blank = System.Text.Ascii.IsValid(raw) && raw.IndexOf((byte)'\\') < 0
            ? raw.IndexOfAnyExcept((byte)' ') < 0
            : string.IsNullOrWhiteSpace(value.GetString());
        if (blank)
        {
            Add(JsonPath.Property(path, name), DocumentProblemCodes.Empty, $"\"{name}\" must not be empty.");
        }
    }

    /// <summary>Reads an ISO 8601 date property; when <paramref name="range"/> is given, a date outside it is reported as out of range.</summary>
    public LocalDate? Date(JsonElement obj, string path, string name, bool required, DateInterval? range = null)
    {
        if (!TryGet(obj, path, name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            TypeMismatch(JsonPath.Property(path, name), "a date string yyyy-MM-dd", value.ValueKind);
            return null;
        }

        // Almost every date is plain yyyy-MM-dd: read it from the bytes; anything else goes through NodaTime's pattern.
        if (!IsoDate.TryParse(JsonMarshal.GetRawUtf8Value(value), out LocalDate date))
        {
            ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(value.GetString()!);
            if (!parsed.Success)
            {
                Add(JsonPath.Property(path, name), DocumentProblemCodes.DateInvalid, "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar.");
                return null;
            }

            date = parsed.Value;
        }

        if (range is not null && !range.Contains(date))
        {
            Add(JsonPath.Property(path, name), DocumentProblemCodes.OutOfRange, $"\"{name}\" must be from {DateText.Format(range.Start)} to {DateText.Format(range.End)}.");
            return null;
        }

        return date;
    }

    /// <summary>Reads an ISO 8601 period property of non-negative date units (for example <c>P3Y</c>).</summary>
    public Period? DatePeriod(JsonElement obj, string path, string name, bool required)
    {
        if (!TryGet(obj, path, name, required, out JsonElement value))
        {
            return null;
        }

        string propertyPath = JsonPath.Property(path, name);
        if (value.ValueKind != JsonValueKind.String)
        {
            TypeMismatch(propertyPath, "a period string such as P3Y", value.ValueKind);
            return null;
        }

        // NodaTime reads "P" and "PT" as zero: a period with no figure at all is a truncated one, not zero.
        string text = value.GetString()!;
        ParseResult<Period> parsed = PeriodPattern.Roundtrip.Parse(text);
        if (!parsed.Success || !text.AsSpan().ContainsAnyInRange('0', '9') || parsed.Value.HasTimeComponent || parsed.Value.Years < 0 || parsed.Value.Months < 0 || parsed.Value.Weeks < 0 || parsed.Value.Days < 0)
        {
            Add(propertyPath, DocumentProblemCodes.PeriodInvalid, "Expected an ISO 8601 period of non-negative years, months, weeks and days, such as P3Y or P2Y6M.");
            return null;
        }

        return parsed.Value;
    }

    /// <summary>Reads an integer property within a range.</summary>
    public int? Int(JsonElement obj, string path, string name, bool required, int min, int max)
    {
        if (!TryGet(obj, path, name, required, out JsonElement value))
        {
            return null;
        }

        string propertyPath = JsonPath.Property(path, name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
        {
            TypeMismatch(propertyPath, "a whole number", value.ValueKind);
            return null;
        }

        if (number < min || number > max)
        {
            Add(propertyPath, DocumentProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"\"{name}\" must be from {min} to {max}."));
            return null;
        }

        return number;
    }

    /// <summary>Reads a decimal property within a range; <paramref name="minExclusive"/> makes the lower bound exclusive.</summary>
    public decimal? Decimal(JsonElement obj, string path, string name, bool required, decimal min, decimal max, bool minExclusive)
    {
        if (!TryGet(obj, path, name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out decimal number))
        {
            TypeMismatch(JsonPath.Property(path, name), "a number", value.ValueKind);
            return null;
        }

        if ((minExclusive ? number <= min : number < min) || number > max)
        {
            Add(JsonPath.Property(path, name), DocumentProblemCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"\"{name}\" must be {(minExclusive ? "above" : "at least")} {min} and at most {max}."));
            return null;
        }

        return number;
    }

    /// <summary>Reads a boolean property.</summary>
    public bool? Bool(JsonElement obj, string path, string name, bool required)
    {
        if (!TryGet(obj, path, name, required, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        TypeMismatch(JsonPath.Property(path, name), "true or false", value.ValueKind);
        return null;
    }

    /// <summary>Reads an enum property written as its camelCase name.</summary>
    public TEnum? Enum<TEnum>(JsonElement obj, string path, string name, bool required)
        where TEnum : struct, Enum
    {
        if (!TryGet(obj, path, name, required, out JsonElement value))
        {
            return null;
        }

        return EnumValue<TEnum>(value, JsonPath.Property(path, name));
    }

    /// <summary>Reads an enum value written as its camelCase name.</summary>
    public TEnum? EnumValue<TEnum>(JsonElement value, string path)
        where TEnum : struct, Enum
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            TypeMismatch(path, "a string", value.ValueKind);
            return null;
        }

        if (EnumNames<TEnum>.TryParse(value, out TEnum parsed))
        {
            return parsed;
        }

        Add(path, DocumentProblemCodes.UnknownValue, $"Expected one of: {EnumNames<TEnum>.List}.");
        return null;
    }

    /// <summary>Gets an array property's elements with their paths; reports a missing (when required) or mistyped array.</summary>
    public bool Array(JsonElement obj, string path, string name, bool required, out JsonElement array, out string arrayPath)
    {
        arrayPath = JsonPath.Property(path, name);
        return Array(obj, path, name, arrayPath, required, out array);
    }

    /// <summary>As <see cref="Array(JsonElement, string, string, bool, out JsonElement, out string)"/>, given the array's path already made.</summary>
    public bool Array(JsonElement obj, string path, string name, string arrayPath, bool required, out JsonElement array)
    {
        if (!TryGet(obj, path, name, required, out array))
        {
            return false;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            TypeMismatch(arrayPath, "an array", array.ValueKind);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reads each item of <paramref name="array"/> with <paramref name="readItem"/>, given the item and its path
    /// (<c>arrayPath[i]</c>), and adds what it reads to <paramref name="items"/> in order; an item read as null (its
    /// problems recorded by <paramref name="readItem"/>) is left out.
    /// </summary>
    /// <typeparam name="T">The items.</typeparam>
    /// <typeparam name="TRead">What <paramref name="readItem"/> returns: <typeparamref name="T"/>, or null.</typeparam>
    public static void Items<T, TRead>(JsonElement array, string arrayPath, ICollection<T> items, Func<JsonElement, string, TRead> readItem)
    {
        int index = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (readItem(item, JsonPath.Index(arrayPath, index++)) is T value)
            {
                items.Add(value);
            }
        }
    }

    /// <summary>Reads each item of <paramref name="array"/> as a string; an item that is not one is a type mismatch at its path.</summary>
    public void Strings(JsonElement array, string arrayPath, ICollection<string> items) =>
        Items(array, arrayPath, items, (item, itemPath) =>
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                return item.GetString();
            }

            TypeMismatch(itemPath, "a string", item.ValueKind);
            return null;
        });

    /// <summary>Reports a value of the wrong JSON type.</summary>
    public void TypeMismatch(string path, string expected, JsonValueKind found) =>
        Add(path, DocumentProblemCodes.TypeMismatch, $"Expected {expected}, but found {Describe(found)}.");

    /// <summary>Describes a JSON value kind with its article.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

/// <summary>The camelCase JSON names of an enum's members (for example <c>localAuthority</c>), without reflection on attributes.</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = Build();

    private static readonly Dictionary<TEnum, string> ByValue = Invert(ByName);

    private static readonly Dictionary<TEnum, JsonEncodedText> EncodedByValue =
        ByValue.ToDictionary(pair => pair.Key, pair => JsonEncodedText.Encode(pair.Value));

    private static readonly (byte[] Name, TEnum Value)[] Utf8Names = [.. ByName.Select(pair => (System.Text.Encoding.UTF8.GetBytes(pair.Key), pair.Value))];

    /// <summary>The UTF-8 names by their length in bytes, so that a name is compared only with names as long.</summary>
    private static readonly (byte[] Name, TEnum Value)[][] Utf8NamesByLength =
        [.. Enumerable.Range(0, Utf8Names.Max(pair => pair.Name.Length) + 1).Select(length => Utf8Names.Where(pair => pair.Name.Length == length).ToArray())];

    /// <summary>Gets the names, comma-separated, in declaration order.</summary>
    public static string List { get; } = string.Join(", ", ByValue.Values);

    /// <summary>Gets the JSON name of <paramref name="value"/>.</summary>
    public static string Name(TEnum value)
    {
        Guard.Against.OutOfRange(!ByValue.TryGetValue(value, out string? name), "The value is not a defined member of its enum.", nameof(value));
        return name;
    }

    /// <summary>
    /// Gets the JSON name of <paramref name="value"/> encoded for <see cref="Utf8JsonWriter"/>: the names are camel-cased
    /// ASCII identifiers, which every encoder writes alike, so the writers of documents need not encode them each time.
    /// </summary>
    public static JsonEncodedText EncodedName(TEnum value)
    {
        Guard.Against.OutOfRange(!EncodedByValue.TryGetValue(value, out JsonEncodedText name), "The value is not a defined member of its enum.", nameof(value));
        return name;
    }

    /// <summary>Parses a JSON name (case-sensitive).</summary>
    public static bool TryParse(string name, out TEnum value) => ByName.TryGetValue(name, out value);

    /// <summary>Parses a JSON name from the unescaped UTF-8 bytes of a string (case-sensitive).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out TEnum value)
    {
        if (utf8.Length < Utf8NamesByLength.Length)
        {
            foreach ((byte[] name, TEnum member) in Utf8NamesByLength[utf8.Length])
            {
                if (utf8.SequenceEqual(name))
                {
                    value = member;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>Parses a JSON string element holding a name (case-sensitive), comparing its text without making a string of it.</summary>
    public static bool TryParse(JsonElement element, out TEnum value)
    {
        foreach ((byte[] name, TEnum member) in Utf8Names)
        {
            if (element.ValueEquals(name))
            {
                value = member;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static Dictionary<string, TEnum> Build()
    {
        Dictionary<string, TEnum> names = new(StringComparer.Ordinal);
        foreach (TEnum value in System.Enum.GetValues<TEnum>())
        {
            names[JsonNamingPolicy.CamelCase.ConvertName(value.ToString())] = value;
        }

        return names;
    }

    private static Dictionary<TEnum, string> Invert(Dictionary<string, TEnum> names)
    {
        Dictionary<TEnum, string> values = [];
        foreach (KeyValuePair<string, TEnum> pair in names)
        {
            values[pair.Value] = pair.Key;
        }

        return values;
    }
}
