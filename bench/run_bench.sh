#!/usr/bin/env bash
# Reproduces the figures of bench/README.md: generates a corpus, times each stage on
# one thread, then `warta code` end to end with -j 1 and -j 2 (wall time, peak memory).
#   bash bench/run_bench.sh [SIZE]        # SIZE of the corpus, default 200M
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-200M}
OUT=${BENCH_DIR:-/tmp/warta-bench}
mkdir -p "$OUT"
CORPUS=$OUT/corpus-$SIZE.jsonl
[ -s "$CORPUS" ] || python3 bench/gen_corpus.py --size "$SIZE" -o "$CORPUS"
cmake --build build --target warta_cli bench_stages >/dev/null
echo "== stages (one thread)"
build/bench/bench_stages "$CORPUS" | tee "$OUT/stages.txt"
SENTENCES=$(sed -n 's/^corpus: [0-9]* documents, \([0-9]*\) sentences.*/\1/p' "$OUT/stages.txt")
MB=$(du -m "$CORPUS" | cut -f1)
echo "== warta code end to end ($SENTENCES sentences, $MB MB)"
for j in 1 2; do
  /usr/bin/time -f "%e %M" -o "$OUT/time-$j.txt" build/warta code -j "$j" "$CORPUS" >"$OUT/events-$j.jsonl"
  read -r secs kb <"$OUT/time-$j.txt"
  python3 - "$j" "$secs" "$kb" "$SENTENCES" "$MB" "$(wc -l <"$OUT/events-$j.jsonl")" <<'PY'
import sys
j, secs, kb, sent, mb, events = sys.argv[1:]
j, secs, kb, sent, mb = int(j), float(secs), int(kb), int(sent), float(mb)
print(f"-j {j}: {secs:.2f} s, {sent / secs:,.0f} sentences/s ({sent / secs / j:,.0f} per core), "
      f"{mb / secs:.1f} MB/s, peak {kb / 1024:.0f} MB, {int(events):,} events")
PY
done
cmp -s "$OUT/events-1.jsonl" "$OUT/events-2.jsonl" && echo "-j 2 output identical to -j 1"
