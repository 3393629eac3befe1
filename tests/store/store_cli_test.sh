#!/usr/bin/env bash
# warta ingest | query | dyad | export end to end over our fixtures, on one backend.
#   store_cli_test.sh WARTA_BIN FIXTURE_DIR sqlite|postgresql
# postgresql uses $WARTA_TEST_PG (exit 77 = skipped when it is not set) and a schema of
# its own, dropped at the end.
set -uo pipefail
W=$1
FIX=$2
BACKEND=${3:-sqlite}
TMP=$(mktemp -d)
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect_eq() { [ "$1" == "$2" ] || fail "$3: expected '$2', got '$1'"; }

if [ "$BACKEND" = postgresql ]; then
  if [ -z "${WARTA_TEST_PG:-}" ]; then
    echo "WARTA_TEST_PG is not set: no PostgreSQL to test against"
    exit 77
  fi
  SCHEMA="warta_cli_$$_$RANDOM"
  export PGOPTIONS="-c client_min_messages=warning"
  psql -q "$WARTA_TEST_PG" -c "CREATE SCHEMA $SCHEMA" >/dev/null || exit 1
  trap 'psql -q "$WARTA_TEST_PG" -c "DROP SCHEMA $SCHEMA CASCADE" >/dev/null; rm -rf "$TMP"' EXIT
  sep='?'
  [[ "$WARTA_TEST_PG" == *\?* ]] && sep='&'
  DB="${WARTA_TEST_PG}${sep}options=-csearch_path%3D$SCHEMA"
else
  trap 'rm -rf "$TMP"' EXIT
  DB="$TMP/store.db"
fi

# Help for every command.
for c in ingest query dyad export; do
  "$W" $c --help >"$TMP/help" 2>&1 || fail "$c --help exits non-zero"
  grep -q -- "--db" "$TMP/help" || fail "$c --help does not mention --db"
done

# Ingest twice: the second run changes nothing.
"$W" ingest "$FIX/meeting.jsonl" "$FIX/others.jsonl" --db "$DB" 2>"$TMP/err1" ||
  fail "ingest: $(cat "$TMP/err1")"
grep -q "5 documents (5 new" "$TMP/err1" || fail "first ingest: $(cat "$TMP/err1")"
"$W" export --db "$DB" --format jsonl >"$TMP/first.jsonl" || fail "export jsonl"
"$W" export --db "$DB" --format gdelt-mentions >"$TMP/first.mentions" || fail "export mentions"
"$W" ingest "$FIX/meeting.jsonl" "$FIX/others.jsonl" --db "$DB" 2>"$TMP/err2" || fail "re-ingest"
grep -q "0 new, 0 replaced, 5 unchanged), 0 new events" "$TMP/err2" ||
  fail "second ingest: $(cat "$TMP/err2")"
"$W" export --db "$DB" --format jsonl >"$TMP/second.jsonl"
"$W" export --db "$DB" --format gdelt-mentions >"$TMP/second.mentions"
cmp -s "$TMP/first.jsonl" "$TMP/second.jsonl" || fail "re-ingest changed the events"
cmp -s "$TMP/first.mentions" "$TMP/second.mentions" || fail "re-ingest changed the mentions"

# The meeting reported by two articles: one event, NumArticles = 2.
"$W" query --db "$DB" --code 043 --format csv >"$TMP/meet.csv"
expect_eq "$(wc -l <"$TMP/meet.csv")" 2 "one 043 event"
expect_eq "$(tail -1 "$TMP/meet.csv" | cut -d, -f3,5,16,17,18)" "IDNGOV,MYSGOV,2,2,2" \
  "043 source,target,mentions,sources,articles"

