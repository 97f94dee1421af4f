#!/usr/bin/env bash
# cli.sh: golden tests of the aipm-lint binary: exact stdout, stderr and exit status.
#
#   fixtures/cli/<case>/args             one argument per line (run from the repo root)
#   fixtures/cli/<case>/stdin            optional standard input
#   fixtures/cli/<case>/expected.stdout  exact standard output (absent: must be empty)
#   fixtures/cli/<case>/expected.stderr  exact standard error (absent: must be empty)
#   fixtures/cli/<case>/expected.status  exit status (absent: 0)
#
#   fixtures/checks/<kind>/rule.yaml + <doc>.md + <doc>.expected
#       aipm-lint --no-builtin --rules rule.yaml --quiet --color=never <doc>.md
#   fixtures/rules/<rule-id>/<doc>.md + <doc>.expected
#       aipm-lint --select <rule-id> --quiet --color=never <doc>.md
#
# Each .expected holds the exact text output (no summary line).
set -u
cd "$(dirname "$0")/.."
BIN=${AIPM_LINT:-build/aipm-lint}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

compare() { # name expected-file actual-file
    if [ -f "$2" ]; then
        if ! diff -u "$2" "$3" >"$tmp/diff"; then
            echo "FAIL $1: $(basename "$2") differs"
            cat "$tmp/diff"
            return 1
        fi
    elif [ -s "$3" ]; then
        echo "FAIL $1: unexpected output in $(basename "$2" | sed 's/expected.//'):"
        cat "$3"
        return 1
    fi
    return 0
}

for dir in fixtures/cli/*/; do
    [ -f "$dir/args" ] || continue
    name=$(basename "$dir")
    args=()
    while IFS= read -r line || [ -n "$line" ]; do
        args+=("$line")
    done <"$dir/args"
    if [ -f "$dir/stdin" ]; then
        NO_COLOR= "$BIN" "${args[@]}" <"$dir/stdin" >"$tmp/out" 2>"$tmp/err"
    else
        NO_COLOR= "$BIN" "${args[@]}" </dev/null >"$tmp/out" 2>"$tmp/err"
    fi
    status=$?
    want=0
    [ -f "$dir/expected.status" ] && want=$(cat "$dir/expected.status")
    ok=1
    compare "$name" "$dir/expected.stdout" "$tmp/out" || ok=0
    compare "$name" "$dir/expected.stderr" "$tmp/err" || ok=0
    if [ "$status" != "$want" ]; then
        echo "FAIL $name: exit status $status, expected $want"
        ok=0
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done

run_doc() { # name expected doc args...
    local name=$1 expected=$2 doc=$3
    shift 3
    "$BIN" "$@" --quiet --color=never "$doc" >"$tmp/out" 2>"$tmp/err"
    local status=$?
    if [ "$status" -gt 1 ]; then
        echo "FAIL $name: exit status $status"
        cat "$tmp/err"
        fail=$((fail + 1))
        return
    fi
    if compare "$name" "$expected" "$tmp/out" && [ -f "$expected" ]; then
        pass=$((pass + 1))
    else
        [ -f "$expected" ] || echo "FAIL $name: missing $expected"
        fail=$((fail + 1))
    fi
}

for rule in fixtures/checks/*/rule.yaml; do
    [ -f "$rule" ] || continue
    dir=$(dirname "$rule")
    for doc in "$dir"/*.md; do
        [ -f "$doc" ] || continue
        run_doc "checks/$(basename "$dir")/$(basename "$doc")" "${doc%.md}.expected" "$doc" \
            --no-builtin --rules "$rule"
    done
done

for dir in fixtures/rules/*/; do
    [ -d "$dir" ] || continue
    id=$(basename "$dir")
    for doc in "$dir"*.md; do
        [ -f "$doc" ] || continue
        run_doc "rules/$id/$(basename "$doc")" "${doc%.md}.expected" "$doc" --select "$id"
    done
done

# --jobs: the output over every fixture is byte-identical for 1 and 4 threads.
for fmt in text json; do
    for j in 1 4; do
        NO_COLOR= "$BIN" --jobs "$j" --format "$fmt" --color=never fixtures \
            </dev/null >"$tmp/jobs$j.out" 2>"$tmp/jobs$j.err"
        echo "status $?" >>"$tmp/jobs$j.err"
    done
    if cmp -s "$tmp/jobs1.out" "$tmp/jobs4.out" && cmp -s "$tmp/jobs1.err" "$tmp/jobs4.err" &&
        [ -s "$tmp/jobs1.out" ]; then
        pass=$((pass + 1))
    else
        echo "FAIL jobs/$fmt: output of --jobs 1 and --jobs 4 over fixtures/ differs"
        diff -u "$tmp/jobs1.out" "$tmp/jobs4.out" | head -20
        diff -u "$tmp/jobs1.err" "$tmp/jobs4.err" | head -20
        fail=$((fail + 1))
    fi
done

echo "cli tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
