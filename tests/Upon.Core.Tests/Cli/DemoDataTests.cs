using System.IO;
using System.Linq;
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
    public void EmbeddedFiles_ReadBackAsTheSyntheticWorkforce_WithNoProblems()
    {
        AuthorityRegisterReadResult register;
        using (FileStream stream = File.OpenRead(Repository.PathOf("docs", "examples", "synthetic-register.csv")))
        {
            register = AuthorityRegisterDocument.ReadCsv(stream);
        }

        Assert.True(register.IsValid);
        Assert.Equal(SyntheticWorkforce.AuthorityCount, register.Register.Authorities.Length);
        using FileStream appointments = File.OpenRead(Repository.PathOf("docs", "examples", "synthetic-appointments.csv"));
        AppointmentValidationResult validated = AppointmentValidation.Validate(AppointmentDocument.ReadCsv(appointments), register.Register, SyntheticWorkforce.CoverageEnd);
        Assert.Empty(validated.Reported);
        Assert.Equal(SyntheticWorkforce.Default.Appointments.Length, validated.Summary.Records);
        Assert.Equal(SyntheticWorkforce.Default.Appointments.ToHashSet(), validated.Appointments.ToHashSet());
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

        Assert.True(actual == expected, $"{path} is not SyntheticWorkforce.Default as the writers write it; if that is intended, copy {received} over it.");
    }
}
