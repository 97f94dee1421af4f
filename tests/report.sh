#!/usr/bin/env bash
# report.sh: the output formats end to end, through the binary.
#
#   - SARIF output (the golden file and real runs) validates against the SARIF
#     2.1.0 schema, offline: ${AIPM_SARIF_SCHEMA:-../shared/schemas/sarif-2.1.0.json}
#   - one run writes several formats (--format F --output FILE, --format F=FILE),
#     each byte-identical to a run with that format alone
#   - the exit status is the same in every format, for every --fail-on and --max-warnings
#   - --format github appends the Markdown summary to $GITHUB_STEP_SUMMARY
#   - every sample command in docs/formats.md and docs/ci.md prints what the docs show
set -u
cd "$(dirname "$0")/.."
BIN=${AIPM_LINT:-build/aipm-lint}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
SCHEMA=${AIPM_SARIF_SCHEMA:-../shared/schemas/sarif-2.1.0.json}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset GITHUB_STEP_SUMMARY
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
    echo "FAIL $*"
    fail=$((fail + 1))
}
FORMATS="text json sarif github gitlab junit checkstyle rdjson"
INPUTS="examples fixtures/cli fixtures/rules docs/samples"

# --- SARIF against the schema
if ! python3 -c 'import jsonschema' 2>/dev/null; then
    bad "sarif: python3-jsonschema is missing (scripts/install-deps --with-test-tools)"
elif [ ! -f "$SCHEMA" ]; then
    bad "sarif: no schema at $SCHEMA (set AIPM_SARIF_SCHEMA)"
else
    "$BIN" --format sarif $INPUTS >"$tmp/all.sarif" 2>/dev/null
    "$BIN" --format sarif docs/samples/notes.md >"$tmp/one.sarif" 2>/dev/null
    "$BIN" --format sarif --no-builtin --rules fixtures/cli/fail-on-error/rules.yaml \
        README.md >"$tmp/none.sarif" 2>/dev/null
    if python3 tests/tools/validate-sarif.py "$SCHEMA" fixtures/report/expected.sarif \
        "$tmp/all.sarif" "$tmp/one.sarif" "$tmp/none.sarif"; then ok; else bad "sarif: schema validation"; fi
fi

# --- several formats from one run
for f in $FORMATS; do
    "$BIN" --format "$f" $INPUTS >"$tmp/alone.$f" 2>/dev/null
done
"$BIN" --format sarif --output "$tmp/multi.sarif" --format text --format "junit=$tmp/multi.junit" \
    --format gitlab -o "$tmp/multi.gitlab" $INPUTS >"$tmp/multi.stdout" 2>/dev/null
for pair in sarif:multi.sarif junit:multi.junit gitlab:multi.gitlab text:multi.stdout; do
    if cmp -s "$tmp/alone.${pair%%:*}" "$tmp/${pair#*:}"; then ok; else bad "multi: ${pair#*:} differs from --format ${pair%%:*} alone"; fi
done
for f in $FORMATS; do
    "$BIN" --format "$f=$tmp/file.$f" $INPUTS >"$tmp/file.stdout" 2>/dev/null
    if cmp -s "$tmp/alone.$f" "$tmp/file.$f" && [ ! -s "$tmp/file.stdout" ]; then ok; else bad "multi: --format $f=FILE differs"; fi
done
"$BIN" --format "json=$tmp/no/such/dir/x.json" examples >/dev/null 2>"$tmp/err"
st=$?
if [ $st = 2 ] && grep -q "cannot write '$tmp/no/such/dir/x.json'" "$tmp/err"; then ok; else bad "multi: unwritable --output gives status $st"; fi

# --- the same exit status in every format
for opts in "" "--fail-on warning" "--fail-on info" "--fail-on never" "--fail-on error" \
    "--max-warnings 0" "--max-warnings 1000" "--fail-on never --max-warnings 0"; do
    for input in examples/vision.md docs/samples/checkout-prd.md fixtures/cli/fail-on-error/doc.md; do
        want=
        for f in $FORMATS; do
            # shellcheck disable=SC2086
            "$BIN" --format "$f" $opts "$input" >/dev/null 2>&1
            st=$?
            [ -n "$want" ] || want=$st
            if [ "$st" = "$want" ]; then ok; else bad "status: --format $f $opts $input: $st, text gave $want"; fi
        done
    done
done
# --fail-on error is the default
"$BIN" --fail-on error examples/vision.md >/dev/null 2>&1
a=$?
"$BIN" examples/vision.md >/dev/null 2>&1
if [ $a = $? ]; then ok; else bad "status: the default is not --fail-on error"; fi

# --- GitHub step summary
printf 'before\n' >"$tmp/summary.md"
GITHUB_STEP_SUMMARY="$tmp/summary.md" "$BIN" --format github examples/vision.md >"$tmp/gh" 2>/dev/null
n_cmds=$(grep -c '^::' "$tmp/gh")
n_rows=$(grep -c '^| \(error\|warning\|info\) |' "$tmp/summary.md")
if head -1 "$tmp/summary.md" | grep -qx before && [ "$n_cmds" -gt 0 ] && [ "$n_cmds" = "$n_rows" ]; then ok; else bad "github: step summary has $n_rows rows for $n_cmds commands"; fi

# --- documentation samples
if python3 tests/tools/check-samples.py "$BIN" docs/samples docs/formats.md; then ok; else bad "docs/formats.md samples"; fi

echo "report tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