# Query filters and formats.
# (Counts that depend on everything the coder finds are taken from the store itself,
# so that dictionary work elsewhere does not break these tests.)
ALL=$("$W" query --db "$DB" --format jsonl | wc -l)
[ "$ALL" -ge 4 ] || fail "all events: $ALL"  # the meeting, the accusation, two criticisms
expect_eq "$("$W" query --db "$DB" --actor MYS --quad 3 --format jsonl | wc -l)" 2 "--actor MYS --quad 3"
expect_eq "$("$W" query --db "$DB" --country MY --code 112 --format jsonl | wc -l)" 1 "--country MY"
expect_eq "$("$W" query --db "$DB" --root 11 --quad 3 --format jsonl | wc -l)" 3 "--root 11 --quad 3"
expect_eq "$("$W" query --db "$DB" --place jakarta --code 1 --format jsonl | wc -l)" 1 "--place jakarta"
expect_eq "$("$W" query --db "$DB" --text nelayan --format jsonl | wc -l)" 1 "--text nelayan"
expect_eq "$("$W" query --db "$DB" --from 2024-06-01 --to 2024-06-30 --format jsonl | wc -l)" 1 \
  "--from --to"
"$W" query --db "$DB" --actor USA >"$TMP/table" || fail "query table"
grep -q "RUS" "$TMP/table" || fail "table has USA→RUS"
python3 - "$TMP/first.jsonl" <<'PY' || fail "jsonl does not parse"
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    assert e["mentions"] and e["num_mentions"] == len(e["mentions"]), e
PY

# Dyad: IDN→MYS in May (+2.8) and July (-2), MYS→IDN in June (-2).
"$W" dyad IDN MYS --db "$DB" --by month --format csv >"$TMP/dyad.csv" || fail "dyad"
expect_eq "$(cat "$TMP/dyad.csv")" "period,ab_count,ab_goldstein_sum,ab_goldstein_mean,ba_count,ba_goldstein_sum,ba_goldstein_mean
2024-05,1,2.8,2.8,0,0,0
2024-06,0,0,0,1,-2,-2
2024-07,1,-2,-2,0,0,0" "dyad by month"
expect_eq "$("$W" dyad IDN MYS --db "$DB" --by year --format jsonl | wc -l)" 1 "dyad by year"
"$W" dyad IDN MYS --db "$DB" --by week | grep -q "2024-06-10" || fail "dyad weeks start on Monday"

# GDELT layouts: exactly 61 and 16 tab-separated columns on every row.
"$W" export --db "$DB" --format gdelt-events >"$TMP/events.tsv" || fail "export events"
expect_eq "$(wc -l <"$TMP/events.tsv")" "$ALL" "gdelt-events rows"
expect_eq "$(awk -F'\t' '{print NF}' "$TMP/events.tsv" | sort -u)" 61 "gdelt-events columns"
expect_eq "$(awk -F'\t' '{print NF}' "$TMP/first.mentions" | sort -u)" 16 "gdelt-mentions columns"
expect_eq "$(wc -l <"$TMP/first.mentions")" \
  "$(awk -F'\t' '{n += $32} END {print n}' "$TMP/events.tsv")" "gdelt-mentions rows = NumMentions"
expect_eq "$("$W" export --db "$DB" --format gdelt-events --header | head -1 | cut -f1,61)" \
  "GLOBALEVENTID	SOURCEURL" "gdelt header"
"$W" export --db "$DB" --format csv | head -1 | grep -q "^id,date,source" || fail "csv header"

# Bad input: bad records are reported and skipped, the good ones stored.
"$W" ingest "$FIX/bad.jsonl" --db "$DB" 2>"$TMP/bad.err"
expect_eq "$?" 2 "ingest with a bad record exits 2"
grep -q "bad.jsonl:2" "$TMP/bad.err" || fail "bad record named: $(cat "$TMP/bad.err")"
expect_eq "$("$W" query --db "$DB" --from 2024-07-31 --format jsonl | wc -l)" 1 "good record stored"
"$W" query --db "$DB" --from yesterday >/dev/null 2>"$TMP/e"
expect_eq "$?" 1 "bad --from exits 1"
grep -q "YYYY" "$TMP/e" || fail "bad --from message: $(cat "$TMP/e")"
"$W" query --db "$DB" --quad 7 >/dev/null 2>&1 && fail "--quad 7 accepted"
"$W" export --db "$DB" --format xml >/dev/null 2>&1 && fail "--format xml accepted"
expect_eq "$("$W" query --db "$DB" --format jsonl | wc -l)" "$((ALL + 1))" "store intact after bad commands"

