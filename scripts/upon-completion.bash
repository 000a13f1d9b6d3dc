# Bash completion for upon: commands, options and option values, asked of the tool itself through
# System.CommandLine's [suggest] directive (upon "[suggest:POSITION]" "LINE" prints the completions).
# Use: source scripts/upon-completion.bash (in ~/.bashrc, or copy it to /etc/bash_completion.d/upon).
# zsh: autoload -U bashcompinit && bashcompinit && source scripts/upon-completion.bash
# The tool is run as ${UPON_COMMAND:-upon}, so a build can be tried with UPON_COMMAND="dotnet path/to/upon.dll".
_upon() {
  local line="${COMP_LINE:0:COMP_POINT}"
  # The directive wants the line after the program's name, and the cursor's place in it.
  line="${line#*[[:space:]]}"
  local completions
  completions=$(${UPON_COMMAND:-upon} "[suggest:${#line}]" "${line}" 2>/dev/null) || return 0
  local IFS=$'\n'
  COMPREPLY=($(compgen -W "${completions}" -- "${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _upon upon
