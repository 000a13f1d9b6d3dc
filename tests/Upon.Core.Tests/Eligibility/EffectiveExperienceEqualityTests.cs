using System.Collections.Immutable;
using NodaTime;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Eligibility;

/// <summary>Equality of effective experience is by value: every member counts, and equal values hash alike.</summary>
public sealed class EffectiveExperienceEqualityTests
{
    private static readonly LocalDate AsOf = new(2022, 6, 15);
    private static readonly LocalDate First = new(2020, 1, 1);
    private static readonly ImmutableArray<RoleEvidence> Evidence = [new RoleEvidence(0, ReasonCodes.RoleCounted, new DateInterval(First, AsOf.PlusDays(-1)), 896m)];

    private static EffectiveExperience Base => EffectiveExperience.FromFigures(AsOf, First, 896_000, 1m, Evidence);

    public static TheoryData<string> Members => new() { "asOf", "firstDay", "days", "rate", "roles" };

    [Fact]
    public void SameFigures_AreEqual_AndHashAlike()
    {
        Assert.Equal(Base, Base);
        Assert.True(Base.Equals(Base));
        Assert.Equal(Base.GetHashCode(), Base.GetHashCode());
        Assert.False(Base.Equals(null));
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void OneMemberDifferent_IsNotEqual(string member)
    {
        EffectiveExperience other = member switch
        {
            "asOf" => EffectiveExperience.FromFigures(AsOf.PlusDays(1), First, 896_000, 1m, Evidence),
            "firstDay" => EffectiveExperience.FromFigures(AsOf, First.PlusDays(1), 896_000, 1m, Evidence),
            "days" => EffectiveExperience.FromFigures(AsOf, First, 896_001, 1m, Evidence),
            "rate" => EffectiveExperience.FromFigures(AsOf, First, 896_000, 0.5m, Evidence),
            _ => EffectiveExperience.FromFigures(AsOf, First, 896_000, 1m, [new RoleEvidence(0, ReasonCodes.RoleNotStarted, null, 0m)]),
        };

        Assert.NotEqual(Base, other);
        Assert.False(Base.Equals(other));
        Assert.False(other.Equals(Base));
    }
}
