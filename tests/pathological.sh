#!/usr/bin/env bash
# pathological.sh: hostile inputs that must lint in linear time (issue 7).
#
# Each case is generated at test time (no megabyte files in git), linted
# with the built-in rules (and --show-source, so the text reporter sees the
# huge lines too), and must finish under LIMIT seconds (default 2; the
# Makefile passes more under sanitizers) with exit 0 or 1 and no output on
# stderr other than expected warnings. Per-case times are printed.
#
#   usage: AIPM_LINT=build/aipm-lint [PATHO_LIMIT=5] tests/pathological.sh [case...]
set -u
cd "$(dirname "$0")/.." || exit 2
BIN=${AIPM_LINT:-build/aipm-lint}
LIMIT=${PATHO_LIMIT:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() { # name python-expression producing the document as a str
    python3 -c "import sys; sys.stdout.write($2)" >"$tmp/$1.md"
}

gen nested-quotes '"> " * 50000 + "a\n"'
gen nested-lists '"- " * 50000 + "a\n"'
gen nested-lists-indented '"".join("  " * (i % 50) + "- a\n" for i in range(50000))'
gen long-line '("word " * 1048576)[:5 * 1024 * 1024] + "\n"'
gen brackets '"[" * 100000 + "\n"'
gen stars '"*" * 100000 + "\n"'
gen brackets-stars '"[*" * 50000 + "\n"'
gen table-cols '"|" + "a|" * 10000 + "\n|" + "-|" * 10000 + "\n|" + "1|" * 10000 + "\n"'
gen table-rows '"| Metric | Target |\n|---|---|\n" + "| fast | soon |\n" * 100000'
gen fm-dashes '"---\n" * 1000000'
gen fm-dash-line '"-" * 5000000 + "\n"'
gen fm-unclosed '"---\n" + "key: value\n" * 200000'
gen headings '"# h\n" * 1000000'
gen nested-headings '"".join("#" * (1 + i % 6) + " Heading " + str(i) + "\n" for i in range(200000))'
gen emphasis-runs '"*a **b " * 200000 + "\n"'
gen sentences '"This is fast. " * 300000 + "\n"'

# A catastrophic user pattern: one diagnostic naming rule and file; the
# rest of the document (the forbidden word after the long line) still linted.
cat >"$tmp/backtrack.yaml" <<'YAML'
rules:
  - id: team.backtrack
    summary: A pattern that backtracks catastrophically
    severity: warning
    check: forbid
    patterns: ['(a+)+$']
    message: 'Matched "{match}"'
  - id: team.forbid-word
    summary: A forbidden word
    severity: warning
    check: forbid
    words: [widget]
    message: 'Forbidden word "{match}"'
YAML
python3 -c 'import sys; sys.stdout.write("# Notes\n\n" + ("a" * 100000 + "!\n\n") * 3 + "A widget.\n")' \
    >"$tmp/backtrack.md"

pass=0
fail=0
run() { # name args...: CPU time (user + sys), robust to a loaded CI machine
    local name=$1
    shift
    local status ms wall
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" \
        timeout $((LIMIT * 5 + 10)) "$BIN" "$@" >"$tmp/out" 2>"$tmp/err"
    status=$?
    ms=$(awk 'END { printf "%d", ($2 + $3) * 1000 }' "$tmp/time")
    wall=$(awk 'END { printf "%d", $1 * 1000 }' "$tmp/time")
    if [ "$status" -gt 1 ]; then
        echo "FAIL $name: exit $status after ${wall} ms"
        head -5 "$tmp/err" | cut -c1-200
        fail=$((fail + 1))
        return 1
    fi
    if [ "$ms" -gt $((LIMIT * 1000)) ]; then
        echo "FAIL $name: ${ms} ms CPU, over the limit of ${LIMIT} s"
        fail=$((fail + 1))
        return 1
    fi
    printf '  %-22s %6d ms CPU %6d ms wall  %5s input\n' "$name" "$ms" "$wall" \
        "$(du -h "$tmp/$name.md" 2>/dev/null | cut -f1)"
    pass=$((pass + 1))
    return 0
}

echo "== pathological inputs (limit ${LIMIT} s each)"
for f in "$tmp"/*.md; do
    name=$(basename "$f" .md)
    [ "$name" = backtrack ] && continue
    if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then
        continue
    fi
    run "$name" --color=never --show-source --format=text "$f"
    timeout $((LIMIT * 5 + 10)) "$BIN" --format=json "$f" >/dev/null 2>&1
    [ $? -le 1 ] || { echo "FAIL $name: json reporter failed or timed out"; fail=$((fail + 1)); }
done

if [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qx backtrack; then
    if run backtrack --no-builtin --rules "$tmp/backtrack.yaml" --color=never "$tmp/backtrack.md"; then
        n=$(grep -c "exceeded the match limit" "$tmp/out")
        if [ "$n" != 1 ] || ! grep -q "backtrack.md:.*rule 'team.backtrack'" "$tmp/out" ||
            ! grep -q 'Forbidden word "widget"' "$tmp/out"; then
            echo "FAIL backtrack: want one match-limit diagnostic naming rule and file, and the"
            echo "     rest of the document linted; got:"
            cut -c1-200 "$tmp/out"
            fail=$((fail + 1))
            pass=$((pass - 1))
        fi
    fi
fi

echo "pathological: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
