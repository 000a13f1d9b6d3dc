using FsCheck.Xunit;

// Every [Property] in the suite runs at least 1,000 cases: set here once, for the whole assembly.
// PropertySettingsTests proves that each property's effective configuration keeps this number.
[assembly: Properties(MaxTest = Upon.Core.Tests.Support.PropertySettings.MaxTest)]

namespace Upon.Core.Tests.Support;

/// <summary>The suite's one setting for FsCheck.Xunit properties.</summary>
public static class PropertySettings
{
    /// <summary>The number of cases every <see cref="PropertyAttribute"/> test runs: the same as <see cref="UponProperty.DefaultMaxTest"/>.</summary>
    public const int MaxTest = UponProperty.DefaultMaxTest;
}
