#!/usr/bin/env bash
# hostile.sh: bad input and faults (issue 7). Every case runs the real
# binary and checks the exit status and the message, never a crash:
# invalid and overlong UTF-8, NUL bytes, a BOM, CRLF and lone CR endings, a
# directory symlink loop, an unreadable path among readable files, files
# vanishing mid-run, stdout on /dev/full, SIGPIPE (| head -1), and YAML
# alias bombs in rule and config files.
#
#   usage: AIPM_LINT=build/aipm-lint tests/hostile.sh
set -u
cd "$(dirname "$0")/.." || exit 2
BIN=${AIPM_LINT:-build/aipm-lint}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() {
    pass=$((pass + 1))
}
bad() { # name why
    echo "FAIL $1: $2"
    [ -f "$tmp/err" ] && head -5 "$tmp/err" | cut -c1-200 | sed 's/^/  stderr: /'
    fail=$((fail + 1))
}
expect() { # name want-status got-status
    if [ "$3" != "$2" ]; then
        bad "$1" "exit status $3, expected $2"
        return 1
    fi
    return 0
}
has() { # name file regex
    if ! grep -Eq -- "$3" "$2"; then
        bad "$1" "no line matching '$3' in $(basename "$2")"
        return 1
    fi
    return 0
}

cat >"$tmp/rules.yaml" <<'YAML'
rules:
  - id: team.forbid-word
    summary: A forbidden word
    severity: warning
    check: forbid
    words: [widget]
    message: 'Forbidden word "{match}"'
YAML
lint() { # args...: the one-rule pack, plain text
    "$BIN" --no-builtin --rules "$tmp/rules.yaml" --color=never --quiet --fail-on=warning "$@" \
        >"$tmp/out" 2>"$tmp/err" </dev/null
}
good_doc() { # path
    printf '# Notes\n\nA widget.\n' >"$1"
}

# --- bytes -----------------------------------------------------------------
printf '# T\n\nbad \xff\xfe and overlong \xc0\xaf \xe0\x80\xaf \xf8\x88\x80\x80\x80 widget\n' \
    >"$tmp/invalid.md"
lint "$tmp/invalid.md"
expect invalid-utf8 1 $? && has invalid-utf8 "$tmp/out" 'invalid.md:3:[0-9]+: warning: Forbidden' &&
    has invalid-utf8 "$tmp/err" 'invalid.md:3: warning: invalid UTF-8' && ok
# the same through every reporter
fmts=$("$BIN" --help | sed -n '/^formats (--format):/,/^$/s/^  \([a-z][a-z0-9-]*\) .*/\1/p')
for fmt in ${fmts:-text json}; do
    "$BIN" --no-builtin --rules "$tmp/rules.yaml" --format="$fmt" "$tmp/invalid.md" \
        >/dev/null 2>"$tmp/err"
    s=$?
    [ $s -le 1 ] && ok || bad "invalid-utf8-$fmt" "exit $s"
done

printf '# T\n\nA widget\0 here.\n' >"$tmp/nul.md"
good_doc "$tmp/fine.md"
lint "$tmp/nul.md" "$tmp/fine.md"
expect nul-byte 2 $? && has nul-byte "$tmp/err" 'nul.md:3:9: error: binary file \(NUL byte at offset 13\)' &&
    has nul-byte "$tmp/out" 'fine.md:3:3: warning: Forbidden' && ok

printf '\xef\xbb\xbfwidget first\n' >"$tmp/bom.md"
lint "$tmp/bom.md"
expect bom 1 $? && has bom "$tmp/out" '^[^ ]*bom.md:1:1: warning: Forbidden' && [ ! -s "$tmp/err" ] && ok

printf '# T\r\n\r\nA widget.\r\nSecond widget\r\n' >"$tmp/crlf.md"
lint "$tmp/crlf.md"
expect crlf 1 $? && has crlf "$tmp/out" 'crlf.md:3:3: warning' && has crlf "$tmp/out" 'crlf.md:4:8: warning' && ok

printf '# T\r\rA widget.\rSecond widget\r' >"$tmp/cr.md"
lint "$tmp/cr.md"
expect lone-cr 1 $? && has lone-cr "$tmp/out" 'cr.md:3:3: warning' && has lone-cr "$tmp/out" 'cr.md:4:8: warning' && ok

