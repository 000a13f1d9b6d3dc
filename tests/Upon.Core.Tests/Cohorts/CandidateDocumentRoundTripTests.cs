using System.IO;
using System.Linq;
using FsCheck.Xunit;
using FsCheck.Fluent;
using FsCheck;
using Upon.Core.Cohorts;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Cohorts;

/// <summary>What <see cref="CandidateDocument"/> writes, as JSON Lines or as an array, it reads back as the same candidates in order.</summary>
public sealed class CandidateDocumentRoundTripTests
{
    [Property]
    public Property ReadOfWrite_GeneratedCandidates_AreTheSameCandidates_InEveryLayout() =>
        Prop.ForAll(CompositionGenerators.CandidateProfiles(), profiles =>
        {
            foreach ((BatchFormat format, bool indented) in ((BatchFormat, bool)[])[(BatchFormat.JsonLines, false), (BatchFormat.JsonArray, false), (BatchFormat.JsonArray, true)])
            {
                using MemoryStream stream = new();
                CandidateDocument.Write(stream, profiles, format, indented);
                stream.Position = 0;

                RecordResult<CandidateProfile>[] read = [.. CandidateDocument.Read(stream, format)];
                stream.Position = 0;
                RecordResult<CandidateProfile>[] detected = [.. CandidateDocument.Read(stream)];

                Assert.All(read, r => Assert.True(r.IsValid, r.ToString()));
                Assert.Equal(profiles, read.Select(r => r.Value));
                Assert.Equal(read, detected);
            }
        });

    [Property]
    public Property Write_JsonLines_IsOneCompactRecordALine_EvenWhenIndentedIsAsked() =>
        Prop.ForAll(CompositionGenerators.CandidateProfiles(), profiles =>
        {
            using MemoryStream lines = new();
            CandidateDocument.Write(lines, profiles, BatchFormat.JsonLines, indented: true);

            Assert.Equal(profiles.Length, lines.ToArray().Count(b => b == (byte)'\n'));
            Assert.Equal(lines.ToArray(), Written(profiles, BatchFormat.Auto));
        });

    private static byte[] Written(CandidateProfile[] profiles, BatchFormat format)
    {
        using MemoryStream stream = new();
        CandidateDocument.Write(stream, profiles, format);
        return stream.ToArray();
    }
}
