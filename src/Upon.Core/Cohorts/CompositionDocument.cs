namespace Upon.Core.Cohorts;

/// <summary>
/// Reads and writes composition documents: a cohort's make-up as published, by dimension and category (the schema
/// is docs/schemas/cohort-composition.schema.json).
/// </summary>
/// <remarks>
/// <para>The document is one object:
/// <c>{"title"?, "statedTotal"?, "dimensions": [{"dimension", "statedTotal"?, "categories": [{"category", "count"}]}]}</c>.
/// A dimension's own <c>statedTotal</c> wins over the document's; the document's applies to every dimension without
/// one. Counts are whole numbers from 0; a dimension needs at least one category and a count above zero; names of
/// dimensions, and of categories within a dimension, must be distinct. Counts are kept as published: a sum that
/// differs from the stated total is not a problem of the document but an outcome of
/// <see cref="CompositionBreakdown.TotalMismatch"/>.</para>
/// <para>Reading reports every problem with its JSON path and a stable code, and never throws for bad input.</para>
/// </remarks>
public static class CompositionDocument
{
    /// <summary>The largest document accepted unless another limit is given, in bytes: 1 MiB.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    private static readonly string[] RootProperties = ["title", "statedTotal", "dimensions"];

    private static readonly string[] DimensionProperties = ["dimension", "statedTotal", "categories"];

    private static readonly string[] CategoryProperties = ["category", "count"];

    /// <summary>Reads a composition document from <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes.</param>
    /// <returns>The figures, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<CompositionFigures> Read(Stream utf8Json, int maxBytes = DefaultMaxBytes) =>
        DocumentSource.Read(utf8Json, maxBytes, Read);

