using System.IO;

namespace Upon.Core.Tests.Support;

/// <summary>
/// Compares what a test made with a reviewed file in the repository: on a difference it writes what it made beside the
/// file (NAME.received.EXT, ignored by git) for a person to review and copy over it; on a match it deletes any left.
/// </summary>
internal static class ApprovedFile
{
    /// <summary>Asserts that <paramref name="received"/> is the text of <paramref name="approvedPath"/> (empty when there is none).</summary>
    /// <param name="received">What the test made, normalised as the approved text is.</param>
    /// <param name="approvedPath">The reviewed file.</param>
    /// <param name="receivedPath">Where to write <paramref name="received"/> when it differs.</param>
    /// <param name="normalise">How the approved file's text is read for the comparison.</param>
    /// <param name="message">What the failure says.</param>
    public static void AssertMatches(string received, string approvedPath, string receivedPath, System.Func<string, string> normalise, string message)
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
