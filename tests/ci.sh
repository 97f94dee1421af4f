#!/usr/bin/env bash
# ci.sh: the CI integrations run the exact command lines they contain.
#
#   .pre-commit-hooks.yaml  each hook's entry + args over changed files: silent and 0 on a clean
#                           file, 1 with the findings on a bad one; 'files' takes only Markdown
#   contrib/pre-commit      in a scratch git repo: lints only staged Markdown, silent on success,
#                           blocks the commit on an error
#   action.yml              both steps' scripts, as the runner would run them (builds aipm-lint
#                           into $RUNNER_TEMP), with and without SARIF, config and thresholds
#   docs/ci.md              every 'aipm-lint ...' command line runs (status 0 or 1, not a usage
#                           error) and writes the files it names
#
# The hooks and docs find 'aipm-lint' on PATH: a wrapper around $AIPM_LINT with a fixed
# rule file (fixtures/ci/rules.yaml), so the outcome does not depend on the built-in pack.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${AIPM_LINT:-build/aipm-lint}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
SCHEMA=${AIPM_SARIF_SCHEMA:-../shared/schemas/sarif-2.1.0.json}
SCHEMA=$(cd "$(dirname "$SCHEMA")" 2>/dev/null && pwd)/$(basename "$SCHEMA")
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

mkdir -p "$tmp/bin"
cat >"$tmp/bin/aipm-lint" <<WRAP
#!/bin/sh
exec "$BIN" --no-builtin --rules "$ROOT/fixtures/ci/rules.yaml" "\$@"
WRAP
chmod +x "$tmp/bin/aipm-lint"
export PATH="$tmp/bin:$PATH"
GOOD=$ROOT/fixtures/ci/good.md
BAD=$ROOT/fixtures/ci/bad.md
WARN=$ROOT/fixtures/ci/warn.md
unset AIPM_LINT AIPM_LINT_ARGS # the hook reads them

# --- .pre-commit-hooks.yaml: entry + args, files regex
hook_field() { # id field: the value of 'field' in hook 'id' (one-line values)
    awk -v id="$1" -v f="$2" '
        /^- id: / { cur = $3 }
        cur == id && $1 == f":" { sub("^ *" f ": *", ""); print; exit }' .pre-commit-hooks.yaml
}
for id in $(awk '/^- id: /{print $3}' .pre-commit-hooks.yaml); do
    entry=$(hook_field "$id" entry)
    args=$(hook_field "$id" args | tr -d '[],')
    files=$(hook_field "$id" files | tr -d "'")
    case "$id" in
    aipm-lint-source) cmd="$ROOT/$entry" ;; # language: script runs it from the hook repo
    *) cmd=$entry ;;
    esac
    if [ "$id" = aipm-lint-source ]; then
        # run the script from a copy whose build/aipm-lint is the stand-in (no rebuild)
        mkdir -p "$tmp/src/contrib" "$tmp/src/build"
        cp "$ROOT/$entry" "$tmp/src/$entry"
        ln -s "$tmp/bin/aipm-lint" "$tmp/src/build/aipm-lint"
        cmd="$tmp/src/$entry"
    fi
    for md in a.md b.markdown; do
        python3 -c 'import re,sys; sys.exit(0 if re.search(sys.argv[1], sys.argv[2]) else 1)' "$files" "$md" &&
            ok || bad "pre-commit hook $id: files '$files' does not match $md"
    done
    python3 -c 'import re,sys; sys.exit(1 if re.search(sys.argv[1], sys.argv[2]) else 0)' "$files" notes.txt &&
        ok || bad "pre-commit hook $id: files '$files' matches notes.txt"
    # shellcheck disable=SC2086
    out=$($cmd $args "$GOOD" 2>&1)
    st=$?
    if [ $st = 0 ] && [ -z "$out" ]; then ok; else bad "pre-commit hook $id: clean file gave status $st, output '$out'"; fi
    # shellcheck disable=SC2086
    out=$($cmd $args "$GOOD" "$BAD" 2>&1)
    st=$?
    if [ $st = 1 ] && echo "$out" | grep -q "bad.md:.*error"; then ok; else bad "pre-commit hook $id: bad file gave status $st, output '$out'"; fi
done

# --- contrib/pre-commit in a scratch repository
repo=$tmp/repo
git init -q "$repo"
git -C "$repo" config user.email ci@example.com
git -C "$repo" config user.name ci
cp "$GOOD" "$repo/good.md"
cp "$BAD" "$repo/unstaged-bad.md"
cp "$BAD" "$repo/notes.txt"
git -C "$repo" add good.md notes.txt
out=$(cd "$repo" && "$ROOT/contrib/pre-commit" 2>&1)
st=$?
if [ $st = 0 ] && [ -z "$out" ]; then ok; else bad "contrib/pre-commit: clean staged files gave status $st, output '$out'"; fi
cp "$BAD" "$repo/bad doc.md"
git -C "$repo" add "bad doc.md"
out=$(cd "$repo" && "$ROOT/contrib/pre-commit" 2>&1)
st=$?
if [ $st = 1 ] && echo "$out" | grep -q "^bad doc.md:3:.*error" && ! echo "$out" | grep -q unstaged; then ok; else bad "contrib/pre-commit: staged error gave status $st, output '$out'"; fi
# the staged version counts, not the working tree
cp "$GOOD" "$repo/bad doc.md"
out=$(cd "$repo" && "$ROOT/contrib/pre-commit" 2>&1)
[ $? = 1 ] && ok || bad "contrib/pre-commit: linted the working tree, not the index"
out=$(cd "$repo" && AIPM_LINT_ARGS='--fail-on never' "$ROOT/contrib/pre-commit" 2>&1)
st=$?
if [ $st = 0 ] && [ -z "$out" ]; then ok; else bad "contrib/pre-commit: AIPM_LINT_ARGS ignored ($st)"; fi

