using System;
using System.IO;

namespace Upon.Core.Tests.Support;

/// <summary>Finds files of the repository the tests were built from.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository's root folder (the one holding Upon.Core.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>Gets the full path of a file or folder given relative to the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Gets the full path of a golden file copied to the test output folder.</summary>
    public static string GoldenFile(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Golden", .. parts]);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Upon.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find Upon.Core.sln above " + AppContext.BaseDirectory);
    }
}
