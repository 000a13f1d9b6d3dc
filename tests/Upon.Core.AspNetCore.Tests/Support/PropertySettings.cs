using FsCheck.Xunit;

// Every [Property] in this suite runs at least 1,000 cases, as in tests/Upon.Core.Tests: set here once, for the assembly.
[assembly: Properties(MaxTest = Upon.Core.AspNetCore.Tests.Support.PropertySettings.MaxTest)]

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>The suite's one setting for FsCheck.Xunit properties.</summary>
public static class PropertySettings
{
    /// <summary>The number of cases every property runs: <see cref="UponProperty.DefaultMaxTest"/>.</summary>
    public const int MaxTest = UponProperty.DefaultMaxTest;
}
