#!/usr/bin/env bash
# fuzz/smoke.sh: run each libFuzzer target for a fixed time (default 60 s)
# from its seed corpus and print one summary line per target. Any crash,
# leak, timeout or sanitizer report fails the run; the input that caused it
# is left as crash-*/leak-*/timeout-* in the working directory (printed).
#
#   usage: tests/fuzz/smoke.sh BUILD_DIR [SECONDS]
# New corpus entries go to a temporary copy, never into tests/fuzz/corpus/.
set -u
cd "$(dirname "$0")/../.." || exit 2
dir=$1
secs=${2:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for target in doc rules config; do
    bin=$dir/fuzz_$target
    [ -x "$bin" ] || continue
    mkdir -p "$work/$target"
    cp tests/fuzz/corpus/$target/* "$work/$target/" 2>/dev/null
    start=$(date +%s)
    "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$work/" "$work/$target" >"$work/$target.log" 2>&1
    rc=$?
    end=$(date +%s)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$target.log" | tail -1)
    if [ $rc -ne 0 ]; then
        echo "fuzz_$target: FAILED (exit $rc) after ${runs:-?} executions in $((end - start)) s"
        grep -E 'ERROR|SUMMARY|==[0-9]+==|runtime error' "$work/$target.log" | head -20
        for a in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
            [ -f "$a" ] && cp "$a" . && echo "  input saved as ./$(basename "$a")"
        done
        status=1
    else
        echo "fuzz_$target: ${runs:-?} executions in $((end - start)) s, no finding"
    fi
done
exit $status
