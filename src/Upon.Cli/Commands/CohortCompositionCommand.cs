using System.Collections.Immutable;
using Upon.Core.Cohorts;

namespace Upon.Cli.Commands;

/// <summary><c>upon cohort composition</c>.</summary>
internal static partial class CohortCommand
{
    private static Command CreateComposition() =>
        new CompositionOptions().CreateCommand("composition", "Report a cohort's make-up by dimension: counts, shares, representation against a reference population, a check against the stated total, and the breakdown as it may be published with small numbers suppressed. Exit 1 when FILE is invalid or a dimension's counts do not sum to its stated total.", ReportComposition);

    /// <summary>Runs <c>upon cohort composition</c>.</summary>
    private static int ReportComposition(CommandRun run, CompositionOptions options)
    {
        int suppressBelow = run.GetValue(options.Threshold);
        int? total = run.GetValue(options.StatedTotal);
        if (suppressBelow < 1 || total < 0)
        {
            return run.Usage(suppressBelow < 1 ? "--suppress-below must be at least 1." : "--stated-total must be zero or more.");
        }

        string path = run.GetValue(options.File)!;
        if (ReadInput(path, run.Error) is not byte[] bytes)
        {
            return ExitCodes.Failure;
        }

        if (ReadFigures(bytes, path, run.Error) is not CompositionFigures figures)
        {
            return ExitCodes.InvalidInput;
        }

        Dictionary<CompositionDimension, Dictionary<string, decimal>> shares = [];
        foreach (Reference reference in run.GetValue(options.References) ?? [])
        {
            CompositionDimension? dimension = figures.Dimensions.FirstOrDefault(d => reference.Matches(d.Dimension));
            if (dimension is null || !dimension.Counts.Any(c => c.Category == reference.Category))
            {
                return run.Usage(dimension is null
                    ? $"--reference names the dimension '{reference.Dimension}', which the file does not have; it has {string.Join(", ", figures.Dimensions.Select(d => $"'{d.Dimension}'"))}."
                    : $"--reference names the category '{reference.Category}', which the {dimension.Dimension} counts do not have.");
            }

            if (!shares.TryGetValue(dimension, out Dictionary<string, decimal>? map))
            {
                shares[dimension] = map = new(StringComparer.Ordinal);
            }

            map[reference.Category] = reference.Share;
        }

        List<BreakdownOutput> breakdowns = [];
        foreach (CompositionDimension dimension in figures.Dimensions)
        {
            CompositionBreakdown breakdown = dimension.ToBreakdown(shares.GetValueOrDefault(dimension), total);
            PublishedBreakdown published = breakdown.Suppress(suppressBelow);
            breakdowns.Add(new BreakdownOutput(
                breakdown.Dimension,
                breakdown.Total,
                breakdown.StatedTotal,
                breakdown.MatchesStatedTotal,
                breakdown.TotalMismatch,
                [.. breakdown.Cells.Select(c => new CellOutput(c.Category, c.Count, c.Share, c.ReferenceShare, c.Difference, c.RepresentationRatio))],
                new PublishedOutput(published.Total, published.IsWithheld, [.. published.Cells.Select(c => new PublishedCellOutput(c.Category, c.Count, c.Share, Json(c.Reason.ToString())))])));
        }

        CompositionOutput result = new(figures.Title, suppressBelow, breakdowns.All(b => b.MatchesStatedTotal), breakdowns);
        run.WriteResult(options.Format, () => CohortJson.Document(result, CohortJsonContext.Default.CompositionOutput), output => WriteComposition(output, result), CompositionCsv);
        return result.TotalsMatch ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    /// <summary>
    /// The CSV of <c>upon cohort composition</c>: a row per category of each dimension, unsuppressed (for the producer),
    /// then a row per category as it may be published, with its suppression.
    /// </summary>
    internal static readonly CsvTable[] CompositionCsv =
    [
        new("cell", "breakdowns.cells", "dimension", "total", "statedTotal", "matchesStatedTotal", "totalMismatch", "cells.category", "cells.count", "cells.share", "cells.referenceShare", "cells.difference", "cells.representationRatio"),
        new("published", "breakdowns.published.cells", "dimension", "published.total", "published.withheld", "published.cells.category", "published.cells.count", "published.cells.share", "published.cells.suppression"),
    ];

    /// <summary>Reads a composition document, or counts the records of a candidates document; null after listing the problems.</summary>
    private static CompositionFigures? ReadFigures(byte[] bytes, string path, TextWriter error)
    {
        if (IsCompositionDocument(bytes))
        {
            DocumentResult<CompositionFigures> read;
            using (MemoryStream stream = new(bytes, writable: false))
            {
                read = CompositionDocument.Read(stream, Math.Max(bytes.Length, 1));
            }

            if (!read.IsValid)
            {
                WriteProblems(error, path, read.Problems.Select(p => (0, p)), null);
                return null;
            }

            return read.Value;
        }

        if (ReadCandidates(bytes, path, error) is not { } candidates)
        {
            return null;
        }

        return new CompositionFigures(
            $"{Count(candidates.Count, "candidate")} in {CliText.FileName(path)}",
            ParticipantComposition.Count([.. candidates.Select(c => c.Profile)]));
    }

    /// <summary>A composition document is one JSON object with a "dimensions" property; anything else is read as candidates.</summary>
    private static bool IsCompositionDocument(byte[] bytes)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("dimensions", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void WriteComposition(TextWriter output, CompositionOutput result)
    {
        if (result.Title is string title)
        {
            output.WriteLine(title);
            output.WriteLine();
        }

        foreach (BreakdownOutput breakdown in result.Breakdowns)
        {
            output.WriteLine($"{CliText.Escape(breakdown.Dimension)}: {Number(breakdown.Total)} counted{(breakdown.StatedTotal is int stated ? $", stated total {Number(stated)}{(breakdown.MatchesStatedTotal ? " (matches)" : " (MISMATCH)")}" : string.Empty)}");
            if (breakdown.TotalMismatch is string mismatch)
            {
                output.WriteLine(mismatch);
            }

            bool reference = breakdown.Cells.Any(c => c.ReferenceShare is not null);
            TextTable table = reference
                ? new("Category", "Count", "Share", "Reference", "Difference", "Ratio", "Published")
                : new("Category", "Count", "Share", "Published");
            for (int i = 0; i < breakdown.Cells.Count; i++)
            {
                CellOutput cell = breakdown.Cells[i];
                PublishedCellOutput published = breakdown.Published.Cells[i];
                string shown = published.Count is int count ? Number(count) : $"suppressed ({published.Suppression})";
                if (reference)
                {
                    table.AddRow(
                        cell.Category,
                        Number(cell.Count),
                        Percent(cell.Share),
                        cell.ReferenceShare is decimal r ? Percent(r) : "-",
                        cell.Difference is decimal d ? (d * 100m).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " points" : "-",
                        cell.RepresentationRatio is decimal ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) : "-",
                        shown);
                }
                else
                {
                    table.AddRow(cell.Category, Number(cell.Count), Percent(cell.Share), shown);
                }
            }

            table.Write(output);
            output.WriteLine($"Published total: {(breakdown.Published.Total is int publishedTotal ? Number(publishedTotal) : "withheld")}");
            output.WriteLine();
        }

        int mismatches = result.Breakdowns.Count(b => !b.MatchesStatedTotal);
        output.WriteLine(mismatches == 0
            ? $"Every dimension's counts match its stated total. Suppression below {Number(result.Threshold)}; the reasons are for the producer, not for publication."
            : $"{Number(mismatches)} of {Count(result.Breakdowns.Count, "dimension")} {(mismatches == 1 ? "does" : "do")} not match the stated total. Suppression below {Number(result.Threshold)}; the reasons are for the producer, not for publication.");
    }

    private static Reference[] ParseReferences(ArgumentResult result)
    {
        List<Reference> references = [];
        foreach (Token token in result.Tokens)
        {
            string text = token.Value;
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            int colon = text.LastIndexOf(':');
            if (equals <= 0 || colon <= equals + 1 || colon == text.Length - 1)
            {
                result.AddError($"--reference '{text}' is not DIMENSION=CATEGORY:SHARE, for example \"ethnicity=British:0.8\".");
                return [];
            }

            if (!decimal.TryParse(text.AsSpan(colon + 1), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal share) || share < 0m || share > 1m)
            {
                result.AddError($"--reference '{text}': the share must be a number from 0 to 1.");
                return [];
            }

            references.Add(new Reference(text[..equals].Trim(), text[(equals + 1)..colon].Trim(), share));
        }

        return [.. references];
    }

    /// <summary>One <c>--reference DIMENSION=CATEGORY:SHARE</c>.</summary>
    private sealed record Reference(string Dimension, string Category, decimal Share)
    {
        /// <summary>Whether this names <paramref name="dimension"/>: its name in any case, or the candidates property that gives it (background, organisationType…).</summary>
        public bool Matches(string dimension) =>
            string.Equals(Dimension, dimension, StringComparison.OrdinalIgnoreCase)
            || Enum.GetValues<CompositionField>().Any(f => ParticipantComposition.DimensionName(f) == dimension && string.Equals(Json(f.ToString()), Dimension, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The arguments and options of <c>upon cohort composition</c>.</summary>
    private sealed class CompositionOptions : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [File, Threshold, References, StatedTotal, Format];

        /// <summary>Gets the <c>FILE</c> argument.</summary>
        public Argument<string> File { get; } = new("file")
        {
            Description = "A composition document of published figures (docs/schemas/cohort-composition.schema.json), or a candidates document whose records are counted. '-' reads standard input.",
            HelpName = "FILE|-",
        };

        /// <summary>Gets <c>--suppress-below</c>.</summary>
        public Option<int> Threshold { get; } = new("--suppress-below")
        {
            Description = "Suppress counts from 1 to this number minus one, and enough others that none can be worked out from the total; default 5; 1 suppresses nothing.",
            HelpName = "N",
            DefaultValueFactory = _ => CompositionBreakdown.DefaultThreshold,
        };

        /// <summary>Gets <c>--reference</c>.</summary>
        public Option<Reference[]> References { get; } = new("--reference")
        {
            Description = "A category's share of a reference population, DIMENSION=CATEGORY:SHARE with SHARE from 0 to 1 (for example \"ethnicity=British:0.8\"); repeat for several.",
            HelpName = "DIM=CATEGORY:SHARE",
            CustomParser = ParseReferences,
        };

        /// <summary>Gets <c>--stated-total</c>.</summary>
        public Option<int?> StatedTotal { get; } = new("--stated-total") { Description = "The total to check every dimension's counts against, instead of the totals the document states.", HelpName = "N" };

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();
    }
}
