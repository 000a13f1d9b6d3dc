using System;
using System.IO;
using System.Threading.Tasks;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>A replayed stream gives the bytes looked at and then the rest, is read-only, and disposes the rest unless told to leave it open.</summary>
public sealed class ReplayedStreamEdgeTests
{
    [Fact]
    public void Dispose_DisposesTheRest()
    {
        MemoryStream rest = new([1, 2, 3]);
        new ReplayedStream(new byte[] { 0 }, rest).Dispose();
        Assert.False(rest.CanRead);
    }

    [Fact]
    public void Dispose_LeavingOpen_KeepsTheRestReadable()
    {
        MemoryStream rest = new([1, 2, 3]);
        new ReplayedStream(new byte[] { 0 }, rest, leaveOpen: true).Dispose();
        Assert.True(rest.CanRead);
        Assert.Equal(1, rest.ReadByte());
    }

    [Fact]
    public async Task Read_GivesTheHeadThenTheRest_SynchronouslyOrNot()
    {
        using ReplayedStream stream = new(new byte[] { 1, 2, 3 }, new MemoryStream([4, 5]));
        byte[] buffer = new byte[2];
        Assert.Equal(2, stream.Read(buffer));
        Assert.Equal(new byte[] { 1, 2 }, buffer);
        Assert.Equal(1, await stream.ReadAsync(buffer.AsMemory()));
        Assert.Equal(3, buffer[0]);
        Assert.Equal(2, await stream.ReadAsync(buffer.AsMemory()));
        Assert.Equal(new byte[] { 4, 5 }, buffer);
        Assert.Equal(0, stream.Read(buffer));
    }

    [Fact]
    public void TheStream_IsReadOnlyAndForwardOnly()
    {
        using ReplayedStream stream = new(new byte[] { 1 }, Stream.Null);
        Assert.True(stream.CanRead);
        Assert.False(stream.CanWrite);
        Assert.False(stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
    }
}
