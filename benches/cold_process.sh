#!/usr/bin/env bash
# Whole-process figures for printing, as a secretary meets them: `mediadesk print filing-form`
# from a cold start (process start, database open, layout, font subset, PDF written and the
# filing recorded), the annual review of a 500-platform registry, their peak resident memory,
# and the program's size. criterion (benches/print.rs) measures the same work in-process.
#
#   cargo build --release && bash benches/cold_process.sh [path/to/mediadesk] [runs]
#
# The files go to $BENCH_DIR (default /tmp). Saving syncs the PDF, its folder and the
# database to disk, which on a busy disk can dominate the wall time: BENCH_DIR=/dev/shm
# measures the work itself.
#
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time). Targets (issue 16):
# one form ≤ 10 ms and ≤ 40 MB, 500 platforms ≤ 1 s and ≤ 100 MB, program ≤ 40 MB.
set -euo pipefail

BIN=${1:-target/release/mediadesk}
RUNS=${2:-40}
BIN=$(realpath "$BIN")
WORK=$(mktemp -d -p "${BENCH_DIR:-/tmp}")
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/bench.db"

# 600 demo platforms of which about 500 are in operation and due for the annual review.
"$BIN" --db "$DB" demo --scale 600 >/dev/null
# The demo's first platform is in operation, so it may be printed.
ONE=(--db "$DB" print filing-form --platform 1 --out "$WORK/one.pdf")
ALL=(--db "$DB" print annual-review --all --out "$WORK/all.pdf")
"$BIN" "${ONE[@]}" >/dev/null 2>&1
"$BIN" "${ALL[@]}" >"$WORK/all.txt" 2>/dev/null

echo "program: $(stat -c %s "$BIN") bytes ($(du -h "$BIN" | cut -f1))"
echo "one form: $(stat -c %s "$WORK/one.pdf") bytes; batch: $(stat -c %s "$WORK/all.pdf") bytes — $(cat "$WORK/all.txt")"

rss() { /usr/bin/time -f '%M' "$BIN" "$@" 2>&1 >/dev/null | tail -1; }
echo "peak RSS, one form: $(rss "${ONE[@]}") KB"
echo "peak RSS, annual review: $(rss "${ALL[@]}") KB"

hyperfine -N --warmup 3 --runs "$RUNS" \
    -n "print filing-form (cold process)" "$BIN ${ONE[*]}" \
    -n "mediadesk --version (process floor)" "$BIN --version"
hyperfine -N --warmup 1 --runs 5 -n "print annual-review --all" "$BIN ${ALL[*]}"
