using System;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>The exit reasons' codes: the documented set, the user's own, and one rule for both.</summary>
public sealed partial class ExitReasonTests
{
    [Fact]
    public void TheDocumentedSetHasTheSevenCodesInOrder()
    {
        Assert.Equal(
            ["moved", "retired", "left-local-government", "inadequate-judgement", "spell-ended", "restructure", "unknown"],
            ExitReason.WellKnown.Select(r => r.Code));
        Assert.All(ExitReason.WellKnown, r => Assert.True(r.IsWellKnown));
    }

    [Theory]
    [InlineData("moved")]
    [InlineData("retired")]
    [InlineData("left-local-government")]
    [InlineData("inadequate-judgement")]
    [InlineData("spell-ended")]
    [InlineData("restructure")]
    [InlineData("unknown")]
    public void AWellKnownCodeGivesTheWellKnownInstance(string code)
    {
        ExitReason reason = ExitReason.FromCode(code);

        Assert.Same(ExitReason.WellKnown.Single(r => r.Code == code), reason);
        Assert.True(ExitReason.TryFromCode(code, out ExitReason? again));
        Assert.Same(reason, again);
    }

    [Fact]
    public void AUserCodeIsAReasonOfItsOwn_EqualByCode()
    {
        ExitReason secondment = ExitReason.FromCode("x-secondment");

        Assert.False(secondment.IsWellKnown);
        Assert.Equal("x-secondment", secondment.Code);
        Assert.Equal("x-secondment", secondment.ToString());
        Assert.Equal(ExitReason.FromCode("x-secondment"), secondment);
        Assert.Equal(ExitReason.FromCode("x-secondment").GetHashCode(), secondment.GetHashCode());
        Assert.NotEqual(ExitReason.Retired, secondment);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Moved")]
    [InlineData("RETIRED")]
    [InlineData("1st")]
    [InlineData("-moved")]
    [InlineData("moved-")]
    [InlineData("left local government")]
    [InlineData("left_local_government")]
    [InlineData(" retired")]
    [InlineData("retired\n")]
    [InlineData("réorganisation")]
    [InlineData("retired\u0000")]
    public void AnInvalidCodeIsRefused(string code)
    {
        Assert.False(ExitReason.TryFromCode(code, out ExitReason? reason));
        Assert.Null(reason);
        ArgumentException error = Assert.Throws<ArgumentException>(() => ExitReason.FromCode(code));
        Assert.Equal("code", error.ParamName);
        Assert.StartsWith("An exit reason code is 1 to 64 lower-case ASCII letters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACodeIsAtMost64Characters()
    {
        string longest = "a" + new string('b', ExitReason.MaxCodeLength - 1);

        Assert.Equal(64, ExitReason.MaxCodeLength);
        Assert.Equal(longest, ExitReason.FromCode(longest).Code);
        Assert.False(ExitReason.TryFromCode(longest + "c", out _));
    }

    [Fact]
    public void ANullCodeIsAProgrammerError()
    {
        Assert.Throws<ArgumentNullException>(() => ExitReason.FromCode(null!));
    }

    [Fact]
    public void AReasonNeedsAnEnd()
    {
        LocalDate start = new(2020, 1, 1);

        Assert.Throws<ArgumentException>(() => new Appointment("A", "h1", start, null, AppointmentKind.Permanent) { ExitReason = ExitReason.Retired });
        Assert.Equal(ExitReason.Retired, new Appointment("A", "h1", start, start.PlusDays(9), AppointmentKind.Permanent) { ExitReason = ExitReason.Retired }.ExitReason);
        Assert.Null(new Appointment("A", "h1", start, null, AppointmentKind.Permanent) { ExitReason = null }.ExitReason);
    }

    [Fact]
    public void AppointmentsDifferingOnlyInTheirReasonAreNotEqual()
    {
        LocalDate start = new(2020, 1, 1);
        Appointment retired = new("A", "h1", start, start.PlusDays(9), AppointmentKind.Permanent) { ExitReason = ExitReason.Retired };
        Appointment moved = new("A", "h1", start, start.PlusDays(9), AppointmentKind.Permanent) { ExitReason = ExitReason.MovedToAnotherDcsPost };
        Appointment none = new("A", "h1", start, start.PlusDays(9), AppointmentKind.Permanent);

        Assert.NotEqual(retired, moved);
        Assert.NotEqual(retired, none);
        Assert.Equal(retired, new Appointment("A", "h1", start, start.PlusDays(9), AppointmentKind.Permanent) { ExitReason = ExitReason.FromCode("retired") });
    }

    /// <summary>Any text is a code exactly when the documented rule says so, and a valid code reads back unchanged.</summary>
    [Property]
    public Property ACodeIsValidExactlyWhenTheRuleSaysSo() =>
        Prop.ForAll(Arb.From(CodeLike()), code =>
        {
            bool valid = ExitReason.TryFromCode(code, out ExitReason? reason);

            Assert.Equal(Rule().IsMatch(code), valid);
            if (valid)
            {
                Assert.Equal(code, reason!.Code);
                Assert.Equal(reason, ExitReason.FromCode(code));
                Assert.Equal(ExitReason.WellKnown.Any(r => r.Code == code), reason.IsWellKnown);
            }
            else
            {
                Assert.Null(reason);
                Assert.Throws<ArgumentException>(() => ExitReason.FromCode(code));
            }
        });

    /// <summary>Texts near the rule: mostly letters, digits and hyphens, sometimes a capital, a space, an underscore or an accent, up to 70 long.</summary>
    private static Gen<string> CodeLike() =>
        from length in Gen.Choose(0, 70)
        from chars in Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789----A _é\n".ToCharArray()).ArrayOf(length)
        from known in Gen.Elements(ExitReason.WellKnown.Select(r => r.Code).ToArray())
        from pick in Gen.Choose(0, 5)
        select pick == 0 ? known : new string(chars);

    [GeneratedRegex(@"\A[a-z](?:[a-z0-9-]{0,62}[a-z0-9])?\z")]
    private static partial Regex Rule();
}
