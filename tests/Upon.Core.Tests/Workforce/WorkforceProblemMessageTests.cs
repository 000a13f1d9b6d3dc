using System.Collections.Generic;
using System.IO;
using System.Linq;
using NodaTime;
using Upon.Core.Serialization;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The words of the problems the appointment validation and the register reader report, each pinned with its path and
/// code: a message is what a person reads, so a change to one (or one emptied) fails here.
/// </summary>
public sealed class WorkforceProblemMessageTests
{
    private static readonly AuthorityRegister Register = new(
    [
        new Authority("A", "Anyshire", "North East", new LocalDate(2000, 1, 1)),
        new Authority("E", "Endshire", "North East", new LocalDate(2000, 1, 1), new LocalDate(2019, 12, 31)),
        new Authority("L", "Lateshire", "North East", new LocalDate(2020, 1, 1)),
    ]);

    [Fact]
    public void AppointmentValidation_SaysWhatIsWrong_ForEachProblem()
    {
        List<RecordResult<Appointment>> records =
        [
            new(1, new Appointment("A", "h1", new LocalDate(2015, 1, 1), new LocalDate(2016, 12, 31), AppointmentKind.Permanent), []),
            new(2, new Appointment("A", "h2", new LocalDate(2016, 6, 1), null, AppointmentKind.Permanent), []),
            new(3, new Appointment("Z", "h3", new LocalDate(2016, 6, 1), null, AppointmentKind.Interim), []),
            new(4, new Appointment("L", "h4", new LocalDate(2019, 6, 1), new LocalDate(2020, 6, 1), AppointmentKind.Interim), []),
            new(5, new Appointment("E", "h5", new LocalDate(2019, 1, 1), new LocalDate(2020, 1, 1), AppointmentKind.Interim), []),
            new(6, new Appointment("A", "h6", new LocalDate(2023, 1, 1), null, AppointmentKind.Interim), []),
            new(7, new Appointment("A", "h7", new LocalDate(2021, 1, 1), new LocalDate(2022, 12, 31), AppointmentKind.Interim), []),
        ];

        AppointmentValidationResult result = AppointmentValidation.Validate(records, Register, new LocalDate(2022, 6, 30));

        Assert.Equal(
            [
                (1, "$.start", AppointmentProblemCodes.PermanentOverlap, "Another permanent appointment of the same authority shares at least one day with this one."),
                (2, "$.start", AppointmentProblemCodes.PermanentOverlap, "Another permanent appointment of the same authority shares at least one day with this one."),
                (3, "$.authorityCode", AppointmentProblemCodes.AuthorityUnknown, "The authority code is not in the register."),
                (4, "$.start", AppointmentProblemCodes.OutsideRegister, "The appointment falls outside its authority's period in the register."),
                (5, "$.end", AppointmentProblemCodes.OutsideRegister, "The appointment falls outside its authority's period in the register."),
                (6, "$.start", AppointmentProblemCodes.AfterAsOf, "The first day in post is after the as-of date."),
                (7, "$.end", AppointmentProblemCodes.AfterAsOf, "The last day in post is after the as-of date."),
            ],
            result.Reported.SelectMany(r => r.Problems.Select(p => (r.RecordNumber, p.Path, p.Code, p.Message))));
    }

    [Fact]
    public void TheRegisterReader_SaysWhatIsWrong_ForEachProblem()
    {
        const string Csv = """
            code,name,region,effectiveFrom,effectiveTo
            A,Anyshire,North East,2000-01-01,
            B,Backshire,North East,2010-01-01,2009-12-31
            A,Again,North East,2000-01-01,
            ,Noname,North East,2000-01-01,
            C,Cshire,North East,2021-02-30,
            """;

        AuthorityRegisterReadResult result = AuthorityRegisterDocument.ReadCsv(new StringReader(Csv));

        Assert.Equal(
            [
                (1, "code", RegisterProblemCodes.CodeDuplicate, "Another record of the register has the same authority code."),
                (2, "effectiveTo", DocumentProblemCodes.EndBeforeStart, "The authority leaves the register before it joins it."),
                (3, "code", RegisterProblemCodes.CodeDuplicate, "Another record of the register has the same authority code."),
                (4, "code", DocumentProblemCodes.Required, "\"code\" is required."),
                (5, "effectiveFrom", DocumentProblemCodes.DateInvalid, "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar."),
            ],
            result.Reported.SelectMany(r => r.Problems.Select(p => (r.RecordNumber, p.Path, p.Code, p.Message))));
    }

    [Fact]
    public void AnEmptyRegister_AndABlankCode_AreSaidSo()
    {
        AuthorityRegisterReadResult empty = AuthorityRegisterDocument.ReadCsv(new StringReader("code,name,region,effectiveFrom,effectiveTo\n"));
        AuthorityRegisterReadResult blank = AuthorityRegisterDocument.ReadCsv(new StringReader("code,name,region,effectiveFrom,effectiveTo\n\" \",Blank,North East,2000-01-01,\n"));

        DocumentProblem none = Assert.Single(Assert.Single(empty.Reported).Problems);
        Assert.Equal((DocumentProblemCodes.CollectionEmpty, "The register has no authorities."), (none.Code, none.Message));
        DocumentProblem spaces = Assert.Single(Assert.Single(blank.Reported).Problems);
        Assert.Equal(("code", DocumentProblemCodes.Empty, "\"code\" must not be empty."), (spaces.Path, spaces.Code, spaces.Message));
    }

    [Fact]
    public void AJsonRecordThatIsNotAnObject_IsSaidToBeNotAnAppointmentOrAnAuthority()
    {
        RecordResult<Appointment> appointment = Assert.Single(AppointmentDocument.Read(new MemoryStream("[1]"u8.ToArray())));
        AuthorityRegisterReadResult register = AuthorityRegisterDocument.Read(new MemoryStream("[1]"u8.ToArray()));

        Assert.Contains("an appointment object", Assert.Single(appointment.Problems).Message, System.StringComparison.Ordinal);
        Assert.Contains("an authority object", Assert.Single(Assert.Single(register.Reported).Problems).Message, System.StringComparison.Ordinal);
    }
}
