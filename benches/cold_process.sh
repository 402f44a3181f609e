#!/usr/bin/env bash
# Whole-process figures for printing, as a secretary meets them: `mediadesk print filing-form`
# from a cold start (process start, database open, sign-in, layout, font subset, PDF written
# and the filing recorded), the annual review of a 500-platform registry, their peak resident
# memory, and the program's size. criterion (benches/print.rs) measures the same work
# in-process.
#
# Printing a filing form records it, so someone must be signed in (第八条一). As a secretary
# works: `mediadesk sign-in` once (one Argon2id check), then every print resumes that live
# session (a hash look-up). For comparison the same print as another account with no session,
# which pays the Argon2id check (19 MiB, 2 passes) in every process. The "… only" lines run the
# same command for a platform that does not exist — start, database, sign-in, refusal — so
# the print's own share is the difference between the lines.
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
export MEDIADESK_PASSWORD=bench-password-16 MEDIADESK_NEW_PASSWORD=bench-password-16
# The session's token file goes here, not into the bench runner's own config folder.
export MEDIADESK_CONFIG_DIR="$WORK/config"

# 600 demo platforms of which about 500 are in operation and due for the annual review, and
# the database's first account (created without signing in), who may record filings.
"$BIN" --db "$DB" demo --scale 600 >/dev/null
"$BIN" --db "$DB" users add --login bench --system-admin --school-supervisor >/dev/null
# `bench` signs in once (a live session); `bench2` never does, so it pays the password.
"$BIN" --db "$DB" --as bench sign-in >/dev/null
"$BIN" --db "$DB" --as bench users add --login bench2 --system-admin --school-supervisor >/dev/null
# The demo's first platform is in operation, so it may be printed.
ONE=(--db "$DB" --as bench print filing-form --platform 1 --out "$WORK/one.pdf")
ONE_PASSWORD=(--db "$DB" --as bench2 print filing-form --platform 1 --out "$WORK/one-pw.pdf")
SESSION_ONLY=(--db "$DB" --as bench print filing-form --platform 999999 --out "$WORK/none.pdf")
SIGN_IN=(--db "$DB" --as bench2 print filing-form --platform 999999 --out "$WORK/none.pdf")
ALL=(--db "$DB" --as bench print annual-review --all --out "$WORK/all.pdf")
# A refused print must stop the bench, not be timed as if it were one.
"$BIN" "${ONE[@]}" >/dev/null
"$BIN" "${ONE_PASSWORD[@]}" >/dev/null
"$BIN" "${ALL[@]}" >"$WORK/all.txt"
for none in SESSION_ONLY SIGN_IN; do
    declare -n args=$none
    if "$BIN" "${args[@]}" >/dev/null 2>&1; then
        echo "platform 999999 printed: the $none line would be wrong" >&2
        exit 1
    fi
done

echo "program: $(stat -c %s "$BIN") bytes ($(du -h "$BIN" | cut -f1))"
echo "one form: $(stat -c %s "$WORK/one.pdf") bytes; batch: $(stat -c %s "$WORK/all.pdf") bytes — $(cat "$WORK/all.txt")"

rss() { /usr/bin/time -f '%M' "$BIN" "$@" 2>&1 >/dev/null | tail -1; }
echo "peak RSS, one form (session): $(rss "${ONE[@]}") KB"
echo "peak RSS, one form (password): $(rss "${ONE_PASSWORD[@]}") KB"
echo "peak RSS, password sign-in only: $(rss "${SIGN_IN[@]}") KB"
echo "peak RSS, annual review: $(rss "${ALL[@]}") KB"

# -i: the "… only" runs exit 1 by design.
hyperfine -N -i --warmup 3 --runs "$RUNS" \
    -n "print filing-form (cold process, live session)" "$BIN ${ONE[*]}" \
    -n "session only (same command, no such platform)" "$BIN ${SESSION_ONLY[*]}" \
    -n "print filing-form (cold process, password each time)" "$BIN ${ONE_PASSWORD[*]}" \
    -n "password sign-in only (same command, no such platform)" "$BIN ${SIGN_IN[*]}" \
    -n "mediadesk --version (process floor)" "$BIN --version"
hyperfine -N --warmup 1 --runs 5 -n "print annual-review --all" "$BIN ${ALL[*]}"
