using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;
using FsCheck;
using FsCheck.Fluent;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;
using static Upon.Core.Testing.EligibilityDocumentGenerators;

namespace Upon.Core.Tests.Eligibility;

/// <summary>What <see cref="PolicyDocument"/> writes (one policy or several), it reads back as equal policies with equal rules, in order.</summary>
public sealed class PolicyDocumentRoundTripTests
{
    [Property]
    public Property ReadOfWrite_GeneratedPolicies_IsTheSamePolicies() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Policies(), n))), policies =>
        {
            foreach (bool indented in (bool[])[false, true])
            {
                using MemoryStream stream = new();
                PolicyDocument.Write(stream, policies, indented);
                stream.Position = 0;

                DocumentResult<IReadOnlyList<EligibilityPolicy>> read = PolicyDocument.Read(stream);

                Assert.Empty(read.Problems);
                AssertSame(policies, read.Value!);
            }
        });

    [Property]
    public Property ParseOfWriter_GeneratedPolicies_IsTheSamePolicies() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Policies(), n))), policies =>
        {
            using MemoryStream stream = new();
            using (Utf8JsonWriter writer = new(stream))
            {
                PolicyDocument.Write(writer, (IReadOnlyList<EligibilityPolicy>)policies);
            }

            AssertSame(policies, PolicyDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).GetValueOrThrow());
        });

    private static void AssertSame(EligibilityPolicy[] expected, IReadOnlyList<EligibilityPolicy> actual)
    {
        // A policy's equality is by identity, version, year and dates: the rules and wording are compared on their own.
        Assert.Equal<EligibilityPolicy>(expected, actual);
        Assert.Equal(expected.Select(p => p.Rule), actual.Select(p => p.Rule));
        Assert.Equal(expected.Select(p => (p.Title, p.EffectiveTo)), actual.Select(p => (p.Title, p.EffectiveTo)));
        Assert.Equal(expected.SelectMany(p => p.Interpretation), actual.SelectMany(p => p.Interpretation));
    }
}
