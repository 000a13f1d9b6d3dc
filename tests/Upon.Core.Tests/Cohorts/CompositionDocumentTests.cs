using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cohorts;

/// <summary><see cref="CompositionDocument"/> and <see cref="ParticipantComposition"/>: published figures and counts of participants.</summary>
public sealed class CompositionDocumentTests
{
    [Fact]
    public void Year1Example_ReadsAsPublished_AndTheBackgroundCheckCatchesTheMismatch()
    {
        DocumentResult<CompositionFigures> read;
        using (FileStream stream = File.OpenRead(Repository.PathOf("docs", "examples", "year1-composition.json")))
        {
            read = CompositionDocument.Read(stream);
        }

        CompositionFigures figures = read.GetValueOrThrow();
        Assert.Equal(["professional background", "ethnicity", "disability"], figures.Dimensions.Select(d => d.Dimension));
        Assert.All(figures.Dimensions, d => Assert.Equal(19, d.StatedTotal));
        CompositionBreakdown backgrounds = figures.Dimensions[0].ToBreakdown();
        Assert.Equal(20, backgrounds.Total);
        Assert.Equal("The professional background counts sum to 20, not to the stated total of 19: a difference of +1.", backgrounds.TotalMismatch);
        Assert.True(figures.Dimensions[1].ToBreakdown().MatchesStatedTotal);
        Assert.Equal([0, 19], figures.Dimensions[2].Counts.Select(c => c.Count));
    }

    [Fact]
    public void DimensionStatedTotal_WinsOverTheDocuments_AndToBreakdownCanOverrideBoth()
    {
        CompositionFigures figures = CompositionDocument.Parse("""
            { "statedTotal": 5, "dimensions": [
              { "dimension": "a", "statedTotal": 3, "categories": [ { "category": "x", "count": 3 } ] },
              { "dimension": "b", "categories": [ { "category": "x", "count": 3 } ] },
              { "dimension": "c", "categories": [ { "category": "x", "count": 3 } ] } ] }
            """).GetValueOrThrow();

        Assert.Equal([3, 5, 5], figures.Dimensions.Select(d => d.StatedTotal));
        Assert.Null(figures.Title);
        Assert.True(figures.Dimensions[2].ToBreakdown(statedTotal: 3).MatchesStatedTotal);
    }

