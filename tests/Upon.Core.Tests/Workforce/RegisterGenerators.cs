using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>FsCheck generators for authority registers and register CSV rows, good and bad.</summary>
public static class RegisterGenerators
{
    /// <summary>An authority with awkward text and any span.</summary>
    public static Gen<Authority> Authority() =>
        from code in AppointmentDocumentGenerators.Text()
        from name in AppointmentDocumentGenerators.Text()
        from region in AppointmentDocumentGenerators.Text()
        from fromDays in Gen.Choose(0, 10000)
        from length in Gen.Choose(-1, 5000)
        let first = new LocalDate(2000, 1, 1).PlusDays(fromDays)
        select new Authority(code, name, region, first, length < 0 ? null : first.PlusDays(length));

    /// <summary>Authorities with distinct codes.</summary>
    public static Arbitrary<Authority[]> Registers() =>
        Arb.From(Authority().ArrayOf().Select(a => a.DistinctBy(x => x.Code).ToArray()));

    /// <summary>CSV data rows for the five columns in header order: good ones (codes from a small set, so some repeat) and defective ones.</summary>
    public static Arbitrary<string[]> CsvRows() =>
        Arb.From((
            from code in Gen.Elements("A", "B", "C", "D", "E", "F", string.Empty, " ")
            from defect in Gen.Choose(0, 12)
            from fromDays in Gen.Choose(0, 5000)
            from length in Gen.Choose(-3, 3000)
            let first = new LocalDate(2005, 1, 1).PlusDays(fromDays)
            let to = length < -1 ? first.PlusDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : length < 0 ? string.Empty : first.PlusDays(length).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            let start = first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            select defect switch
            {
                0 => $"{code},Name,Region,{start}",
                1 => $"{code},Name,Region,{start},{to},extra",
                2 => $"{code},Na\"me,Region,{start},{to}",
                3 => $"{code},Name,Region,2010-02-30,{to}",
                4 => $"{code},,Region,{start},{to}",
                _ => $"{code},\"Name, Council\",Region,{start},{to}",
            }).ArrayOf());
}
