using System.IO;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using FsCheck.Fluent;
using FsCheck;
using Upon.Core.Serialization;
using Upon.Core.Timelines;

namespace Upon.Core.Tests.Timelines;

/// <summary>What <see cref="ProgrammeYearDocument"/> writes, it reads back as an equal programme year.</summary>
public sealed class ProgrammeYearDocumentRoundTripTests
{
    [Property]
    public Property ReadOfWrite_GeneratedYears_IsTheSameYear() =>
        Prop.ForAll(TimelineGenerators.DocumentProgrammeYears(), year =>
        {
            foreach (bool indented in (bool[])[false, true])
            {
                using MemoryStream stream = new();
                ProgrammeYearDocument.Write(stream, year, indented);
                stream.Position = 0;

                DocumentResult<ProgrammeYear> read = ProgrammeYearDocument.Read(stream);

                Assert.Empty(read.Problems);
                Assert.Equal(year, read.Value);
            }
        });

    [Property]
    public Property ParseOfWriter_GeneratedYears_IsTheSameYear() =>
        Prop.ForAll(TimelineGenerators.DocumentProgrammeYears(), year =>
        {
            using MemoryStream stream = new();
            using (Utf8JsonWriter writer = new(stream))
            {
                ProgrammeYearDocument.Write(writer, year);
            }

            Assert.Equal(year, ProgrammeYearDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).GetValueOrThrow());
        });

    [Fact]
    public void ReadOfWrite_BuiltInYears_IsTheSameYear()
    {
        foreach (ProgrammeYear year in BuiltInTimelines.All)
        {
            using MemoryStream stream = new();
            ProgrammeYearDocument.Write(stream, year, indented: true);
            stream.Position = 0;

            Assert.Equal(year, ProgrammeYearDocument.Read(stream).GetValueOrThrow());
        }
    }
}