printf '# T\n\r\n\rA widget.\n\r' >"$tmp/mixed.md"
lint "$tmp/mixed.md"
s=$?
[ $s -eq 1 ] && ok || bad mixed-eol "exit $s"

# --- file system -----------------------------------------------------------
mkdir -p "$tmp/loop/sub"
good_doc "$tmp/loop/sub/a.md"
ln -s .. "$tmp/loop/sub/up"
ln -s . "$tmp/loop/self"
(cd "$tmp" && timeout 20 "$BIN" --no-builtin --rules rules.yaml --color=never --quiet loop \
    >"$tmp/out" 2>"$tmp/err")
s=$?
[ $s -le 2 ] && has symlink-loop "$tmp/out" 'loop/sub/a.md:3:3' && ok || bad symlink-loop "exit $s"
n=$(grep -c 'a.md:3:3' "$tmp/out")
[ "$n" = 1 ] && ok || bad symlink-loop "a.md reported $n times"

# An unreadable path among readable ones: a directory named like a Markdown
# file and a dangling symlink, both named explicitly (they fail to open as
# files even for root, unlike chmod 000).
mkdir "$tmp/dir.md"
ln -s "$tmp/nowhere.md" "$tmp/dangling.md"
good_doc "$tmp/one.md"
good_doc "$tmp/two.md"
lint "$tmp/one.md" "$tmp/dir.md/" "$tmp/dangling.md" "$tmp/two.md"
s=$?
expect unreadable 2 $s && has unreadable "$tmp/err" "dangling.md': No such file" &&
    has unreadable "$tmp/out" 'one.md:3:3' && has unreadable "$tmp/out" 'two.md:3:3' && ok
if [ "$(id -u)" -ne 0 ]; then
    good_doc "$tmp/secret.md"
    chmod 000 "$tmp/secret.md"
    lint "$tmp/one.md" "$tmp/secret.md" "$tmp/two.md"
    expect unreadable-mode 2 $? && has unreadable-mode "$tmp/err" "secret.md': Permission denied" &&
        has unreadable-mode "$tmp/out" 'two.md:3:3' && ok
else
    echo "  (unreadable-mode: skipped, running as root reads chmod 000 files)"
fi

# Files that vanish mid-run: many files, deleted while the linter runs.
mkdir "$tmp/vanish"
for i in $(seq 1 400); do
    printf '# T\n\nA widget.\n%s\n' "$(head -c 20000 /dev/zero | tr '\0' 'x')" >"$tmp/vanish/f$i.md"
done
lint "$tmp/vanish" &
pid=$!
rm -rf "$tmp/vanish"
wait $pid
s=$?
# Any point of the race is fine as long as the run ends cleanly with one of
# the errors for a missing path: a file gone before it is read, the folder
# gone before it is walked (no files left, or the folder itself missing).
if [ $s -le 2 ] && ! grep -qv -e "cannot read '.*': No such file or directory" \
    -e "cannot read directory '.*': No such file or directory" \
    -e "no Markdown files (\*.md, \*.markdown) in '.*vanish'" -e '^$' "$tmp/err"; then
    ok
else
    bad vanish "exit $s"
fi
# and deterministically: a listed file that is gone by the time it is read
lint "$tmp/one.md" "$tmp/gone.md" "$tmp/two.md"
expect vanish-listed 2 $? && has vanish-listed "$tmp/err" "cannot read '.*gone.md': No such file" &&
    has vanish-listed "$tmp/out" 'two.md:3:3' && ok

# --- output ----------------------------------------------------------------
if [ -w /dev/full ]; then
    "$BIN" --no-builtin --rules "$tmp/rules.yaml" "$tmp/one.md" >/dev/full 2>"$tmp/err"
    expect dev-full 2 $? && has dev-full "$tmp/err" 'writing output failed: No space left on device' && ok
    "$BIN" --no-builtin --rules "$tmp/rules.yaml" --format=json "$tmp/one.md" >/dev/full 2>"$tmp/err"
    expect dev-full-json 2 $? && ok
    "$BIN" --list-rules >/dev/full 2>"$tmp/err"
    expect dev-full-list 2 $? && ok