    /// <summary>
    /// Reads one composition document from <paramref name="utf8Json"/> asynchronously, for streams that must not be read
    /// synchronously (an ASP.NET Core request body): the same result as <see cref="Read(Stream, int)"/> for the same bytes.
    /// </summary>
    /// <param name="utf8Json">A stream of UTF-8 JSON, read to its end and left open.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes; reading stops once the stream holds more.</param>
    /// <param name="cancellationToken">Stops the reading; the task is then cancelled.</param>
    /// <returns>A task that gives the value read, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static Task<DocumentResult<CompositionFigures>> ReadAsync(Stream utf8Json, int maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(utf8Json);
        Guard.Against.NotPositive(maxBytes);
        return DocumentSource.ReadAsync(utf8Json, maxBytes, Read, confidentialObject: null, cancellationToken);
    }

    /// <summary>
    /// Reads the document from a string with the default size limit, <see cref="DefaultMaxBytes"/>; see
    /// <see cref="Parse(string, int)"/>. (A separate overload, so that a method group such as <c>Select(Parse)</c> cannot
    /// pass an index as the size limit.)
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The figures, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static DocumentResult<CompositionFigures> Parse(string json) => Parse(json, DefaultMaxBytes);

    /// <summary>Reads a composition document from a string, with the same checks as <see cref="Read(Stream, int)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="maxBytes">The largest document accepted, in bytes of UTF-8.</param>
    /// <returns>The figures, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    public static DocumentResult<CompositionFigures> Parse(string json, int maxBytes) =>
        DocumentSource.Read(json, maxBytes, Read);

    /// <summary>Writes a composition document; each dimension's stated total is written with the dimension.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="figures">The figures.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="figures"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, CompositionFigures figures)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(figures);
        writer.WriteStartObject();
        if (figures.Title is string title)
        {
            writer.WriteString(RootProperties[0], title);
        }

        writer.WriteStartArray(RootProperties[2]);
        foreach (CompositionDimension dimension in figures.Dimensions)
        {
            writer.WriteStartObject();
            writer.WriteString(DimensionProperties[0], dimension.Dimension);
            if (dimension.StatedTotal is int stated)
            {
                writer.WriteNumber(DimensionProperties[1], stated);
            }

            writer.WriteStartArray(DimensionProperties[2]);
            foreach (CategoryCount count in dimension.Counts)
            {
                writer.WriteStartObject();
                writer.WriteString(CategoryProperties[0], count.Category);
                writer.WriteNumber(CategoryProperties[1], count.Count);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes a composition document to a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; left open.</param>
    /// <param name="figures">The figures.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> line ends), for files people read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="figures"/> is null.</exception>
    public static void Write(Stream utf8Json, CompositionFigures figures, bool indented = false)
    {
        Guard.Against.Null(utf8Json);
        using Utf8JsonWriter writer = new(utf8Json, JsonWriting.Options(indented));
        Write(writer, figures);
    }

    private static DocumentResult<CompositionFigures> Read(JsonElement root)
    {
        const string Root = JsonPath.Root;
        JsonElementReader json = new();
        if (!json.IsObject(root, Root, "a composition object"))
        {
            return DocumentResult.Failure<CompositionFigures>([.. json.Problems]);
        }

        json.RejectUnknown(root, Root, RootProperties);
        string? title = json.String(root, Root, RootProperties[0], required: false);
        int? statedTotal = json.Int(root, Root, RootProperties[1], required: false, 0, int.MaxValue);
        ImmutableArray<CompositionDimension>.Builder dimensions = ImmutableArray.CreateBuilder<CompositionDimension>();
        if (json.Array(root, Root, RootProperties[2], required: true, out JsonElement array, out string arrayPath))
        {
            if (array.GetArrayLength() == 0)
            {
                json.Add(arrayPath, DocumentProblemCodes.CollectionEmpty, "At least one dimension is needed.");
            }

            HashSet<string> names = new(StringComparer.Ordinal);
            int index = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                string path = JsonPath.Index(arrayPath, index++);
                if (ReadDimension(json, item, path, statedTotal) is CompositionDimension dimension)
                {
                    if (names.Add(dimension.Dimension))
                    {
                        dimensions.Add(dimension);
                    }
                    else
                    {
                        json.Add(JsonPath.Property(path, DimensionProperties[0]), CohortProblemCodes.DimensionDuplicate, "An earlier dimension has the same name; each dimension appears once.");
                    }
                }
            }
        }

        return json.Problems.Count == 0
            ? DocumentResult.Success(new CompositionFigures(title, dimensions.ToImmutable()))
            : DocumentResult.Failure<CompositionFigures>([.. json.Problems]);
    }

    private static CompositionDimension? ReadDimension(JsonElementReader json, JsonElement item, string path, int? documentTotal)
    {
        if (!json.IsObject(item, path, "a dimension object"))
        {
            return null;
        }

        int before = json.Problems.Count;
        json.RejectUnknown(item, path, DimensionProperties);
        string? name = json.String(item, path, DimensionProperties[0], required: true);
        int? statedTotal = json.Int(item, path, DimensionProperties[1], required: false, 0, int.MaxValue) ?? documentTotal;
        ImmutableArray<CategoryCount>.Builder counts = ImmutableArray.CreateBuilder<CategoryCount>();
        if (json.Array(item, path, DimensionProperties[2], required: true, out JsonElement array, out string arrayPath))
        {
            HashSet<string> categories = new(StringComparer.Ordinal);
            long sum = 0;
            int index = 0;
            foreach (JsonElement cell in array.EnumerateArray())
            {
                string cellPath = JsonPath.Index(arrayPath, index++);
                if (!json.IsObject(cell, cellPath, "a category object"))
                {
                    continue;
                }

                json.RejectUnknown(cell, cellPath, CategoryProperties);
                string? category = json.String(cell, cellPath, CategoryProperties[0], required: true);
                int? count = json.Int(cell, cellPath, CategoryProperties[1], required: true, 0, int.MaxValue);
                if (category is not null && !categories.Add(category))
                {
                    json.Add(JsonPath.Property(cellPath, CategoryProperties[0]), CohortProblemCodes.CategoryDuplicate, "An earlier category of this dimension has the same name; each category appears once.");
                }
                else if (category is not null && count is int value)
                {
                    counts.Add(new CategoryCount(category, value));
                    sum += value;
                }
            }

            if (index == 0)
            {
                json.Add(arrayPath, DocumentProblemCodes.CollectionEmpty, "At least one category is needed.");
            }
            else if (json.Problems.Count == before && sum == 0)
            {
                json.Add(arrayPath, CohortProblemCodes.CountsAllZero, "Every count is zero: at least one must be above zero.");
            }
            else if (sum > int.MaxValue)
            {
                json.Add(arrayPath, DocumentProblemCodes.OutOfRange, "The counts sum to more than a whole number can hold.");
            }
        }

        return json.Problems.Count == before && name is not null ? new CompositionDimension(name, counts.ToImmutable(), statedTotal) : null;
    }
}
