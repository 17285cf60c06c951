#!/usr/bin/env bash
# Fuzzes every input parser with libFuzzer: Tests/Fuzz/run.sh [SECONDS] [TARGET…]
#
# Builds each fuzz target (Sources/Fuzz<Format>) with -sanitize=fuzzer,address into .build-fuzz/, then runs it
# for SECONDS (default 600) with a 1-second limit per input (a slower input is a hang, reported like a crash),
# seeded from the shared corpus (SHARED, default ../shared beside the repository) and Tests/Fuzz/Seeds/<target>/.
# The growing corpus is kept in .build-fuzz/corpus/<target>/ between runs. An input that crashes, hangs or
# trips the sanitizer is saved in Tests/Fuzz/Regressions/<target>/ (crash-…, timeout-…, oom-…): commit it
# once the bug is fixed, and `swift test` replays it for good (HardeningTests/FuzzRegressionTests).
#
# Prints one line per target (executions, seconds, result) and exits non-zero if any target failed.
# Environment: SHARED, SWIFT, FUZZ_JOBS (targets run side by side; default 1), FUZZ_FLAGS (more libFuzzer flags).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SECONDS_EACH=${1:-600}
shift || true
ALL=(FuzzTelegram FuzzFOIA FuzzWikiLeaks FuzzCSV FuzzFrontMatter)
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL[@]}"); fi
SHARED=${SHARED:-$ROOT/../shared}
SWIFT=${SWIFT:-swift}
SCRATCH=$ROOT/.build-fuzz
JOBS=${FUZZ_JOBS:-1}
# the Swift runtime's backtracer would catch the signal before libFuzzer could save the input
export SWIFT_BACKTRACE=enable=no
# Swift's runtime keeps metadata caches for the life of the process: not leaks
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}

build() {
    local target=$1
    "$SWIFT" build -c release --scratch-path "$SCRATCH" --product "$target" \
        -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -E "error|warning: unre|Compiling|complete" | grep -v "^warning: '" || true
    [ -x "$SCRATCH/release/$target" ]
}

# Seeds for a target: real cables of its format, small pieces of CSV, the sample site's Markdown.
seeds() {
    local target=$1 dir=$SCRATCH/seeds/$1
    rm -rf "$dir"; mkdir -p "$dir"
    case $target in
        FuzzTelegram) cp "$SHARED"/corpus/cablegate/*.txt "$SHARED"/corpus/seeds/* "$dir"/ 2>/dev/null ;;
        FuzzFOIA) cp "$SHARED"/corpus/foia/* "$SHARED"/corpus/seeds/* "$dir"/ 2>/dev/null ;;
        FuzzWikiLeaks) cp "$SHARED"/corpus/cablegate/*.html "$dir"/ 2>/dev/null ;;
        FuzzCSV)
            if [ -f "$SHARED/bench/gen-corpus.py" ]; then
                local tmp; tmp=$(mktemp -d)
                python3 "$SHARED/bench/gen-corpus.py" 24 "$tmp" --csv >/dev/null
                # one to three rows per seed, each under 64 KB
                python3 - "$tmp/cables.csv" "$dir" <<'PY'
import sys, re
data = open(sys.argv[1], "rb").read()
starts = [m.start() for m in re.finditer(rb'(?m)^"\d+","', data)] + [len(data)]
for k in range(len(starts) - 1):
    piece = data[starts[k]:starts[min(k + 1 + k % 3, len(starts) - 1)]]
    if len(piece) < 65536:
        open(f"{sys.argv[2]}/rows-{k:03}.csv", "wb").write(piece)
PY
                rm -rf "$tmp"
            fi ;;
        FuzzFrontMatter) find "$ROOT/Content" -name '*.md' -size -64k | head -200 | while read -r f; do cp "$f" "$dir/"; done ;;
    esac
    [ -d "Tests/Fuzz/Seeds/$target" ] && cp Tests/Fuzz/Seeds/"$target"/* "$dir"/ 2>/dev/null
    # inputs that once found bugs are the best seeds
    [ -d "Tests/Fuzz/Regressions/$target" ] && cp Tests/Fuzz/Regressions/"$target"/* "$dir"/ 2>/dev/null
    true
}

run() {
    local target=$1 log=$SCRATCH/logs/$1.log
    local corpus=$SCRATCH/corpus/$target regressions=$ROOT/Tests/Fuzz/Regressions/$target
    mkdir -p "$corpus" "$regressions" "$SCRATCH/logs"
    seeds "$target"
    local before; before=$(ls "$regressions" | wc -l)
    # -rss_limit_mb: a parser that needs more than 2 GB for an input under 1 MB is a bug too
    "$SCRATCH/release/$target" "$corpus" "$SCRATCH/seeds/$target" \
        -max_total_time="$SECONDS_EACH" -timeout=1 -rss_limit_mb=2048 -max_len=1048576 -len_control=200 \
        -artifact_prefix="$regressions/" -print_final_stats=1 ${FUZZ_FLAGS:-} >"$log" 2>&1
    local status=$?
    local runs secs
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    secs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE 'in [0-9]+' | grep -oE '[0-9]+' | tail -1)
    local found=$(( $(ls "$regressions" | wc -l) - before ))
    local cov; cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1)
    if [ $status -eq 0 ] && [ $found -eq 0 ]; then
        echo "$target: ${runs:-?} executions in ${secs:-$SECONDS_EACH} s, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l) inputs: no crash, hang or sanitizer report"
    else
        echo "$target: FAILED (exit $status) after ${runs:-?} executions; $found new input(s) in Tests/Fuzz/Regressions/$target/; log: $log"
        grep -E 'ERROR: |Fatal error|SUMMARY|ALARM|timeout' "$log" | head -5 | sed 's/^/    /'
        return 1
    fi
}

failed=0
for target in "${TARGETS[@]}"; do
    build "$target" || { echo "$target: build failed"; failed=1; }
done
[ $failed -eq 0 ] || exit 1

if [ "$JOBS" -gt 1 ]; then
    pids=()
    for target in "${TARGETS[@]}"; do
        run "$target" & pids+=($!)
        while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do sleep 1; done
    done
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
else
    for target in "${TARGETS[@]}"; do run "$target" || failed=1; done
fi
exit $failed
