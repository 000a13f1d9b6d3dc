using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Upon.Core.Fuzz.Documents;

/// <summary>
/// A JSON value as the fuzzer edits it: unlike System.Text.Json's DOM it keeps duplicate keys, and strings, keys
/// and raw values may hold bytes that are not valid JSON or not valid UTF-8 (see <see cref="RawChunks"/>).
/// </summary>
internal abstract class JsonTree
{
    public abstract JsonTree Clone();

    /// <summary>Reads a well-formed JSON value (the seeds) into a tree; numbers, booleans and null keep their text.</summary>
    public static JsonTree From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new JsonObject(element.EnumerateObject().Select(p => new JsonMember(p.Name, From(p.Value)))),
        JsonValueKind.Array => new JsonArray(element.EnumerateArray().Select(From)),
        JsonValueKind.String => new JsonString(element.GetString()!),
        _ => new JsonRaw(element.GetRawText()),
    };

    public static JsonTree Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return From(document.RootElement);
    }
}

/// <summary>A member of an object; the key may hold raw chunks.</summary>
internal sealed class JsonMember(string key, JsonTree value)
{
    public string Key { get; set; } = key;

    public JsonTree Value { get; set; } = value;
}

internal sealed class JsonObject(IEnumerable<JsonMember> members) : JsonTree
{
    public List<JsonMember> Members { get; } = [.. members];

    public JsonTree? this[string key] => Members.FirstOrDefault(m => m.Key == key)?.Value;

    public override JsonTree Clone() => new JsonObject(Members.Select(m => new JsonMember(m.Key, m.Value.Clone())));
}

internal sealed class JsonArray(IEnumerable<JsonTree> items) : JsonTree
{
    public List<JsonTree> Items { get; } = [.. items];

    public override JsonTree Clone() => new JsonArray(Items.Select(i => i.Clone()));
}

/// <summary>A string value; it may hold raw chunks.</summary>
internal sealed class JsonString(string value) : JsonTree
{
    public string Value { get; set; } = value;

    public override JsonTree Clone() => new JsonString(Value);
}

/// <summary>A value written exactly as its text: a number, true, false, null, or anything else the fuzzer wants verbatim.</summary>
internal sealed class JsonRaw(string text) : JsonTree
{
    public string Text { get; } = text;

    public override JsonTree Clone() => this;
}

/// <summary>
/// A place in a tree: the container and how to get or set the value there. The fuzzer collects places, picks one,
/// and replaces its value or key.
/// </summary>
internal sealed class JsonPlace(JsonTree value, Action<JsonTree> set, JsonMember? member, string path)
{
    public JsonTree Value { get; } = value;

    public Action<JsonTree> Set { get; } = set;

    /// <summary>Gets the member when the place is a property of an object (so its key can be changed too).</summary>
    public JsonMember? Member { get; } = member;

    /// <summary>Gets a path of keys and indexes from the record root, for the free-text table (not a JSON path).</summary>
    public string Path { get; } = path;

    /// <summary>Lists every place under <paramref name="root"/> (the root itself excluded), depth first in document order.</summary>
    public static List<JsonPlace> All(JsonTree root)
    {
        List<JsonPlace> places = [];
        Collect(root, string.Empty, places);
        return places;
    }

    private static void Collect(JsonTree node, string path, List<JsonPlace> places)
    {
        switch (node)
        {
            case JsonObject obj:
                for (int i = 0; i < obj.Members.Count; i++)
                {
                    JsonMember member = obj.Members[i];
                    string childPath = path + "/" + member.Key;
                    places.Add(new JsonPlace(member.Value, v => member.Value = v, member, childPath));
                    Collect(member.Value, childPath, places);
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Items.Count; i++)
                {
                    int index = i;
                    string childPath = path + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    places.Add(new JsonPlace(array.Items[i], v => array.Items[index] = v, null, childPath));
                    Collect(array.Items[i], childPath, places);
                }

                break;
        }
    }
}
