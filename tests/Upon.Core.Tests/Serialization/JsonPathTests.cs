using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>
/// Problem paths name properties as JSONPath does: <c>$.name</c> for an identifier, <c>$['…']</c> otherwise, at most
/// 64 characters of a name (then an ellipsis), with quotes and backslashes escaped and invisible characters as <c>\u</c>.
/// </summary>
public sealed class JsonPathTests
{
    [Theory]
    [InlineData("id", "$.id")]
    [InlineData("_x", "$._x")]
    [InlineData("x_9", "$.x_9")]
    [InlineData("9x", "$['9x']")]
    [InlineData("", "$['']")]
    [InlineData("White British", "$['White British']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("a\\b", "$['a\\\\b']")]
    [InlineData("x\ny", "$['x\\u000ay']")]
    [InlineData("\u202e", "$['\\u202e']")]
    [InlineData("😀", "$['😀']")]
    public void Property_NamesAsJsonPathDoes(string name, string expected) =>
        Assert.Equal(expected, JsonPath.Property(JsonPath.Root, name));

    [Fact]
    public void Property_HalfASurrogatePair_IsEscaped() =>
        Assert.Equal("$['x\\ud83dy']", JsonPath.Property(JsonPath.Root, "x\ud83dy"));

    [Fact]
    public void Property_AtMost64CharactersOfAName_ThenAnEllipsis()
    {
        string identifier64 = new('a', 64);
        string other64 = "-" + new string('a', 63);

        Assert.Equal("$." + identifier64, JsonPath.Property(JsonPath.Root, identifier64));
        Assert.Equal($"$['{identifier64}…']", JsonPath.Property(JsonPath.Root, identifier64 + "a"));
        Assert.Equal($"$['{other64}']", JsonPath.Property(JsonPath.Root, other64));
        Assert.Equal($"$['{other64}…']", JsonPath.Property(JsonPath.Root, other64 + "b"));
    }

    [Property(MaxTest = 1000)]
    public Property Property_ShowsAtMost64CharactersOfTheName() =>
        Prop.ForAll(
            Arb.From(Gen.Elements('a', '_', '-', ' ', '\n', '\u202e', '\'', '\\', 'é').ArrayOf().Select(chars => new string(chars))),
            name =>
            {
                // Each character shown is at most six (an escape \uXXXX); the rest of a long name is an ellipsis.
                string path = JsonPath.Property(JsonPath.Root, name);
                Assert.True(path.Length <= "$['…']".Length + (6 * JsonPath.MaxNameLength), path);
                Assert.Equal(name.Length > JsonPath.MaxNameLength, path.EndsWith("…']", System.StringComparison.Ordinal));
            });
}
