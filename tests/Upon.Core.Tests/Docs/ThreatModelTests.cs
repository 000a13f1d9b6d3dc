using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Docs;

/// <summary>
/// docs/threat-model.md claims nothing without a test: every test it names in a "proved by" cell must exist in this
/// assembly (a class, or a class and one of its test methods), so that renaming or deleting a test breaks the page.
/// </summary>
public sealed partial class ThreatModelTests
{
    [Fact]
    public void EveryTestTheThreatModelNames_Exists()
    {
        string[] lines = File.ReadAllLines(Repository.PathOf("docs", "threat-model.md"));
        Dictionary<string, Type> classes = typeof(ThreatModelTests).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Name.EndsWith("Tests", StringComparison.Ordinal))
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        List<string> missing = [];
        int named = 0;
        foreach (string line in lines.Where(l => l.StartsWith('|') && l.Count(c => c == '|') >= 4))
        {
            string proof = line.Split('|', StringSplitOptions.TrimEntries)[^2];
            Type? current = null;
            foreach (Match match in Code().Matches(proof))
            {
                string token = match.Groups[1].Value;
                string[] parts = token.Split('.');
                if (parts.Length == 1 && classes.TryGetValue(token, out Type? alone))
                {
                    current = alone;
                    named++;
                    continue;
                }

                if (parts.Length == 2 && classes.TryGetValue(parts[0], out Type? owner))
                {
                    current = owner;
                    named++;
                    if (!IsTest(owner, parts[1]))
                    {
                        missing.Add(token);
                    }

                    continue;
                }

                if (parts.Length == 1 && token.Contains('_', StringComparison.Ordinal))
                {
                    named++;
                    if (current is null || !IsTest(current, token))
                    {
                        missing.Add(token);
                    }
                }
            }
        }

        Assert.True(named >= 15, $"Only {named} tests are named in the threat model.");
        Assert.Empty(missing);
    }

    private static bool IsTest(Type owner, string method) =>
        owner.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Any(m => m.Name == method && m.GetCustomAttributes().Any(a => a is FactAttribute));

    [GeneratedRegex("`([A-Za-z_][A-Za-z0-9_.]*)`")]
    private static partial Regex Code();
}
