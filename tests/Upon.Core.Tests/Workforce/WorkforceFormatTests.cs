using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck.Xunit;
using FsCheck.Fluent;
using FsCheck;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary><see cref="WorkforceFormat"/> tells CSV from JSON; <see cref="AuthorityRegister.FromAuthorityCodes"/> makes a register from codes.</summary>
public sealed class WorkforceFormatTests
{
    [Theory]
    [InlineData("appointments.csv", WorkforceFileFormat.Csv)]
    [InlineData("APPOINTMENTS.CSV", WorkforceFileFormat.Csv)]
    [InlineData("data/register.json", WorkforceFileFormat.Json)]
    [InlineData("a.jsonl", WorkforceFileFormat.Json)]
    [InlineData("a.NDJSON", WorkforceFileFormat.Json)]
    [InlineData("a.txt", null)]
    [InlineData("-", null)]
    [InlineData("", null)]
    public void FromFileName_KnowsFourExtensions(string name, WorkforceFileFormat? expected) =>
        Assert.Equal(expected, WorkforceFormat.FromFileName(name));

    [Theory]
    [InlineData("[{\"a\":1}]", WorkforceFileFormat.Json)]
    [InlineData("{\"a\":1}\n{\"a\":2}", WorkforceFileFormat.Json)]
    [InlineData(" \t\r\n\uFEFF[]", WorkforceFileFormat.Json)]
    [InlineData("authority,holder,start\n", WorkforceFileFormat.Csv)]
    [InlineData("\uFEFFauthority", WorkforceFileFormat.Csv)]
    [InlineData("   ", WorkforceFileFormat.Csv)]
    [InlineData("", WorkforceFileFormat.Csv)]
    public void Detect_ByTheFirstSignificantByte_GivesBackEveryByte(string content, WorkforceFileFormat expected)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(content);
        using NonSeekableStream input = new(bytes);

        using Stream replayed = WorkforceFormat.Detect(input, out WorkforceFileFormat format);
        using MemoryStream copy = new();
        replayed.CopyTo(copy);

        Assert.Equal(expected, format);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public void Detect_ReadsOnlyUpToTheFirstSignificantByte()
    {
        using NonSeekableStream input = new(Encoding.UTF8.GetBytes("  [1,2,3]"));

        using Stream replayed = WorkforceFormat.Detect(input, out _);

        Assert.Equal(3, input.BytesRead);
    }

    [Fact]
    public void Detect_WithAFileName_TrustsTheExtension_ElseTheContent()
    {
        using MemoryStream json = new(Encoding.UTF8.GetBytes("[]"));

        Assert.Same(json, WorkforceFormat.Detect("a.csv", json, out WorkforceFileFormat named));
        Assert.Equal(WorkforceFileFormat.Csv, named);
        Assert.Equal(0, json.Position);
        using Stream replayed = WorkforceFormat.Detect(null, json, out WorkforceFileFormat sniffed);
        Assert.Equal(WorkforceFileFormat.Json, sniffed);
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => WorkforceFormat.Detect("a.csv", null!, out _)).ParamName);
        Assert.Equal("fileName", Assert.Throws<ArgumentNullException>(() => WorkforceFormat.FromFileName(null!)).ParamName);
    }

    [Property]
    public Property Detect_OfAnyBytes_ReplaysThemAll_AndSaysJsonOnlyForABracketOrBrace() =>
        Prop.ForAll(FsCheck.Fluent.ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            using NonSeekableStream input = new(bytes);
            using Stream replayed = WorkforceFormat.Detect(input, out WorkforceFileFormat format);
            using MemoryStream copy = new();
            replayed.CopyTo(copy);

            Assert.Equal(bytes, copy.ToArray());
            byte? first = bytes.SkipWhile(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF).Cast<byte?>().FirstOrDefault();
            Assert.Equal(first is (byte)'[' or (byte)'{' ? WorkforceFileFormat.Json : WorkforceFileFormat.Csv, format);
        });

    [Fact]
    public void FromAuthorityCodes_KeepsEachCodeOnce_InForceThroughout_InAnUnknownRegion()
    {
        AuthorityRegister register = AuthorityRegister.FromAuthorityCodes(["B", "A", "B", "b"]);

        Assert.Equal(["B", "A", "b"], register.Authorities.Select(a => a.Code));
        Assert.All(register.Authorities, a =>
        {
            Assert.Equal(a.Code, a.Name);
            Assert.Equal(AuthorityRegister.UnknownRegion, a.Region);
            Assert.Equal(LocalDate.MinIsoValue, a.EffectiveFrom);
            Assert.Null(a.EffectiveTo);
        });
        Assert.Equal("codes", Assert.Throws<ArgumentNullException>(() => AuthorityRegister.FromAuthorityCodes(null!)).ParamName);
        Assert.Equal("codes", Assert.Throws<ArgumentNullException>(() => AuthorityRegister.FromAuthorityCodes(["A", null!])).ParamName);
    }

    [Property]
    public Property FromAppointments_IsTheRegisterOfTheirCodes() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            AuthorityRegister register = AuthorityRegister.FromAppointments(input.Appointments);

            Assert.Equal(input.Appointments.Select(a => a.AuthorityCode).Distinct(StringComparer.Ordinal), register.Authorities.Select(a => a.Code));
            Assert.All(input.Appointments, a => Assert.True(register.Find(a.AuthorityCode)!.IsInForceOn(a.Start)));
        });

    /// <summary>A read-only stream that cannot seek, like standard input, and counts the bytes read from it.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes, writable: false);

        public int BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