if [ "$BACKEND" = sqlite ]; then
  "$W" query --db "$TMP/missing.db" >/dev/null 2>"$TMP/e"
  expect_eq "$?" 1 "query on a missing store exits 1"
  grep -q "no store" "$TMP/e" || fail "missing store message: $(cat "$TMP/e")"
  [ -e "$TMP/missing.db" ] && fail "query created a store"
  echo "not a database at all, only text that is long enough to have a header" >"$TMP/text.db"
  "$W" ingest "$FIX/meeting.jsonl" --db "$TMP/text.db" >/dev/null 2>"$TMP/e"
  expect_eq "$?" 1 "ingest into a text file exits 1"
  grep -q "not a database" "$TMP/e" || fail "text file message: $(cat "$TMP/e")"
  "$W" ingest "$FIX/meeting.jsonl" --db "$TMP/no/such/dir/s.db" >/dev/null 2>"$TMP/e"
  expect_eq "$?" 1 "ingest into a missing directory exits 1"
  # A document the store refuses in the middle of a batch (a trigger here) fails alone:
  # the batch is rolled back and its documents are coded and written again one by one.
  "$W" ingest "$FIX/meeting.jsonl" --db "$TMP/refuse.db" 2>/dev/null || fail "ingest refuse.db"
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"CREATE TRIGGER boom BEFORE INSERT ON documents WHEN NEW.id = 'kritik-id' BEGIN SELECT RAISE(ABORT, 'boom'); END\"); c.commit()" "$TMP/refuse.db"
  "$W" ingest "$FIX/others.jsonl" --db "$TMP/refuse.db" 2>"$TMP/e"
  expect_eq "$?" 2 "ingest with a refused document exits 2"
  grep -q "kritik-id.*boom" "$TMP/e" || fail "refused document named: $(cat "$TMP/e")"
  grep -q "3 documents (2 new" "$TMP/e" || fail "the others stored: $(cat "$TMP/e")"
  grep -v '"id": "kritik-id"' "$FIX/others.jsonl" >"$TMP/others-but-one.jsonl"
  "$W" ingest "$FIX/meeting.jsonl" "$TMP/others-but-one.jsonl" --db "$TMP/without.db" 2>/dev/null
  "$W" export --db "$TMP/refuse.db" --format gdelt-mentions | cut -f1,3- >"$TMP/refuse.m"
  "$W" export --db "$TMP/without.db" --format gdelt-mentions | cut -f1,3- >"$TMP/without.m"
  [ -s "$TMP/without.m" ] && cmp -s "$TMP/refuse.m" "$TMP/without.m" ||
    fail "the store differs from one without the refused document"
  # A store written by a newer warta is refused, and left as it was.
  cp "$DB" "$TMP/newer.db"
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE warta_schema SET version = 42'); c.commit()" "$TMP/newer.db"
  "$W" query --db "$TMP/newer.db" >/dev/null 2>"$TMP/e"
  expect_eq "$?" 1 "newer store exits 1"
  grep -q "newer warta" "$TMP/e" || fail "newer store message: $(cat "$TMP/e")"
  expect_eq "$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT version FROM warta_schema').fetchone()[0])" "$TMP/newer.db")" 42 "newer store untouched"
fi

if [ "$fails" -ne 0 ]; then
  echo "$fails failures"
  exit 1
fi
echo "store CLI ($BACKEND): all checks passed"
