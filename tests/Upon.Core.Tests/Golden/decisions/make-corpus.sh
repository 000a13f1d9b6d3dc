#!/bin/sh
# Writes the decision corpus of Golden/decisions/ (see Golden/README.md): the applications of docs/examples
# (applications.jsonl without its invalid record, and cases.json) and of the built-in case files, then the decision
# of every built-in policy on each, with fingerprints, as `upon eligibility check --format jsonl` writes them.
# Run from the repository's root: sh tests/Upon.Core.Tests/Golden/decisions/make-corpus.sh
set -eu
here=tests/Upon.Core.Tests/Golden/decisions
python3 - "$here/applications.jsonl" <<'PY'
import json, sys
apps, seen = [], {}
def add(app):
    text = json.dumps(app, ensure_ascii=False, separators=(",", ":"))
    if app["id"] in seen:
        if seen[app["id"]] == text:
            return
        app = dict(app, id=app["id"] + "-b")
        text = json.dumps(app, ensure_ascii=False, separators=(",", ":"))
    seen[app["id"]] = text
    apps.append(text)
for line in open("docs/examples/applications.jsonl", encoding="utf-8"):
    if line.strip() and '"id":"A-005"' not in line:
        add(json.loads(line))
for path in ["docs/examples/cases.json"] + [f"src/Upon.Core.Testing/Cases/aspirant-{y}.cases.json" for y in ("2020-21", "2021-22", "2022-23")]:
    for case in json.load(open(path, encoding="utf-8"))["cases"]:
        add(case["application"])
open(sys.argv[1], "w", encoding="utf-8", newline="\n").write("\n".join(apps) + "\n")
PY
: > "$here/decisions.jsonl"
for policy in aspirant-2020-21@1 aspirant-2021-22@1 aspirant-2022-23@1; do
  dotnet run --project src/Upon.Cli -- eligibility check "$here/applications.jsonl" --policy "$policy" --format jsonl >> "$here/decisions.jsonl"
done
