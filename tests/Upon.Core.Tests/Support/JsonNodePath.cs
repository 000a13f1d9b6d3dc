using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Upon.Core.Tests.Support;

/// <summary>Finds and replaces the node at a JSON path such as <c>$.a.b[1].c</c>, for tests that damage documents part by part.</summary>
internal static class JsonNodePath
{
    /// <summary>The node at <paramref name="path"/>.</summary>
    public static JsonNode Find(JsonNode root, string path)
    {
        JsonNode node = root;
        foreach (string part in path.Split('.').Skip(1))
        {
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            node = node[bracket < 0 ? part : part[..bracket]]!;
            if (bracket >= 0)
            {
                node = node[Index(part, bracket)]!;
            }
        }

        return node;
    }

    /// <summary>Puts <paramref name="value"/> at <paramref name="path"/> (a property or an array item) in place of what stands there.</summary>
    public static void Set(JsonNode root, string path, JsonNode? value)
    {
        int dot = path.LastIndexOf('.');
        string last = path[(dot + 1)..];
        JsonNode parent = Find(root, path[..dot]);
        int bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            parent[last] = value;
        }
        else
        {
            parent[last[..bracket]]![Index(last, bracket)] = value;
        }
    }

    private static int Index(string part, int bracket) => int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture);
}
