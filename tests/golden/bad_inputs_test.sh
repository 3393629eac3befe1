#!/usr/bin/env bash
# Bad input gets a clear error naming file and line, is skipped, and the rest of the
# batch is still coded: empty file, invalid JSON, missing text, invalid UTF-8, a binary
# file, and a 10 MB single line.
set -u
bin=$1
dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }

"$bin" code "$dir/empty.jsonl" "$dir/mixed.jsonl" "$dir/binary.bin" "$dir/invalid_utf8.txt" \
  >"$tmp/out.jsonl" 2>"$tmp/err.txt"
rc=$?
check "exit code 2 when records were skipped (got $rc)" '[ $rc -eq 2 ]'
check "empty file reported" 'grep -q "empty.jsonl: empty file" "$tmp/err.txt"'
check "invalid JSON reported with file:line" 'grep -q "mixed.jsonl:2: not valid JSON" "$tmp/err.txt"'
check "missing text reported with file:line" 'grep -q "mixed.jsonl:3 .*missing \"text\"" "$tmp/err.txt"'
check "invalid UTF-8 reported with file:line" 'grep -q "mixed.jsonl:4: invalid UTF-8" "$tmp/err.txt"'
check "binary file reported" 'grep -q "binary.bin.*binary" "$tmp/err.txt"'
check "invalid UTF-8 text file reported" 'grep -q "invalid_utf8.txt:1: invalid UTF-8" "$tmp/err.txt"'
check "valid records of the batch still coded" '[ "$(grep -c "\"doc_id\"" "$tmp/out.jsonl")" -ge 2 ]'
check "output is valid JSON lines" 'python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$tmp/out.jsonl"'

# A 10 MB single line, between two good ones.
python3 - "$tmp/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "before", "date": "2014-10-15", "lang": "en", "text": "Ukraine accused Russia."}) + "\n")
    body = ("Rusia menuduh Ukraina melanggar gencatan senjata di wilayah timur " * 160000)[:10 * 1024 * 1024]
    f.write(json.dumps({"id": "huge", "date": "2014-10-15", "lang": "id", "text": body}) + "\n")
    f.write(json.dumps({"id": "after", "date": "2014-10-15", "lang": "en", "text": "Ukraine accused Russia."}) + "\n")
PY
timeout 300 "$bin" code "$tmp/big.jsonl" >"$tmp/big.out" 2>"$tmp/big.err"
rc=$?
check "10 MB line coded without error (rc $rc)" '[ $rc -eq 0 ]'
check "documents after the 10 MB line coded" 'grep -q "\"doc_id\": \"after\"" "$tmp/big.out"'
check "the 10 MB document itself coded" 'grep -q "\"doc_id\": \"huge\"" "$tmp/big.out"'

# Standard input.
echo '{"id": "stdin-doc", "date": "2014-10-15", "text": "Ukraina menuduh Rusia."}' | "$bin" code - >"$tmp/stdin.out" 2>&1
check "standard input" 'grep -q "stdin-doc" "$tmp/stdin.out"'
exit $fail
