using System;
using System.IO;

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository's root folder (the one holding Upon.Core.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The full path of a file or folder given relative to the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

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
