using System;
using System.IO;

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>
/// Compares what a test made with a reviewed file in the repository: on a difference it writes what it made beside the
/// file (NAME.received.EXT, ignored by git) for a person to review and copy over it; on a match it deletes any left.
/// </summary>
internal static class ApprovedFile
{
    public static void AssertMatches(string received, string approvedPath, string receivedPath, Func<string, string> normalise, string message)
    {
        string approved = File.Exists(approvedPath) ? normalise(File.ReadAllText(approvedPath)) : string.Empty;
        if (received != approved)
        {
            File.WriteAllText(receivedPath, received);
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }

        Assert.True(received == approved, message);
    }
}