    [Theory]
    [InlineData("""{ "dimensions": [] }""", "$.dimensions", DocumentProblemCodes.CollectionEmpty)]
    [InlineData("""{ }""", "$.dimensions", DocumentProblemCodes.Required)]
    [InlineData("""[]""", "$", DocumentProblemCodes.TypeMismatch)]
    [InlineData("""{ "dimensions": [ ] """, "$", DocumentProblemCodes.JsonInvalid)]
    [InlineData("""{ "title": "", "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 1 } ] } ] }""", "$.title", DocumentProblemCodes.Empty)]
    [InlineData("""{ "statedTotal": -1, "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 1 } ] } ] }""", "$.statedTotal", DocumentProblemCodes.OutOfRange)]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 1 } ] } ], "total": 1 }""", "$.total", DocumentProblemCodes.UnknownProperty)]
    [InlineData("""{ "dimensions": [ 1 ] }""", "$.dimensions[0]", DocumentProblemCodes.TypeMismatch)]
    [InlineData("""{ "dimensions": [ { "categories": [ { "category": "x", "count": 1 } ] } ] }""", "$.dimensions[0].dimension", DocumentProblemCodes.Required)]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [] } ] }""", "$.dimensions[0].categories", DocumentProblemCodes.CollectionEmpty)]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 0 } ] } ] }""", "$.dimensions[0].categories", CohortProblemCodes.CountsAllZero)]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": -2 } ] } ] }""", "$.dimensions[0].categories[0].count", DocumentProblemCodes.OutOfRange)]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": "2" } ] } ] }""", "$.dimensions[0].categories[0].count", DocumentProblemCodes.TypeMismatch)]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 1.5 } ] } ] }""", "$.dimensions[0].categories[0].count", DocumentProblemCodes.TypeMismatch)]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ "x" ] } ] }""", "$.dimensions[0].categories[0]", DocumentProblemCodes.TypeMismatch)]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 1 }, { "category": "x", "count": 2 } ] } ] }""", "$.dimensions[0].categories[1].category", CohortProblemCodes.CategoryDuplicate)]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 1 } ] }, { "dimension": "a", "categories": [ { "category": "x", "count": 1 } ] } ] }""", "$.dimensions[1].dimension", CohortProblemCodes.DimensionDuplicate)]
    [InlineData("""{ "dimensions": [ { "dimension": "a", "categories": [ { "category": "x", "count": 2147483647 }, { "category": "y", "count": 1 } ] } ] }""", "$.dimensions[0].categories", DocumentProblemCodes.OutOfRange)]
    public void Read_BadDocument_ReportsPathAndCode(string json, string path, string code)
    {
        DocumentResult<CompositionFigures> read = CompositionDocument.Parse(json);

        Assert.False(read.IsValid);
        DocumentProblem problem = Assert.Single(read.Problems);
        Assert.Equal((path, code), (problem.Path, problem.Code));
    }

    [Fact]
    public void Read_ReportsEveryProblem_AndNeverTheValues()
    {
        DocumentResult<CompositionFigures> read = CompositionDocument.Read(new MemoryStream(Encoding.UTF8.GetBytes("""
            { "dimensions": [ { "dimension": "secret-dim", "categories": [ { "category": "secret-cat", "count": -1 }, { "category": "", "count": 2 } ] }, { "dimension": 3, "categories": [] } ] }
            """)));

        Assert.Equal(
            ["$.dimensions[0].categories[0].count", "$.dimensions[0].categories[1].category", "$.dimensions[1].dimension", "$.dimensions[1].categories"],
            read.Problems.Select(p => p.Path));
        Assert.All(read.Problems, p => Assert.DoesNotContain("secret", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TooLarge_IsOneProblem() =>
        Assert.Equal(DocumentProblemCodes.DocumentTooLarge, CompositionDocument.Read(new MemoryStream(new byte[100]), maxBytes: 10).Problems.Single().Code);

    [Property]
    public Property WriteThenRead_GivesTheSameFigures() =>
        Prop.ForAll(Arb.From(Figures()), figures =>
        {
            using MemoryStream stream = new();
            CompositionDocument.Write(stream, figures, indented: figures.Dimensions.Length % 2 == 0);
            CompositionFigures read = CompositionDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).GetValueOrThrow();

            Assert.Equal(figures.Title, read.Title);
            Assert.Equal(figures.Dimensions.Select(d => (d.Dimension, d.StatedTotal)), read.Dimensions.Select(d => (d.Dimension, d.StatedTotal)));
            Assert.Equal(figures.Dimensions.SelectMany(d => d.Counts), read.Dimensions.SelectMany(d => d.Counts));
        });

    [Fact]
    public void Figures_AreChecked()
    {
        CompositionDimension a = new("a", [new CategoryCount("x", 1)], null);

        Assert.Equal("dimensions", Assert.Throws<ArgumentException>(() => new CompositionFigures(null, [])).ParamName);
        Assert.Equal("dimensions", Assert.Throws<ArgumentException>(() => new CompositionFigures(null, [a, a with { StatedTotal = 2 }])).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => new CompositionFigures(" ", [a])).ParamName);
        Assert.Equal("At least one category is needed. (Parameter 'Counts')", Assert.Throws<ArgumentException>(() => new CompositionDimension("a", [], null)).Message);
        Assert.Equal("A dimension needs a name. (Parameter 'Dimension')", Assert.Throws<ArgumentException>(() => new CompositionDimension(" ", [new CategoryCount("x", 1)], null)).Message);
        Assert.Equal("A dimension needs a name. (Parameter 'Dimension')", Assert.Throws<ArgumentException>(() => new CompositionDimension(null!, [new CategoryCount("x", 1)], null)).Message);
        Assert.Equal("figures", Assert.Throws<ArgumentNullException>(() => CompositionDocument.Write(new MemoryStream(), null!)).ParamName);
    }

    [Fact]
    public void Participants_AreCountedByEveryField_WithNotStatedLast()
    {
        CandidateProfile[] participants =
        [
            Participant("1", background: "education", ethnicity: "Irish"),
            Participant("2", background: "children's social care"),
            Participant("3", background: "education", ethnicity: "not stated"),
        ];

        ImmutableArray<CompositionDimension> dimensions = ParticipantComposition.Count(participants, statedTotal: 3);

        Assert.Equal(["professional background", "ethnicity", "disability", "region", "organisation type"], dimensions.Select(d => d.Dimension));
        Assert.Equal([("education", 2), ("children's social care", 1)], dimensions[0].Counts.Select(c => (c.Category, c.Count)));
        Assert.Equal([("Irish", 1), ("not stated", 2)], dimensions[1].Counts.Select(c => (c.Category, c.Count)));
        Assert.Equal([(ParticipantComposition.NotStated, 3)], dimensions[2].Counts.Select(c => (c.Category, c.Count)));
        Assert.All(dimensions, d => Assert.True(d.ToBreakdown().MatchesStatedTotal));
    }

    [Property]
    public Property Participants_CountsOfEveryDimensionSumToTheParticipants() =>
        Prop.ForAll(Arb.From(CandidateDocumentTests.Profiles().Where(p => p.Length > 0)), participants =>
        {
            ImmutableArray<CompositionDimension> dimensions = ParticipantComposition.Count(participants);

            Assert.Equal(Enum.GetValues<CompositionField>().Length, dimensions.Length);
            foreach ((CompositionDimension dimension, CompositionField field) in dimensions.Zip(Enum.GetValues<CompositionField>()))
            {
                Assert.Equal(participants.Length, dimension.ToBreakdown().Total);
                Assert.Equal(dimension.Counts.Length, dimension.Counts.Select(c => c.Category).Distinct(StringComparer.Ordinal).Count());
                foreach (CategoryCount count in dimension.Counts)
                {
                    Assert.Equal(count.Count, participants.Count(p => (p.Get(field) ?? ParticipantComposition.NotStated) == count.Category));
                }
            }
        });

    [Fact]
    public void Participants_Arguments_AreChecked()
    {
        Assert.Equal("participants", Assert.Throws<ArgumentException>(() => ParticipantComposition.Count([])).ParamName);
        Assert.Equal("participants", Assert.Throws<ArgumentNullException>(() => ParticipantComposition.Count([null!])).ParamName);
        Assert.Equal("statedTotal", Assert.Throws<ArgumentOutOfRangeException>(() => ParticipantComposition.Count([Participant("1")], -1)).ParamName);
        Assert.Equal("attribute", Assert.Throws<ArgumentOutOfRangeException>(() => ParticipantComposition.DimensionName((CompositionField)99)).ParamName);
        Assert.Equal("attribute", Assert.Throws<ArgumentOutOfRangeException>(() => Participant("1").Get((CompositionField)0)).ParamName);
    }

    private static CandidateProfile Participant(string id, string? background = null, string? ethnicity = null) =>
        new(new SelectionCandidate(id, "LA", EligibilityOutcome.Eligible, 1m), background, ethnicity);

    private static Gen<CompositionFigures> Figures() =>
        from title in Gen.Elements<string?>(null, "Year 1", "“cohort” é")
        from count in Gen.Choose(1, 4)
        from dimensions in (
            from stated in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 60).Select(n => (int?)n)))
            from cells in Gen.Choose(0, 30).ArrayOf().Where(c => c.Length > 0 && c.Sum() > 0)
            select (stated, cells)).ArrayOf(count)
        select new CompositionFigures(title, [.. dimensions.Select((d, i) => new CompositionDimension(
            $"dimension {i}",
            [.. d.cells.Select((n, j) => new CategoryCount($"category {j}", n))],
            d.stated))]);
}