else
    echo "  (dev-full: skipped, no writable /dev/full)"
fi
# stdout closed: no silent success either
"$BIN" --no-builtin --rules "$tmp/rules.yaml" "$tmp/one.md" >&- 2>"$tmp/err"
expect stdout-closed 2 $? && has stdout-closed "$tmp/err" 'writing output failed: Bad file descriptor' && ok
# stdout closed, output to a file: the file must not take descriptor 1 and
# swallow the text output meant for stdout
rm -f "$tmp/closed.json"
"$BIN" --no-builtin --rules "$tmp/rules.yaml" --format json -o "$tmp/closed.json" \
    --format text "$tmp/one.md" >&- 2>"$tmp/err"
expect stdout-closed-output 2 $? && has stdout-closed-output "$tmp/err" 'writing output failed' &&
    has stdout-closed-output "$tmp/closed.json" '^\{' && ok

python3 -c 'import sys; sys.stdout.write("# T\n\n" + "A widget.\n\n" * 50000)' >"$tmp/many.md"
"$BIN" --no-builtin --rules "$tmp/rules.yaml" --color=never "$tmp/many.md" 2>"$tmp/err" | head -1 >"$tmp/out"
s=${PIPESTATUS[0]}
if [ "$s" -ge 128 ]; then
    bad sigpipe "killed by signal $((s - 128))"
elif [ -s "$tmp/err" ]; then
    bad sigpipe "wrote to stderr"
else
    has sigpipe "$tmp/out" 'many.md:3:3' && ok
fi

# --- YAML bombs --------------------------------------------------------------
{
    echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
    prev=a
    for x in b c d e f g h i; do
        echo "$x: &$x [*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev]"
        prev=$x
    done
} >"$tmp/bomb-body"
{ cat "$tmp/bomb-body"; echo 'rules: *i'; } >"$tmp/bomb-rules.yaml"
timeout 20 "$BIN" --rules "$tmp/bomb-rules.yaml" "$tmp/one.md" >"$tmp/out" 2>"$tmp/err"
expect yaml-bomb-rules 2 $? && has yaml-bomb-rules "$tmp/err" 'bomb-rules.yaml:1:[0-9]+: error: YAML anchors are not supported' && ok
{ echo 'rules:'; echo '  - &r {id: team.x, summary: x, severity: info, check: forbid, words: [a]}'; echo '  - *r'; } \
    >"$tmp/alias-rules.yaml"
timeout 20 "$BIN" --rules "$tmp/alias-rules.yaml" "$tmp/one.md" >"$tmp/out" 2>"$tmp/err"
expect yaml-alias-rules 2 $? && has yaml-alias-rules "$tmp/err" 'alias-rules.yaml:[0-9]+:[0-9]+: error: YAML (anchors|aliases) are not supported' && ok
# front matter is the author's, not ours to refuse: aliases read as null, never expanded
{ echo '---'; cat "$tmp/bomb-body"; echo 'title: *i'; echo '---'; echo 'A widget.'; } >"$tmp/bomb-fm.md"
timeout 20 "$BIN" --no-builtin --rules "$tmp/rules.yaml" --color=never --quiet "$tmp/bomb-fm.md" \
    >"$tmp/out" 2>"$tmp/err"
s=$?
[ $s -le 1 ] && has yaml-bomb-front-matter "$tmp/out" 'bomb-fm.md:13:3: warning' && ok ||
    bad yaml-bomb-front-matter "exit $s"
if "$BIN" --help | grep -q -- '--config'; then
    cp "$tmp/bomb-body" "$tmp/bomb-config.yaml"
    echo 'ignore: *i' >>"$tmp/bomb-config.yaml"
    timeout 20 "$BIN" --config "$tmp/bomb-config.yaml" "$tmp/one.md" >"$tmp/out" 2>"$tmp/err"
    expect yaml-bomb-config 2 $? && has yaml-bomb-config "$tmp/err" 'bomb-config.yaml:1:[0-9]+: error: YAML (anchors|aliases) are not supported' && ok
fi

echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
