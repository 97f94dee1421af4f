#!/usr/bin/env bash
# docs.sh: every rule has a page docs/rules/<id>.md whose title is
# "# <id>: <summary>" (the summary from the YAML), and every page has a rule;
# every built-in rule has golden fixtures (a bad and a good document) under
# fixtures/rules/<id>/.
set -u
cd "$(dirname "$0")/.."
BIN=${AIPM_LINT:-build/aipm-lint}
pass=0
fail=0
ids=$("$BIN" --list-rules --color=never | tail -n +2 | awk '{print $1}')
for id in $ids; do
    page="docs/rules/$id.md"
    summary=$("$BIN" --explain "$id" | head -1 | sed "s/^$id: //")
    if [ ! -f "$page" ]; then
        echo "FAIL rule '$id' has no page $page"
        fail=$((fail + 1))
    elif [ "$(head -1 "$page")" != "# $id: $summary" ]; then
        echo "FAIL $page: first line must be '# $id: $summary'"
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
    if ! ls "fixtures/rules/$id"/bad-*.md >/dev/null 2>&1 ||
        ! ls "fixtures/rules/$id"/good-*.md >/dev/null 2>&1; then
        echo "FAIL rule '$id' has no fixtures/rules/$id/bad-*.md and good-*.md"
        fail=$((fail + 1))
    fi
done
for page in docs/rules/*.md; do
    [ -f "$page" ] || continue
    id=$(basename "$page" .md)
    if ! printf '%s\n' $ids | grep -qx "$id"; then
        echo "FAIL $page documents no rule"
        fail=$((fail + 1))
    fi
done
echo "doc tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
