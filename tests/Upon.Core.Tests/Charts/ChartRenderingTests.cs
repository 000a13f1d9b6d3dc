using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Charts;

/// <summary>
/// Every chart the demo draws renders to a PNG of its size with rsvg-convert (librsvg), which refuses SVG that is not
/// well formed or that it cannot draw. CI installs the tool first (.ci/install-chart-renderer); scripts/render-charts
/// renders the same charts for a person to look at.
/// </summary>
public sealed class ChartRenderingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("upon-charts-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void EveryDemoChart_RendersToAPngOfItsSize()
    {
        (int exitCode, _, string error) = InProcessCli.Run("demo", "--out", folder);
        Assert.True(exitCode == 0, error);
        string[] charts = Directory.GetFiles(folder, "*.svg");
        Assert.Equal(["tenure-exit-reasons.svg", "tenure-kaplan-meier.svg", "turnover.svg"], charts.Select(Path.GetFileName).Order(StringComparer.Ordinal));

        foreach (string svg in charts)
        {
            string png = Path.ChangeExtension(svg, ".png");
            (int status, string message) = Render(svg, png);
            Assert.True(status == 0, $"rsvg-convert failed on {Path.GetFileName(svg)}: {message}");

            byte[] bytes = File.ReadAllBytes(png);
            Assert.Equal("\x89PNG\r\n\x1a\n", new string([.. bytes.Take(8).Select(b => (char)b)]));
            Assert.Equal((640, 400), (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
            Assert.True(bytes.Length > 10_000, $"{Path.GetFileName(png)} is {bytes.Length} bytes: too small to hold a chart.");
        }
    }

    private static (int Status, string Message) Render(string svg, string png)
    {
        ProcessStartInfo start = new("rsvg-convert") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(png);
        start.ArgumentList.Add(svg);
        try
        {
            using Process process = Process.Start(start)!;
            string message = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, message);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, "rsvg-convert is not installed; run .ci/install-chart-renderer (CI does).");
        }
    }
}
