using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using FsCheck.Fluent;
using FsCheck;
using Upon.Core.Cohorts;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Cohorts;

/// <summary>What <see cref="CompositionDocument"/> writes, it reads back as the same figures.</summary>
public sealed class CompositionDocumentRoundTripTests
{
    [Property]
    public Property ReadOfWrite_GeneratedFigures_IsTheSameFigures() =>
        Prop.ForAll(CompositionGenerators.Figures(), figures =>
        {
            foreach (bool indented in (bool[])[false, true])
            {
                using MemoryStream stream = new();
                CompositionDocument.Write(stream, figures, indented);
                byte[] written = stream.ToArray();
                stream.Position = 0;

                DocumentResult<CompositionFigures> read = CompositionDocument.Read(stream);

                Assert.Empty(read.Problems);
                AssertSame(figures, read.Value!);
                using MemoryStream again = new();
                CompositionDocument.Write(again, read.Value!, indented);
                Assert.Equal(written, again.ToArray());
            }
        });

    [Property]
    public Property ParseOfWriter_GeneratedFigures_IsTheSameFigures() =>
        Prop.ForAll(CompositionGenerators.Figures(), figures =>
        {
            using MemoryStream stream = new();
            using (Utf8JsonWriter writer = new(stream))
            {
                CompositionDocument.Write(writer, figures);
            }

            AssertSame(figures, CompositionDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).GetValueOrThrow());
        });

    [Fact]
    public void Parse_OverTheLimit_IsDocumentTooLarge() =>
        Assert.Equal(DocumentProblemCodes.DocumentTooLarge, Assert.Single(CompositionDocument.Parse(new string(' ', 11), maxBytes: 10).Problems).Code);

    private static void AssertSame(CompositionFigures expected, CompositionFigures actual)
    {
        // Figures have no value equality: compare what they hold.
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Dimensions.Select(d => (d.Dimension, d.StatedTotal)), actual.Dimensions.Select(d => (d.Dimension, d.StatedTotal)));
        Assert.Equal(expected.Dimensions.Select(d => d.Counts.ToArray()), actual.Dimensions.Select(d => d.Counts.ToArray()));
    }
}
