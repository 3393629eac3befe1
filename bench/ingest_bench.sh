#!/usr/bin/env bash
# `warta ingest` into SQLite end to end: wall time, sentences/s (per core), MB/s of
# input and peak memory (/usr/bin/time %M), for -j 1 and -j 2, each into a new store.
# -j N uses N threads that code (one of them writes), so per core = sentences/s / N.
# The load average before each run and the CPU the run got are printed too: the
# machine may be shared.
#   bash bench/ingest_bench.sh [SIZE|CORPUS] [JOBS...]    # default 200M, jobs 1 2
#   WARTA=path/to/warta bash bench/ingest_bench.sh ...      # another build
# Not a test: nothing is asserted. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ARG=${1:-200M}
shift || true
JOBS=("$@")
[ ${#JOBS[@]} -gt 0 ] || JOBS=(1 2)
OUT=${BENCH_DIR:-/tmp/warta-bench}
mkdir -p "$OUT"
if [ -f "$ARG" ]; then
  CORPUS=$ARG
else
  CORPUS=$OUT/corpus-$ARG.jsonl
  [ -s "$CORPUS" ] || python3 bench/gen_corpus.py --size "$ARG" -o "$CORPUS"
fi
if [ -z "${WARTA:-}" ]; then
  cmake --build build --target warta_cli >/dev/null
  WARTA=build/warta
fi
BYTES=$(stat -c %s "$CORPUS")
for j in "${JOBS[@]}"; do
  DB=$OUT/ingest-j$j.db
  rm -f "$DB" "$DB-wal" "$DB-shm"
  LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/ingest-time-$j.txt" \
    "$WARTA" ingest -j "$j" "$CORPUS" --db "$DB" 2>"$OUT/ingest-log-$j.txt"
  read -r secs user sys kb <"$OUT/ingest-time-$j.txt"
  SENTENCES=$(sed -n 's/.*documents coded (\([0-9]*\) sentences.*/\1/p' "$OUT/ingest-log-$j.txt")
  python3 - "$j" "$secs" "$user" "$sys" "$kb" "$SENTENCES" "$BYTES" "$(stat -c %s "$DB")" \
    "$LOAD" <<'PY'
import sys
j, secs, user, sys_, kb, sent, size, db, load = sys.argv[1:]
j, secs, kb, sent, size = int(j), float(secs), int(kb), int(sent), int(size)
cpu = float(user) + float(sys_)
print(f"ingest -j {j}: {secs:.1f} s ({float(user):.1f} user, {float(sys_):.1f} sys: "
      f"{cpu / secs:.2f} cores), {sent:,} sentences: {sent / secs:,.0f} sentences/s "
      f"({sent / secs / j:,.0f} per core), {size / 1e6 / secs:.2f} MB/s of input, "
      f"peak RSS {kb / 1024:.0f} MB, store {int(db) / 1e6:.0f} MB; load average before: {load}")
PY
  head -1 "$OUT/ingest-log-$j.txt"
done
