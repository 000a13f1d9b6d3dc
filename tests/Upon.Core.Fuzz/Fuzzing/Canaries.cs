using System;
using System.Globalization;

namespace Upon.Core.Fuzz.Fuzzing;

/// <summary>
/// Recognisable strings planted in documents. Each kind has its own tag, so a problem can tell where a leak came
/// from: a value (<see cref="ValueTag"/>), an invented property name (<see cref="KeyTag"/>), or an invented
/// property name inside the equality-monitoring object (<see cref="MonitoringKeyTag"/>). Every canary holds
/// <see cref="Tag"/>, which no problem message may ever hold.
/// </summary>
internal sealed class Canaries
{
    public const string Tag = "CANARY";

    public const string ValueTag = "VCANARY";

    public const string KeyTag = "KCANARY";

    public const string MonitoringKeyTag = "MCANARY";

    /// <summary>The key of issue 11 that forges an error line and colours the terminal, with a canary after it.</summary>
    public const string ForgingKey = "x\nrecord 99: FAKE LINE\u001b[31m";

    private static readonly string[] KeyDecorations =
    [
        string.Empty,
        ForgingKey,
        "White British ",
        "a'b\\c]['",
        "\u2028\u2029",
        "\u0085\u009b[2J",
        "\u007f\r\n\t",
        "$..*",
        " ",
    ];

    private int next;

    /// <summary>A value canary: alone, or inside ordinary text (and sometimes with characters JSON must escape).</summary>
    public string Value(FuzzRandom random)
    {
        string canary = ValueTag + Number();
        return random.Next(4) switch
        {
            0 => canary,
            1 => "Sam " + canary + " Smith",
            2 => canary + ", \"quoted\"\n" + canary,
            _ => "White British " + canary,
        };
    }

    /// <summary>An invented property name (or CSV column name) outside the monitoring object.</summary>
    public string Key(FuzzRandom random) => random.Pick(KeyDecorations) + KeyTag + Number();

    /// <summary>An invented property name inside the equality-monitoring object: it reads like an answer.</summary>
    public string MonitoringKey(FuzzRandom random) => random.Pick(KeyDecorations) + MonitoringKeyTag + Number();

    public static bool HasAny(string text) => text.Contains(Tag, StringComparison.OrdinalIgnoreCase);

    private string Number() => (next++).ToString("D4", CultureInfo.InvariantCulture);
}
