using System.IO;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using FsCheck;
using FsCheck.Fluent;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using static Upon.Core.Testing.EligibilityDocumentGenerators;

namespace Upon.Core.Tests.Eligibility;

/// <summary>What <see cref="ApplicationDocument"/> writes, it reads back as an equal submission (the application beside its monitoring answers).</summary>
public sealed class ApplicationDocumentRoundTripTests
{
    [Property]
    public Property ReadOfWrite_GeneratedSubmissions_IsTheSameSubmission() =>
        Prop.ForAll(Arb.From(Submissions()), submission =>
        {
            foreach (bool indented in (bool[])[false, true])
            {
                using MemoryStream stream = new();
                ApplicationDocument.Write(stream, submission, indented);
                stream.Position = 0;

                DocumentResult<ApplicationSubmission> read = ApplicationDocument.Read(stream);

                Assert.Empty(read.Problems);
                Assert.Equal(submission, read.Value);
            }
        });

    [Property]
    public Property ParseOfWriter_GeneratedSubmissions_IsTheSameSubmission() =>
        Prop.ForAll(Arb.From(Submissions()), submission =>
        {
            using MemoryStream stream = new();
            using (Utf8JsonWriter writer = new(stream))
            {
                ApplicationDocument.Write(writer, submission);
            }

            Assert.Equal(submission, ApplicationDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).GetValueOrThrow());
        });
}