# --- action.yml: run each step's script as the runner does (bash -e, inputs as env)
step_script() { # N: the 'run: |' block of step N (1-based)
    awk -v n="$1" '
        /^    - name: / { step++ }
        step == n && /^      run: \|/ { on = 1; next }
        on && /^        / { sub(/^        /, ""); print; next }
        on { exit }' action.yml
}
runner=$tmp/runner
mkdir -p "$runner"
step_script 1 >"$tmp/build.sh"
step_script 2 >"$tmp/lint.sh"
if ! grep -q install-deps "$tmp/build.sh" || ! grep -q -- '--format github' "$tmp/lint.sh"; then
    bad "action.yml: could not find the build and lint steps"
fi
# a clean environment, as on a runner: none of the calling make's variables (SANITIZE=1,
# BUILD=..., MAKEFLAGS) leak into the step
if env -i PATH="$PATH" HOME="${HOME:-/tmp}" GITHUB_ACTION_PATH=$ROOT RUNNER_TEMP=$runner \
    bash -e "$tmp/build.sh" >"$tmp/build.log" 2>&1 &&
    [ -x "$runner/aipm-lint-build/aipm-lint" ]; then
    ok
else
    bad "action.yml: the build step failed:"
    tail -20 "$tmp/build.log"
fi
# the lint step with the built binary swapped for the fixed-rules wrapper
mv "$runner/aipm-lint-build/aipm-lint" "$runner/aipm-lint-build/aipm-lint.real" 2>/dev/null
cp "$tmp/bin/aipm-lint" "$runner/aipm-lint-build/aipm-lint"
run_action() { # paths config fail-on max-warnings sarif
    (cd "$tmp" && GITHUB_ACTION_PATH=$ROOT RUNNER_TEMP=$runner GITHUB_OUTPUT=$tmp/gh-output \
        GITHUB_STEP_SUMMARY=$tmp/gh-summary AIPM_PATHS=$1 AIPM_CONFIG=$2 AIPM_FAIL_ON=$3 \
        AIPM_MAX_WARNINGS=$4 AIPM_SARIF=$5 bash -e "$tmp/lint.sh" >"$tmp/action.out" 2>&1)
}
cp "$GOOD" "$BAD" "$WARN" "$tmp/"
run_action "good.md bad.md" "" error "" out.sarif
st=$?
if [ $st = 1 ] && grep -q '^::error file=bad.md,line=3' "$tmp/action.out" && [ -s "$tmp/out.sarif" ] &&
    grep -qx 'sarif=out.sarif' "$tmp/gh-output" && grep -q '^| error | bad.md:3' "$tmp/gh-summary"; then
    ok
else
    bad "action.yml: lint step with an error gave status $st:"
    cat "$tmp/action.out"
fi
if [ -f "$SCHEMA" ] && python3 -c 'import jsonschema' 2>/dev/null; then
    python3 tests/tools/validate-sarif.py "$SCHEMA" "$tmp/out.sarif" && ok || bad "action.yml: SARIF invalid"
fi
run_action "good.md" "" error "" ""
st=$?
if [ $st = 0 ] && [ ! -s "$tmp/action.out" ]; then ok; else bad "action.yml: clean file gave status $st: $(cat "$tmp/action.out")"; fi
run_action "good.md bad.md" "" never "" ""
[ $? = 0 ] && ok || bad "action.yml: fail-on never still failed"
run_action "warn.md" "" never 0 ""
[ $? = 1 ] && ok || bad "action.yml: max-warnings 0 did not fail on warn.md's warning"
run_action "warn.md" "" error 1 ""
[ $? = 0 ] && ok || bad "action.yml: max-warnings 1 failed on one warning"
printf 'rules: {}\n' >"$tmp/cfg.yaml"
if "$BIN" --help | grep -q -- '--config'; then
    run_action "good.md" "$tmp/cfg.yaml" error "" ""
    st=$?
    [ $st != 2 ] && ok || bad "action.yml: config input gave a usage error: $(cat "$tmp/action.out")"
fi

# --- docs/ci.md: every aipm-lint command line
ws=$tmp/ws
mkdir -p "$ws/docs"
cp "$GOOD" "$BAD" "$WARN" "$ws/docs/"
n=0
while IFS= read -r cmd; do
    n=$((n + 1))
    rm -f "$ws"/*.sarif "$ws"/*.json "$ws"/*.xml
    (cd "$ws" && eval "$cmd") >"$tmp/doc.out" 2>&1
    st=$?
    if [ $st -gt 1 ]; then
        bad "docs/ci.md: '$cmd' gave status $st: $(cat "$tmp/doc.out")"
        continue
    fi
    missing=
    for f in $(echo "$cmd" | grep -o -- '\(=\|--output \)[A-Za-z0-9_.-]*\.\(sarif\|json\|xml\)' | sed 's/^=//; s/^--output //'); do
        [ -s "$ws/$f" ] || missing="$missing $f"
    done
    if [ -z "$missing" ]; then ok; else bad "docs/ci.md: '$cmd' did not write$missing"; fi
done < <(sed -n 's/^ *\(- \)\{0,1\}\(run: \)\{0,1\}\(aipm-lint \(-\|[a-z]\)[^|`]*\).*$/\3/p' docs/ci.md | sed 's/ *$//' | grep -v '\.\.\.\|LEVEL\|FILE\|PATH')
if [ $n -ge 4 ]; then ok; else bad "docs/ci.md: found only $n command lines"; fi

echo "ci tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
