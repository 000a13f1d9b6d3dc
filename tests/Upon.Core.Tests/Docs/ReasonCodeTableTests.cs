using System;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Upon.Core.Eligibility;

namespace Upon.Core.Tests.Docs;

/// <summary>The reason-code table of docs/eligibility.md: one row per <see cref="ReasonCodes"/> constant, each a plain sentence.</summary>
public sealed class ReasonCodeTableTests
{
    [Fact]
    public void Table_HasOneWellFormedRowPerConstant_InTheirOrder()
    {
        string page = EligibilityDocExamples.Page("eligibility.md");
        string section = page[page.IndexOf("\n## Reason codes\n", StringComparison.Ordinal)..];
        string[] rows = [.. section.Split('\n').SkipWhile(l => !l.StartsWith("|---", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith('|'))];
        FieldInfo[] constants = [.. typeof(ReasonCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)];

        Assert.Equal(constants.Length, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            Match row = Regex.Match(rows[i], @"^\| `([a-z.-]+)` \| `([A-Za-z]+)` \| ([^|]+) \| ([^|]+) \|$");
            Assert.True(row.Success, $"Row {i + 1} of the reason-code table is not 'code | constant | kind | meaning': {rows[i]}");
            Assert.Equal(constants[i].Name, row.Groups[2].Value);
            Assert.Equal((string)constants[i].GetRawConstantValue()!, row.Groups[1].Value);
            Assert.DoesNotMatch("///|<summary>|public static|[{};]", row.Groups[4].Value);
            Assert.EndsWith(".", row.Groups[4].Value.Trim(), StringComparison.Ordinal);
        }
    }
}
