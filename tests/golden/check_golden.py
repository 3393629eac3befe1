#!/usr/bin/env python3
"""Golden end-to-end test over our own fixtures.

1. Every span of every event (source, target, sentence, trigger) slices out, in code
   points, exactly the words the event says (text[start:end] == span text).
2. tests/golden/seed_en.jsonl gives the events listed in seed_en.expected.tsv
   (anchor, source country, target country, root; '|' alternatives, '*' any target)
   and no asserted event in the '# forbid' sentences.
Usage: check_golden.py WARTA_BIN GOLDEN_DIR
"""
import json
import os
import subprocess
import sys


def run(binary, path):
    out = subprocess.run([binary, "code", path], capture_output=True, text=True, check=False)
    if out.returncode not in (0, 2):
        sys.exit(f"warta code {path} failed: {out.stderr}")
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def main():
    binary, golden = sys.argv[1], sys.argv[2]
    failures = []
    fixtures = [os.path.join(golden, f) for f in sorted(os.listdir(golden)) if f.endswith(".jsonl")]
    for path in fixtures:
        docs = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    docs[d["id"]] = d["text"]
        for ev in run(binary, path):
            text = docs[ev["doc_id"]]
            for name in ("source", "target"):
                a = ev.get(name)
                if a and text[a["span"][0]:a["span"][1]] != a["text"]:
                    failures.append(f"{path}: {name} span {a['span']} slices "
                                    f"{text[a['span'][0]:a['span'][1]]!r}, not {a['text']!r}")
            s = ev["sentence"]
            if text[s["span"][0]:s["span"][1]] != s["text"]:
                failures.append(f"{path}: sentence span {s['span']} does not slice its text")
    # Expected events of the English seed rendering.
    events = run(binary, os.path.join(golden, "seed_en.jsonl"))
    asserted = [e for e in events if not e.get("negated")]
    used = set()
    expected = forbidden = 0
    with open(os.path.join(golden, "seed_en.expected.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# forbid\t"):
                anchor = line.split("\t", 1)[1]
                forbidden += 1
                for e in asserted:
                    if anchor in e["sentence"]["text"]:
                        failures.append(f"forbidden: asserted event {e['source']['code']}>{e['code']} in {anchor!r}")
                continue
            if not line or line.startswith("#"):
                continue
            anchor, src, tgt, root = line.split("\t")
            expected += 1
            hit = None
            for i, e in enumerate(asserted):
                if i in used or anchor not in e["sentence"]["text"]:
                    continue
                if e["root"] not in root.split("|"):
                    continue
                if e["source"]["code"][:3] not in src.split("|"):
                    continue
                t = (e.get("target") or {}).get("code", "")
                if tgt != "*" and not any(t.startswith(x) or x in (t[i:i + 3] for i in range(0, len(t), 3))
                                          for x in tgt.split("|")):
                    continue
                hit = i
                break
            if hit is None:
                failures.append(f"missing: {src} -> {tgt} root {root} in {anchor!r}")
            else:
                used.add(hit)
    for f in failures:
        print("FAIL", f)
    print(f"{len(fixtures)} fixtures, {expected} expected events, {forbidden} forbidden sentences, "
          f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
