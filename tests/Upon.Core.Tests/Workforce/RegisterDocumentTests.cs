using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

public sealed class RegisterDocumentTests
{
    private const string Header = "code,name,region,effectiveFrom,effectiveTo\n";

    private static AuthorityRegisterReadResult Csv(string text) =>
        AuthorityRegisterDocument.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static AuthorityRegisterReadResult Json(string text, BatchFormat format = BatchFormat.Auto) =>
        AuthorityRegisterDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), format);

    private static string[] Problems(AuthorityRegisterReadResult result) =>
        [.. result.Reported.SelectMany(r => r.Problems.Select(p => $"{r.RecordNumber} {p.Path} {p.Code}"))];

    [Fact]
    public void CsvReadsQuotedFieldsInAnyColumnOrder()
    {
        AuthorityRegisterReadResult result = Csv("\uFEFFRegion,name,CODE,effectiveFrom\r\n\"South, West\",\"Bay \"\"and\"\" Isles\",E1,2009-04-01\r\nLondon,Kingsgate,E2,2010-01-01\n");

        Assert.True(result.IsValid);
        Assert.Equal(2, result.Records);
        Assert.Equal(
            [new Authority("E1", "Bay \"and\" Isles", "South, West", new LocalDate(2009, 4, 1)), new Authority("E2", "Kingsgate", "London", new LocalDate(2010, 1, 1))],
            result.Register.Authorities.AsEnumerable());
    }

    [Fact]
    public void CsvReportsEveryProblemWithItsRecordNumberPathAndCode()
    {
        AuthorityRegisterReadResult result = Csv(Header +
            "A,Northshire,North East,2009-04-01,\n" +
            ",Southshire, ,2009-04-01,\n" +
            "C,Eastshire,East,2009-02-30,2008-13-01\n" +
            "D,Westshire,West,2010-04-01,2010-03-31\n" +
            "E,Extra,West,2010-04-01,,surplus\n" +
            "F,Fo\"o,West,2010-04-01,\n" +
            "\n" +
            "G,\"Unclosed,West,2010-04-01,\n");

        Assert.Equal(7, result.Records);
        Assert.Equal(["A"], result.Register.Authorities.Select(a => a.Code));
        Assert.Equal(
        [
            "2 code value.required", "2 region value.empty",
            "3 effectiveFrom date.invalid", "3 effectiveTo date.invalid",
            "4 effectiveTo date.end-before-start",
            "5 row csv.row-malformed", "6 row csv.row-malformed", "7 row csv.quote-unclosed",
        ],
            Problems(result));
    }

    [Theory]
    [InlineData("", "0 row collection.empty")]
    [InlineData("code,name,region\n", "0 effectiveFrom csv.header-invalid")]
    [InlineData("code,name,region,effectiveFrom,colour\n", "0 row csv.header-invalid")]
    [InlineData("code,name,region,effectiveFrom,code\n", "0 code csv.header-invalid")]
    [InlineData(Header, "0 row collection.empty")]
    public void CsvHeaderProblemsAreRecordZero(string csv, string expected)
    {
        AuthorityRegisterReadResult result = Csv(csv);

        Assert.Equal([expected], Problems(result));
        Assert.Empty(result.Register.Authorities.AsEnumerable());
    }

    [Fact]
    public void DuplicateCodesReportEveryRecordOfTheCode()
    {
        AuthorityRegisterReadResult result = Csv(Header +
            "A,Northshire,North East,2009-04-01,2015-03-31\n" +
            "B,Southshire,South East,2009-04-01,\n" +
            "A,Northshire,North East,2015-04-01,\n");

        Assert.Equal(["1 code register.code-duplicate", "3 code register.code-duplicate"], Problems(result));
        Assert.Equal(["B"], result.Register.Authorities.Select(a => a.Code));
        Assert.DoesNotContain(result.Reported.SelectMany(r => r.Problems), p => p.Message.Contains("Northshire", System.StringComparison.Ordinal) || p.Message.Contains("'A'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void JsonReadsArraysLinesAndSingleObjects()
    {
        const string One = "{\"code\":\"A\",\"name\":\"Northshire\",\"region\":\"North East\",\"effectiveFrom\":\"2009-04-01\",\"effectiveTo\":null}";
        const string Two = "{\"code\":\"B\",\"name\":\"Southshire\",\"region\":\"South East\",\"effectiveFrom\":\"2009-04-01\",\"effectiveTo\":\"2023-03-31\"}";
        Authority a = new("A", "Northshire", "North East", new LocalDate(2009, 4, 1));
        Authority b = new("B", "Southshire", "South East", new LocalDate(2009, 4, 1), new LocalDate(2023, 3, 31));

        Assert.Equal([a, b], Json($"[{One},\n{Two}]").Register.Authorities.AsEnumerable());
        Assert.Equal([a, b], Json($"{One}\n\n{Two}\n").Register.Authorities.AsEnumerable());
        Assert.Equal([b], Json(Two.Replace(",", ",\n  ", System.StringComparison.Ordinal)).Register.Authorities.AsEnumerable());
    }

    [Fact]
    public void JsonReportsUnknownPropertiesTypesAndDatesByLine()
    {
        AuthorityRegisterReadResult result = Json(
            "{\"code\":\"A\",\"name\":\"N\",\"region\":\"R\",\"effectiveFrom\":\"2009-04-01\",\"colour\":\"red\"}\n" +
            "{\"code\":1,\"name\":\"\",\"effectiveFrom\":\"2009-4-1\"}\n" +
            "\n" +
            "[1]\n" +
            "{\"code\":\"D\",\"name\":\"N\",\"region\":\"R\",\"effectiveFrom\":\"2009-04-01\",\"effectiveTo\":\"2009-03-31\"}\n" +
            "{not json\n" +
            "{\"code\":\"F\",\"name\":\"N\",\"region\":\"R\",\"effectiveFrom\":\"2009-04-01\"}\n");

        Assert.Equal(6, result.Records);
        Assert.Equal(["F"], result.Register.Authorities.Select(a => a.Code));
        Assert.Equal(
        [
            "1 $.colour property.unknown",
            "2 $.code value.type-mismatch", "2 $.name value.empty", "2 $.region value.required", "2 $.effectiveFrom date.invalid",
            "4 $ value.type-mismatch",
            "5 $.effectiveTo date.end-before-start",
            "6 $ json.invalid",
        ],
            Problems(result));
    }

    [Fact]
    public void JsonEmptyArrayIsReported()
    {
        Assert.Equal(["0 $ collection.empty"], Problems(Json("[]")));
        Assert.Equal(["0 $ collection.empty"], Problems(Json(string.Empty)));
    }

    [Fact]
    public void WriteJsonLeavesOutEffectiveToWhileInForce()
    {
        AuthorityRegister register = new([new Authority("A", "Northshire", "North East", new LocalDate(2009, 4, 1)), new Authority("B", "Søuth", "SE", new LocalDate(2009, 4, 1), new LocalDate(2023, 3, 31))]);
        using MemoryStream stream = new();
        AuthorityRegisterDocument.Write(stream, register, BatchFormat.JsonArray);

        Assert.Equal(
            "[{\"code\":\"A\",\"name\":\"Northshire\",\"region\":\"North East\",\"effectiveFrom\":\"2009-04-01\"},{\"code\":\"B\",\"name\":\"Søuth\",\"region\":\"SE\",\"effectiveFrom\":\"2009-04-01\",\"effectiveTo\":\"2023-03-31\"}]",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void WritersRejectNulls()
    {
        AuthorityRegister register = new([]);
        Assert.Equal("utf8Json", Assert.Throws<System.ArgumentNullException>(() => AuthorityRegisterDocument.Write(null!, register)).ParamName);
        Assert.Equal("register", Assert.Throws<System.ArgumentNullException>(() => AuthorityRegisterDocument.Write(new MemoryStream(), null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<System.ArgumentNullException>(() => AuthorityRegisterDocument.WriteCsv(null!, register)).ParamName);
        Assert.Equal("register", Assert.Throws<System.ArgumentNullException>(() => AuthorityRegisterDocument.WriteCsv(new StringWriter(), null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<System.ArgumentNullException>(() => AuthorityRegisterDocument.ReadCsv((Stream)null!)).ParamName);
        Assert.Equal("csv", Assert.Throws<System.ArgumentNullException>(() => AuthorityRegisterDocument.ReadCsv((TextReader)null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<System.ArgumentNullException>(() => AuthorityRegisterDocument.Read(null!)).ParamName);
    }

    [Property]
    public Property WrittenRegistersReadBackUnchanged()
    {
        return Prop.ForAll(RegisterGenerators.Registers(), authorities =>
        {
            AuthorityRegister register = new(authorities);
            using MemoryStream json = new();
            AuthorityRegisterDocument.Write(json, register);
            StringWriter csv = new();
            AuthorityRegisterDocument.WriteCsv(csv, register);
            json.Position = 0;

            AuthorityRegisterReadResult fromJson = AuthorityRegisterDocument.Read(json);
            AuthorityRegisterReadResult fromCsv = AuthorityRegisterDocument.ReadCsv(new StringReader(csv.ToString()));
            return (authorities.Length == 0 || (fromJson.IsValid && fromCsv.IsValid))
                && fromJson.Register.Authorities.SequenceEqual(authorities)
                && fromCsv.Register.Authorities.SequenceEqual(authorities);
        });
    }

    [Property]
    public Property RecordsInEqualAuthoritiesPlusRecordsReported()
    {
        return Prop.ForAll(RegisterGenerators.CsvRows(), rows =>
        {
            AuthorityRegisterReadResult result = Csv(Header + string.Concat(rows.Select(r => r + "\n")));
            int reported = result.Reported.Count(r => r.RecordNumber > 0);
            return result.Records == rows.Length
                && result.Records == result.Register.Authorities.Length + reported
                && result.Reported.Select(r => r.RecordNumber).SequenceEqual(result.Reported.Select(r => r.RecordNumber).Order());
        });
    }

    [Property]
    public Property DuplicateProblemsDoNotDependOnRecordOrder()
    {
        return Prop.ForAll(Arb.From(from rows in RegisterGenerators.CsvRows().Generator from shuffled in Gen.Shuffle(rows) select (rows, shuffled.ToArray())), pair =>
        {
            static string[] Codes(AuthorityRegisterReadResult result) =>
                [.. result.Register.Authorities.Select(a => a.Code).Order(System.StringComparer.Ordinal)];
            return Codes(Csv(Header + string.Concat(pair.rows.Select(r => r + "\n")))).SequenceEqual(Codes(Csv(Header + string.Concat(pair.Item2.Select(r => r + "\n")))));
        });
    }

    [Fact]
    public void CountInForceCountsTheDenominator()
    {
        AuthorityRegister register = ExampleRegister();

        Assert.Equal(13, register.Authorities.Length);
        Assert.Equal(12, register.CountInForceDuring(TurnoverPeriods.FinancialYear(2020)));
        Assert.Equal(12, register.CountInForceDuring(TurnoverPeriods.FinancialYear(2022)));
        Assert.Equal(11, register.CountInForceDuring(TurnoverPeriods.FinancialYear(2023)));
        Assert.Equal(13, register.CountInForceDuring(new DateInterval(new LocalDate(2023, 3, 31), new LocalDate(2023, 4, 1))));
        Assert.Equal(12, register.CountInForceOn(new LocalDate(2023, 3, 31)));
        Assert.Equal(11, register.CountInForceOn(new LocalDate(2023, 4, 1)));
        Assert.Equal(0, register.CountInForceOn(new LocalDate(2009, 3, 31)));
        Assert.Equal("period", Assert.Throws<System.ArgumentNullException>(() => register.CountInForceDuring(null!)).ParamName);
    }

    [Property]
    public Property CountInForceDuringAgreesWithInForceDuring()
    {
        return Prop.ForAll(Arb.From(from authorities in RegisterGenerators.Registers().Generator from start in Gen.Choose(0, 9000) from length in Gen.Choose(0, 800) select (authorities, start, length)), c =>
        {
            AuthorityRegister register = new(c.authorities);
            LocalDate from = new LocalDate(2000, 1, 1).PlusDays(c.start);
            DateInterval period = new(from, from.PlusDays(c.length));
            return register.CountInForceDuring(period) == register.InForceDuring(period).Length
                && register.CountInForceOn(from) == register.InForceDuring(new DateInterval(from, from)).Length;
        });
    }

    [Fact]
    public void ExampleFilesValidateWithoutProblems()
    {
        AuthorityRegister register = ExampleRegister();
        using FileStream appointments = File.OpenRead(Repository.PathOf("docs", "examples", "appointments.csv"));
        AppointmentValidationResult result = AppointmentValidation.Validate(AppointmentDocument.ReadCsv(appointments), register, new LocalDate(2025, 3, 31));

        Assert.Empty(result.Reported);
        Assert.Equal(38, result.Summary.Used);
        Assert.Contains(result.Appointments, a => a.IsSharedPost);
        Assert.Contains(result.Appointments, a => a.Kind == AppointmentKind.Acting);
        Assert.Contains(result.Appointments, a => a.Kind == AppointmentKind.Interim);
        Assert.Contains(result.Appointments, a => a.End is null);
    }

    [Fact]
    public void SchemaDeclaresExactlyThePropertiesTheWriterWritesAndTheReaderRequires()
    {
        JsonNode schema = JsonNode.Parse(File.ReadAllText(Repository.PathOf("docs", "schemas", "authority-register.schema.json")))!;
        JsonObject authority = schema["$defs"]!["authority"]!.AsObject();
        using MemoryStream written = new();
        AuthorityRegisterDocument.Write(written, new AuthorityRegister([new Authority("A", "N", "R", new LocalDate(2009, 4, 1), new LocalDate(2023, 3, 31))]), BatchFormat.JsonArray);
        JsonObject full = JsonNode.Parse(written.ToArray())![0]!.AsObject();

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal(full.Select(p => p.Key).Order(), authority["properties"]!.AsObject().Select(p => p.Key).Order());
        Assert.False(authority["additionalProperties"]!.GetValue<bool>());
        HashSet<string> required = [.. authority["required"]!.AsArray().Select(n => (string)n!)];
        foreach (string name in full.Select(p => p.Key).ToArray())
        {
            JsonObject copy = full.DeepClone().AsObject();
            copy.Remove(name);
            AuthorityRegisterReadResult read = Json(copy.ToJsonString());
            Assert.Equal(required.Contains(name), read.Reported.SelectMany(r => r.Problems).Any(p => p.Code == DocumentProblemCodes.Required && p.Path == "$." + name));
            Assert.Equal(required.Contains(name), !read.IsValid);
        }
    }

    internal static AuthorityRegister ExampleRegister()
    {
        using FileStream file = File.OpenRead(Repository.PathOf("docs", "examples", "register.csv"));
        AuthorityRegisterReadResult read = AuthorityRegisterDocument.ReadCsv(file);
        Assert.True(read.IsValid, string.Join("; ", read.Reported.SelectMany(r => r.Problems)));
        return read.Register;
    }
}
