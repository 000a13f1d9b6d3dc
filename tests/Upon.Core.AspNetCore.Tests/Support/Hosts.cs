using System.Collections.Generic;

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>The sample host as it ships: the built-in policies, no folder, the default limits.</summary>
public sealed class DefaultHost : EligibilityFactory;

/// <summary>The sample host with small limits: an application (or a line) of at most 2 KiB, a JSON Lines body of at most 16 KiB.</summary>
public sealed class SmallLimitsHost()
    : EligibilityFactory(new Dictionary<string, string?> { ["MaxApplicationBytes"] = MaxApplicationBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), ["MaxBatchBytes"] = MaxBatchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) })
{
    public const int MaxApplicationBytes = 2048;

    public const int MaxBatchBytes = 16384;
}

/// <summary>The sample host for the JSON Lines property: lines of at most 4 KiB, so that some generated lines are too large.</summary>
public sealed class PropertyHost()
    : EligibilityFactory(new Dictionary<string, string?> { ["MaxApplicationBytes"] = MaxApplicationBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) })
{
    public const int MaxApplicationBytes = 4096;
}
