using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Cli;

/// <summary>
/// The synthetic workforce data that <c>upon demo</c> embeds (docs/examples/) is exactly
/// Upon.Core.Testing's <see cref="SyntheticWorkforce.Default"/>, written by the library's own writers: the
/// tool cannot depend on the testing package (and FsCheck), so it carries the data as files, and this test
/// keeps the two the same. When the generator changes on purpose, copy the .received files it writes over
/// the embedded ones.
/// </summary>
public sealed class DemoDataTests
{
    [Fact]
    public void EmbeddedRegister_IsTheSyntheticRegister()
    {
        using StringWriter csv = new();
        AuthorityRegisterDocument.WriteCsv(csv, SyntheticWorkforce.Default.Register);
        AssertFile("synthetic-register.csv", csv.ToString());
    }

    [Fact]
    public void EmbeddedAppointments_AreTheSyntheticAppointments()
    {
        using StringWriter csv = new();
        AppointmentDocument.WriteCsv(csv, SyntheticWorkforce.Default.Appointments);
        AssertFile("synthetic-appointments.csv", csv.ToString());
    }

    [Fact]
    public void EmbeddedJudgements_AreTheSyntheticJudgements_AndReadBackWithNoProblems()
    {
        using StringWriter csv = new();
        OfstedJudgementDocument.WriteCsv(csv, SyntheticWorkforce.Default.Judgements);
        AssertFile("synthetic-judgements.csv", csv.ToString());
        using FileStream judgements = File.OpenRead(Repository.PathOf("docs", "examples", "synthetic-judgements.csv"));
        OfstedJudgementValidationResult validated = OfstedJudgementValidation.Validate(OfstedJudgementDocument.ReadCsv(judgements), SyntheticWorkforce.Default.Register, SyntheticWorkforce.CoverageEnd);
        Assert.Empty(validated.Reported);
        Assert.Equal(SyntheticWorkforce.Default.Judgements.ToArray(), validated.Judgements.ToArray());
    }

    [Fact]
    public void EmbeddedFiles_ReadBackAsTheSyntheticWorkforce_WithNoProblems()
    {
        AuthorityRegisterReadResult register;
        using (FileStream stream = File.OpenRead(Repository.PathOf("docs", "examples", "synthetic-register.csv")))
        {
            register = AuthorityRegisterDocument.ReadCsv(stream);
        }

        Assert.True(register.IsValid);
        Assert.Equal(SyntheticWorkforce.Default.Register.Authorities.Length, register.Register.Authorities.Length);
        using FileStream appointments = File.OpenRead(Repository.PathOf("docs", "examples", "synthetic-appointments.csv"));
        AppointmentValidationResult validated = AppointmentValidation.Validate(AppointmentDocument.ReadCsv(appointments), register.Register, SyntheticWorkforce.CoverageEnd);
        Assert.Empty(validated.Reported);
        Assert.Equal(SyntheticWorkforce.Default.Appointments.Length, validated.Summary.Records);
        Assert.Equal(SyntheticWorkforce.Default.Appointments.ToHashSet(), validated.Appointments.ToHashSet());
    }

    [Fact]
    public void EmbeddedFacts_AreTheProgrammeFacts()
    {
        using MemoryStream bytes = new();
        using (Utf8JsonWriter writer = new(bytes, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (ProgrammeFact fact in ProgrammeFacts.All)
            {
                writer.WriteStartObject();
                writer.WriteString("topic", fact.Topic);
                writer.WriteString("value", fact.Value);
                if (fact.Number is decimal number)
                {
                    writer.WriteNumber("number", number);
                }

                if (fact.Quote is not null)
                {
                    writer.WriteString("quote", fact.Quote);
                }

                writer.WriteString("publisher", fact.Source.Publisher);
                if (fact.Source.Published is LocalDate published)
                {
                    writer.WriteString("published", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                writer.WriteString("source", fact.Source.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        AssertFile("programme-facts.json", Encoding.UTF8.GetString(bytes.ToArray()).ReplaceLineEndings("\n") + "\n");
    }

    private static void AssertFile(string name, string expected)
    {
        string path = Repository.PathOf("docs", "examples", name);
        string received = Path.ChangeExtension(path, ".received" + Path.GetExtension(path));
        string actual = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        if (actual != expected)
        {
            File.WriteAllText(received, expected);
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }

        Assert.True(actual == expected, $"{path} is not what the fixture writes (SyntheticWorkforce.Default, ProgrammeFacts); if that is intended, copy {received} over it.");
    }
}
