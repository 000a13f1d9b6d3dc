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

/// <summary>What <see cref="DecisionDocument"/> writes, it reads back as an equal decision, explanation included.</summary>
public sealed class DecisionDocumentRoundTripTests
{
    [Property]
    public Property ReadOfWrite_GeneratedDecisions_IsTheSameDecision() =>
        Prop.ForAll(Arb.From(Decisions()), decision =>
        {
            foreach (bool indented in (bool[])[false, true])
            {
                using MemoryStream stream = new();
                DecisionDocument.Write(stream, decision, indented);
                byte[] written = stream.ToArray();
                stream.Position = 0;

                DocumentResult<EligibilityDecision> read = DecisionDocument.Read(stream);

                Assert.Empty(read.Problems);
                Assert.Equal(decision, read.Value);
                Assert.Equal(decision.Explanation.Message, read.Value!.Explanation.Message);
                using MemoryStream again = new();
                DecisionDocument.Write(again, read.Value, indented);
                Assert.Equal(written, again.ToArray());
            }
        });

    [Property]
    public Property ParseOfWriter_GeneratedDecisions_IsTheSameDecision() =>
        Prop.ForAll(Arb.From(Decisions()), decision =>
        {
            using MemoryStream stream = new();
            using (Utf8JsonWriter writer = new(stream))
            {
                DecisionDocument.Write(writer, decision);
            }

            Assert.Equal(decision, DecisionDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).GetValueOrThrow());
        });

    [Fact]
    public void Write_PeriodsWithTimeUnits_AreWrittenAsTheRoundtripPatternWritesThem()
    {
        // A decision's own periods are of dates alone, written without NodaTime's formatter; a result made by hand may
        // carry hours, and those go through the formatter.
        CriterionResult result = new("r", "A rule", RuleKind.Experience, CriterionOutcome.Pass, "experience.met")
        {
            Measured = NodaTime.Period.FromHours(36),
            Required = NodaTime.Period.FromYears(3),
            Difference = NodaTime.Period.Zero,
        };
        EligibilityDecision decision = new("A-1", EligibilityOutcome.Eligible, "p", 1, new NodaTime.LocalDate(2024, 1, 31), result, null);
        using MemoryStream stream = new();

        DecisionDocument.Write(stream, decision);

        string json = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\"measured\":\"PT36H\",\"required\":\"P3Y\",\"difference\":\"P0D\"", json, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverTheLimit_IsDocumentTooLarge()
    {
        using MemoryStream stream = new(new byte[100]);

        DocumentProblem problem = Assert.Single(DecisionDocument.Read(stream, maxBytes: 99).Problems);

        Assert.Equal((JsonPath.Root, DocumentProblemCodes.DocumentTooLarge), (problem.Path, problem.Code));
        Assert.Equal(DocumentProblemCodes.DocumentTooLarge, Assert.Single(DecisionDocument.Parse(new string(' ', 100), maxBytes: 99).Problems).Code);
    }
}
