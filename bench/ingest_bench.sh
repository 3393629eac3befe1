#!/usr/bin/env bash
# `warta ingest` into SQLite end to end: wall time, sentences/s (per core), MB/s of
# input and peak memory (/usr/bin/time %M), for -j 1 and -j 2, each into a new store.
#   bash bench/ingest_bench.sh [SIZE|CORPUS] [JOBS...]    # default 200M, jobs 1 2
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
cmake --build build --target warta_cli >/dev/null
BYTES=$(stat -c %s "$CORPUS")
for j in "${JOBS[@]}"; do
  DB=$OUT/ingest-j$j.db
  rm -f "$DB" "$DB-wal" "$DB-shm"
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/ingest-time-$j.txt" \
    build/warta ingest -j "$j" "$CORPUS" --db "$DB" 2>"$OUT/ingest-log-$j.txt"
  read -r secs user sys kb <"$OUT/ingest-time-$j.txt"
  SENTENCES=$(sed -n 's/.*documents coded (\([0-9]*\) sentences.*/\1/p' "$OUT/ingest-log-$j.txt")
  python3 - "$j" "$secs" "$user" "$sys" "$kb" "$SENTENCES" "$BYTES" "$(stat -c %s "$DB")" <<'PY'
import sys
j, secs, user, sys_, kb, sent, size, db = sys.argv[1:]
j, secs, kb, sent, size = int(j), float(secs), int(kb), int(sent), int(size)
print(f"ingest -j {j}: {secs:.1f} s ({float(user):.1f} user, {float(sys_):.1f} sys), "
      f"{sent:,} sentences: {sent / secs:,.0f} sentences/s ({sent / secs / j:,.0f} per core), "
      f"{size / 1e6 / secs:.2f} MB/s of input, peak RSS {kb / 1024:.0f} MB, "
      f"store {int(db) / 1e6:.0f} MB")
PY
  head -1 "$OUT/ingest-log-$j.txt"
done
