using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

public sealed class PeriodTextTests
{
    [Fact]
    public void Describe_WritesUnitsLargestFirst_SingularForOne_AndZeroAsZeroDays()
    {
        Assert.Equal("1 year", PeriodText.Describe(Period.FromYears(1)));
        Assert.Equal("3 years", PeriodText.Describe(Period.FromYears(3)));
        Assert.Equal("2 years 7 months", PeriodText.Describe(new PeriodBuilder { Years = 2, Months = 7 }.Build()));
        Assert.Equal("1 month 1 day", PeriodText.Describe(new PeriodBuilder { Months = 1, Days = 1 }.Build()));
        Assert.Equal("1 year 2 weeks 3 days", PeriodText.Describe(new PeriodBuilder { Years = 1, Weeks = 2, Days = 3 }.Build()));
        Assert.Equal("0 days", PeriodText.Describe(Period.Zero));
        Assert.Equal("0 days", PeriodText.Describe(Period.FromHours(5)));
    }

    [Fact]
    public void Describe_Null_Throws() =>
        Assert.Equal("period", Assert.Throws<System.ArgumentNullException>(() => PeriodText.Describe(null!)).ParamName);
}
