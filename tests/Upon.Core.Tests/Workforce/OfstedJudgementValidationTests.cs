using System;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Validation of Ofsted judgements by example (every code, stopping, record 0), the lookups of <see cref="OfstedJudgements"/>, and the synthetic sector's judgements.</summary>
public sealed class OfstedJudgementValidationTests
{
    private static readonly AuthorityRegister Register = WorkforceGenerators.Register;

    private static RecordResult<OfstedJudgement> Record(int number, string code, int year, int month, int day, OfstedGrade grade) =>
        RecordResult.Success(number, new OfstedJudgement(code, new LocalDate(year, month, day), grade));

    private static string[] Codes(RecordResult<OfstedJudgement> record) => [.. record.Problems.Select(p => $"{p.Path} {p.Code}")];

    [Fact]
    public void Validate_ReportsEveryContextProblem_AndUsesTheRest()
    {
        RecordResult<OfstedJudgement>[] records =
        [
            Record(1, "A", 2016, 5, 10, OfstedGrade.Good),
            Record(2, "Z", 2017, 1, 1, OfstedGrade.Good),
            Record(3, "E", 2018, 6, 1, OfstedGrade.Inadequate),
            Record(4, "E", 2022, 4, 1, OfstedGrade.Good),
            Record(5, "B", 2023, 1, 1, OfstedGrade.Good),
            Record(6, "C", 2019, 3, 1, OfstedGrade.RequiresImprovement),
            Record(7, "C", 2019, 3, 1, OfstedGrade.Inadequate),
            RecordResult.Failure<OfstedJudgement>(8, new DocumentProblem("date", DocumentProblemCodes.DateInvalid, "Bad.")),
            Record(9, "D", 2021, 2, 2, OfstedGrade.Outstanding),
            Record(10, "E", 2020, 1, 15, OfstedGrade.RequiresImprovement),
            Record(11, "B", 2023, 1, 1, OfstedGrade.Inadequate),
            Record(12, "Y", 2024, 1, 1, OfstedGrade.Good),
        ];

        OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate(records, Register, new LocalDate(2022, 6, 30));

        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 11, 12], result.Reported.Select(r => r.RecordNumber));
        Assert.Equal(
            [
                ["$.authorityCode judgement.authority-unknown"],
                ["$.date judgement.outside-register"],
                ["$.date judgement.outside-register"],
                ["$.date judgement.after-as-of"],
                ["$.date judgement.duplicate"],
                ["$.date judgement.duplicate"],
                ["date date.invalid"],
                ["$.date judgement.after-as-of"], // the same day as record 5, but both fail already: not duplicates
                ["$.authorityCode judgement.authority-unknown", "$.date judgement.after-as-of"],
            ],
            result.Reported.Select(Codes));
        Assert.Same(records[7], result.Reported[6]);
        Assert.Equal(new WorkforceRecordCounts(12, 3, 9, 0), result.Summary);
        Assert.Equal([records[0].Value!, records[8].Value!, records[9].Value!], result.Judgements.ToArray());
        Assert.False(result.Stopped);
        Assert.All(result.Reported.SelectMany(r => r.Problems), p => Assert.DoesNotMatch("[A-EYZ]\\b|20[0-9]{2}", p.Message));
    }

    [Fact]
    public void Validate_WithoutARegister_MakesEveryCheckButTheRegisters()
    {
        RecordResult<OfstedJudgement>[] records =
        [
            Record(1, "Z", 2017, 1, 1, OfstedGrade.Good),
            Record(2, "E", 2010, 1, 1, OfstedGrade.Good),
            Record(3, "Z", 2017, 1, 1, OfstedGrade.Good),
            Record(4, "A", 2030, 1, 1, OfstedGrade.Good),
        ];

        OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate(records, new LocalDate(2022, 6, 30));

        Assert.Equal(["1 judgement.duplicate", "3 judgement.duplicate", "4 judgement.after-as-of"], result.Reported.Select(r => $"{r.RecordNumber} {r.Problems[0].Code}"));
        Assert.Equal("E", Assert.Single(result.Judgements).AuthorityCode);
    }

    [Fact]
    public void Validate_Stop_ReportsOnlyTheFirstProblemInRecordOrder_AndCountsTheRestAsSkipped()
    {
        RecordResult<OfstedJudgement>[] records =
        [
            Record(4, "Y", 2015, 1, 1, OfstedGrade.Good),
            Record(1, "A", 2015, 1, 1, OfstedGrade.Good),
            Record(3, "B", 2015, 1, 1, OfstedGrade.Good),
            Record(2, "Z", 2015, 1, 1, OfstedGrade.Good),
        ];

        OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate(records, Register, new LocalDate(2020, 1, 1), ProblemHandling.Stop);

        Assert.True(result.Stopped);
        Assert.Equal(new WorkforceRecordCounts(4, 1, 1, 2), result.Summary);
        Assert.Equal(2, Assert.Single(result.Reported).RecordNumber);
        Assert.Equal("A", Assert.Single(result.Judgements).AuthorityCode);
        Assert.Equal("4 in = 1 used + 1 reported + 2 skipped", result.Summary.ToString());
    }

    [Fact]
    public void Validate_ACsvWithABadHeader_ReportsRecordZeroFirst_AndCountsOnlyTheRows()
    {
        byte[] csv = Encoding.UTF8.GetBytes("authority,published,grade\nA,2019-04-01,good\nB,2019-04-01,good\n");

        OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate(OfstedJudgementDocument.ReadCsv(new MemoryStream(csv)), Register, new LocalDate(2022, 1, 1));

        Assert.Equal([0, 1, 2], result.Reported.Select(r => r.RecordNumber));
        Assert.Equal(new WorkforceRecordCounts(2, 0, 2, 0), result.Summary);
        Assert.Empty(result.Judgements);
    }

    [Fact]
    public void Validate_RefusesNullsAndDatesOfOtherCalendars()
    {
        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => OfstedJudgementValidation.Validate(null!, Register, new LocalDate(2020, 1, 1))).ParamName);
        Assert.Equal("register", Assert.Throws<ArgumentNullException>(() => OfstedJudgementValidation.Validate([], null!, new LocalDate(2020, 1, 1))).ParamName);
        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => OfstedJudgementValidation.Validate([null!], new LocalDate(2020, 1, 1))).ParamName);
        Assert.Throws<ArgumentException>(() => OfstedJudgementValidation.Validate([], new LocalDate(2020, 1, 1, CalendarSystem.Julian)));
    }

    [Fact]
    public void Judgements_LookUpByAuthorityAndDate()
    {
        OfstedJudgement a1 = new("A", new LocalDate(2015, 3, 1), OfstedGrade.Inadequate);
        OfstedJudgement a2 = new("A", new LocalDate(2017, 6, 15), OfstedGrade.RequiresImprovement);
        OfstedJudgement a3 = new("A", new LocalDate(2021, 1, 20), OfstedGrade.Good);
        OfstedJudgement b1 = new("B", new LocalDate(2016, 1, 1), OfstedGrade.Outstanding);
        OfstedJudgements judgements = new([a3, b1, a1, a2]);

        Assert.Equal(4, judgements.Count);
        Assert.Equal(["A", "B"], judgements.AuthorityCodes.ToArray());
        Assert.Equal([a1, a2, a3, b1], judgements);
        Assert.Equal(b1, judgements[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => judgements[4]);
        Assert.Equal([a1, a2, a3], judgements.For("A").ToArray());
        Assert.Empty(judgements.For("a"));
        Assert.Null(judgements.LatestOn("A", new LocalDate(2015, 2, 28)));
        Assert.Equal(a1, judgements.LatestOn("A", new LocalDate(2015, 3, 1)));
        Assert.Equal(a2, judgements.LatestOn("A", new LocalDate(2021, 1, 19)));
        Assert.Equal(a3, judgements.LatestOn("A", LocalDate.MaxIsoValue));
        Assert.Null(judgements.LatestOn("Z", LocalDate.MaxIsoValue));
        Assert.Equal([a2], judgements.Between("A", new DateInterval(new LocalDate(2017, 6, 15), new LocalDate(2021, 1, 19))).ToArray());
        Assert.Equal([a1, a2], judgements.Between("A", new DateInterval(LocalDate.MinIsoValue, new LocalDate(2017, 6, 15))).ToArray());
        Assert.Empty(judgements.Between("A", new DateInterval(new LocalDate(2015, 3, 2), new LocalDate(2017, 6, 14))));

        // "An inadequate judgement in the last 12 months", on two days.
        static bool InadequateInTheYearTo(OfstedJudgements all, LocalDate day) =>
            all.Between("A", new DateInterval(day.PlusYears(-1).PlusDays(1), day)).Any(j => j.Grade == OfstedGrade.Inadequate);
        Assert.True(InadequateInTheYearTo(judgements, new LocalDate(2016, 2, 29)));
        Assert.False(InadequateInTheYearTo(judgements, new LocalDate(2016, 3, 1)));
    }

    [Fact]
    public void Judgements_RefuseTwoOfOneAuthorityOnOneDate_AndNulls()
    {
        OfstedJudgement one = new("A", new LocalDate(2015, 3, 1), OfstedGrade.Inadequate);

        Assert.Equal("judgements", Assert.Throws<ArgumentException>(() => new OfstedJudgements([one, one with { }])).ParamName);
        Assert.Equal("judgements", Assert.Throws<ArgumentNullException>(() => new OfstedJudgements([one, null!])).ParamName);
        Assert.Throws<ArgumentNullException>(() => OfstedJudgements.Empty.For(null!));
        Assert.Throws<ArgumentNullException>(() => OfstedJudgements.Empty.Between("A", null!));
        Assert.Empty(OfstedJudgements.Empty);
        Assert.Single(new OfstedJudgements([one, new OfstedJudgement("B", one.Date, one.Grade)]).For("B"));
    }

    [Fact]
    public void SyntheticSector_HasJudgementsAboutEveryThreeYears_ThatValidateAgainstItsRegister()
    {
        SyntheticWorkforce sector = SyntheticWorkforce.Default;
        OfstedJudgementValidationResult result = OfstedJudgementValidation.Validate(
            sector.Judgements.Select((j, i) => RecordResult.Success(i + 1, j)), sector.Register, SyntheticWorkforce.CoverageEnd);

        Assert.Empty(result.Reported);
        Assert.Equal(sector.Register.Authorities.Count(a => a.EffectiveFrom.PlusYears(1) <= SyntheticWorkforce.CoverageEnd), result.Judgements.AuthorityCodes.Length);
        Assert.Equal(sector.Judgements.ToArray(), result.Judgements.ToArray());
        Assert.All(result.Judgements.AuthorityCodes, code =>
        {
            OfstedJudgement[] own = [.. result.Judgements.For(code)];
            Authority authority = sector.Register.Authorities.Single(a => a.Code == code);
            if (authority.EffectiveFrom == SyntheticWorkforce.RegisterStart)
            {
                Assert.InRange(own[0].Date, new LocalDate(2014, 1, 1), new LocalDate(2017, 12, 31));
                Assert.InRange(own.Length, authority.EffectiveTo is null ? 2 : 1, 7);
            }
            else
            {
                Assert.InRange(own[0].Date, authority.EffectiveFrom.PlusMonths(12), authority.EffectiveFrom.PlusMonths(25));
            }

            Assert.All(own, j => Assert.True(authority.IsInForceOn(j.Date)));
            Assert.All(own.Zip(own.Skip(1)), pair => Assert.InRange(Period.Between(pair.First.Date, pair.Second.Date, PeriodUnits.Months).Months, 18, 54));
        });
        double[] shares = [.. Enum.GetValues<OfstedGrade>().Select(g => sector.Judgements.Count(j => j.Grade == g) / (double)sector.Judgements.Length)];
        Assert.Equal(4, shares.Count(s => s > 0));
        Assert.InRange(shares[0], 0.05, 0.15);
        Assert.InRange(shares[1] + shares[0], 0.40, 0.60);
        Assert.InRange(shares[3], 0.10, 0.25);
        Assert.Equal(sector.Judgements.ToArray(), SyntheticWorkforce.Generate(SyntheticWorkforce.DefaultSeed).Judgements.ToArray());
    }
}
