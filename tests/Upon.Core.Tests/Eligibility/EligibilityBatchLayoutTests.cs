using System;
using System.IO;
using System.Text;
using NodaTime;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Eligibility;

/// <summary>How <see cref="BatchFormat.Auto"/> tells an array, JSON Lines and a single indented document apart.</summary>
public sealed class EligibilityBatchLayoutTests
{
    private static readonly Application Sample = new(
        "L-1", "2021/22", new LocalDate(2021, 6, 1),
        [new Role("AD", "Council", OrganisationType.LocalAuthority, Sector.ChildrensServices, RoleLevel.AssistantDirector, new LocalDate(2017, 1, 2))],
        new LocalDate(2023, 1, 1), "Children first.");

    [Fact]
    public void Auto_IndentedSingleApplication_IsOneDocument()
    {
        using MemoryStream stream = new();
        ApplicationDocument.Write(stream, Sample, indented: true);
        Assert.Contains("\n", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
        stream.Position = 0;

        RecordResult<EligibilityDecision> item = Assert.Single(new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(stream));

        Assert.True(item.IsValid);
        Assert.Equal("L-1", item.Value.ApplicationId);
        Assert.Equal(1, item.RecordNumber);
    }

    [Fact]
    public void Auto_ArrayAfterLongWhiteSpace_FromANonSeekableStream_IsAnArray()
    {
        string one = Encoding.UTF8.GetString(Write(Sample));
        byte[] bytes = Encoding.UTF8.GetBytes(new string(' ', 10_000) + "\n[" + one + "," + one + "]");
        using ForwardOnlyStream stream = new(bytes);

        RecordResult<EligibilityDecision>[] items = [.. new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(stream)];

        Assert.Equal(2, items.Length);
        Assert.All(items, i => Assert.True(i.IsValid));
    }

    [Fact]
    public void Auto_JsonLinesWithAMalformedFirstRecord_IsStillJsonLines()
    {
        string good = Encoding.UTF8.GetString(Write(Sample));
        byte[] bytes = Encoding.UTF8.GetBytes("{\"id\": \"broken\", }\n" + good + "\n");
        using MemoryStream stream = new(bytes);

        RecordResult<EligibilityDecision>[] items = [.. new EligibilityBatch(PolicyRegistry.BuiltIn).Evaluate(stream)];

        Assert.Equal(2, items.Length);
        Assert.False(items[0].IsValid);
        Assert.Equal(1, items[0].RecordNumber);
        Assert.True(items[1].IsValid);
    }

    [Fact]
    public void Constructor_AsOfOutsideTheSupportedDates_Throws() =>
        Assert.Equal("asOf", Assert.Throws<ArgumentOutOfRangeException>(() => new EligibilityBatch(PolicyRegistry.BuiltIn, asOf: new LocalDate(9999, 1, 1))).ParamName);

    [Fact]
    public void Cli_AsOfOutsideTheSupportedDates_IsAUsageError()
    {
        string file = Path.Combine(Path.GetTempPath(), $"upon-asof-{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(file, Write(Sample));
        try
        {
            using StringWriter output = new();
            using StringWriter error = new();
            int exit = Upon.Cli.UponCommandLine.Run(["eligibility", "check", file, "--as-of", "9999-01-01"], output, error);

            Assert.Equal(2, exit);
            Assert.Contains("--as-of must be from 1900-01-01 to 2199-12-31", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static byte[] Write(Application application)
    {
        using MemoryStream stream = new();
        ApplicationDocument.Write(stream, application);
        return stream.ToArray();
    }

    /// <summary>A stream that cannot seek, as standard input cannot.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
