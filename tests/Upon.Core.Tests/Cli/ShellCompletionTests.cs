using System.Runtime.Versioning;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

/// <summary>scripts/upon-completion.bash completes commands, options and option values by asking the built tool.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class ShellCompletionTests(UponTool tool) : IClassFixture<UponTool>
{
    [Theory]
    [InlineData("upon tu", "turnover")]
    [InlineData("upon cohort sp", "split")]
    [InlineData("upon tenure a.csv --metho", "--method")]
    [InlineData("upon tenure a.csv --method ", "cif\ncompleted\ncox\nin-post\nkm")]
    [InlineData("upon tenure a.csv --method k", "km")]
    [InlineData("upon eligibility check x.jsonl --format j", "json\njsonl")]
    public void Completion_OffersWhatTheToolAccepts(string line, string expected)
    {
        string script = Repository.PathOf("scripts", "upon-completion.bash");
        string words = line.EndsWith(' ') ? line + "''" : line;

        // As bash calls a completion function: the line, the cursor at its end, the words and the one being completed.
        (int exitCode, string output, string error) = tool.RunShell(
            """
            export UPON_COMMAND="$UPON"
            source "$1"
            COMP_LINE="$2"
            COMP_POINT=${#COMP_LINE}
            eval "COMP_WORDS=($3)"
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _upon
            printf '%s\n' "${COMPREPLY[@]}"
            """,
            script,
            line,
            words);

        Assert.True(exitCode == 0, error);
        Assert.Equal(expected + "\n", output);
    }
}
