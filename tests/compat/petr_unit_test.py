#!/usr/bin/env python3
"""ctest: code the PETRARCH unit-test records with the PETR.Validate dictionaries given
to `warta code --dict ... --dict-replace` and require >= 50% of the expected codings
(issue 4). Exit 77 (skip) when ../shared is absent.

  petr_unit_test.py WARTA_BIN SHARED_DIR WORK_DIR
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    binary, shared, work = sys.argv[1:4]
    petr = os.path.join(shared, "compat", "petrarch2")
    xml = os.path.join(petr, "PETR.UnitTest.records.xml")
    if not os.path.exists(xml):
        print(f"SKIP: {xml} not found; the PETRARCH compatibility test needs ../shared")
        sys.exit(77)
    os.makedirs(work, exist_ok=True)
    docs = os.path.join(work, "petr_docs.jsonl")
    expected = os.path.join(work, "petr_expected.jsonl")
    events = os.path.join(work, "petr_events.jsonl")
    script = os.path.join(HERE, "petr_unit_records.py")
    subprocess.run([sys.executable, script, "convert", "--xml", xml, docs, expected], check=True)
    cmd = [binary, "code"]
    for kind in ("verbs", "actors", "agents", "discards"):
        cmd += ["--dict", os.path.join(petr, f"PETR.Validate.{kind}.txt")]
    cmd += ["--dict-replace", docs]
    with open(events, "w", encoding="utf-8") as out:
        r = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
    print(r.stderr.strip())
    if r.returncode not in (0, 2):
        sys.exit(f"warta code failed with status {r.returncode}")
    r = subprocess.run([sys.executable, script, "score", "--xml", xml, events],
                       capture_output=True, text=True)
    print(r.stdout)
    r = subprocess.run([sys.executable, script, "score", "--xml", xml, "--json", events],
                       capture_output=True, text=True, check=True)
    share = json.loads(r.stdout)["share"]
    print(f"PETRARCH unit records: {share:.3f} of expected codings (need 0.50)")
    sys.exit(0 if share >= 0.50 else 1)


if __name__ == "__main__":
    main()
