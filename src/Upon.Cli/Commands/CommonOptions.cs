namespace Upon.Cli.Commands;

/// <summary>Options and argument parsers shared by several commands.</summary>
internal static class CommonOptions
{
    /// <summary>The output formats every command offers.</summary>
    public const string Table = "table";

    /// <summary>JSON output, in the library's document conventions.</summary>
    public const string Json = "json";

    /// <summary>CSV output (RFC 4180): the records of the JSON output, one row each (see <see cref="CsvOutput"/>).</summary>
    public const string Csv = "csv";

    /// <summary>Creates the <c>--format table|json|csv</c> option.</summary>
    public static Option<string> Format()
    {
        Option<string> option = new("--format", "-f")
        {
            Description = "Output format: table for people, json for programs, csv for spreadsheets (the JSON's records, one row each).",
            DefaultValueFactory = _ => Table,
            HelpName = "table|json|csv",
        };
        option.AcceptOnlyFromAmong(Table, Json, Csv);
        return option;
    }

    /// <summary>Creates an argument holding an ISO 8601 date.</summary>
    /// <param name="name">The argument's name.</param>
    /// <param name="description">Its description.</param>
    public static Argument<LocalDate> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = name.ToUpperInvariant(),
        CustomParser = ParseDate,
    };

    private static LocalDate ParseDate(ArgumentResult result) =>
        CliText.TryParseDate(result, $" (for example 2026-11-22) for <{result.Argument.Name}>", out LocalDate date) ? date : default;
}
