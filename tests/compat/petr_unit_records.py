#!/usr/bin/env python3
"""PETRARCH unit-test records (PETR.UnitTest.records.xml) for warta.

  convert [--xml X] DOCS.jsonl EXPECTED.jsonl
      DOCS: one {"id","date":"YYYY-MM-DD","lang":"en","text"} per <Sentence>, the text
      whitespace-normalised.
      EXPECTED: one line per <EventCoding>:
        {"id","category","kind","source","target","code","implemented","config"}
      kind is "event" (sourcecode/targetcode/eventcode given), "noevents" (the record
      must produce no event; also used for a record without any <EventCoding>) or
      "error" (PETRARCH reports an error instead: "error" holds its name, e.g.
      storydiscard, dateline, bad_input_parse; warta should then code nothing).
      implemented is false for records marked sentence="false" (features PETRARCH never
      implemented). config is the <Config> options in force (require_dyad, ...).
      A code written in quotes ('"INJURY TOLL"') is the text of an actor that is not in
      the dictionary (new_actor_length); those have "source_is_text"/"target_is_text".
      Duplicate record ids (the file has two AGENTS-18 and AGENTS-19) get "#2" appended.

  score [--xml X] [--all] [--json] EVENTS.jsonl
      EVENTS: warta event output, JSON lines with doc_id, source.code, target.code, code
      and negated (nested objects or dotted keys). Reports the share of expected codings
      produced exactly (source, target and code equal; negated events do not count),
      overall and by category, plus how many no-event records got events anyway.
      Only implemented records unless --all.

Exit status 77 (with a SKIP message) when the XML is absent. Default XML location:
<repo>/../shared/compat/petrarch2/PETR.UnitTest.records.xml. Standard library only.
"""

import argparse
import collections
import json
import os
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_XML = os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "compat", "petrarch2",
                 "PETR.UnitTest.records.xml"))


def norm_ws(text):
    return " ".join((text or "").split())


def iso_date(d):
    d = (d or "").strip()
    if len(d) == 8 and d.isdigit():
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return d


def unquote(code):
    """Returns (value, is_text): '"INJURY TOLL"' -> ('INJURY TOLL', True)."""
    c = (code or "").strip()
    if len(c) >= 2 and c[0] == '"' and c[-1] == '"':
        return c[1:-1], True
    return c, False


def load_records(xml_path):
    """Returns (docs, expected) lists of dicts, in file order."""
    root = ET.parse(xml_path).getroot()
    sentences = root.find("Sentences")
    if sentences is None:
        sentences = root
    config = {}
    seen = collections.Counter()
    docs, expected = [], []
    for el in sentences:
        if el.tag == "Config":
            opt = (el.get("option") or "").strip()
            if opt:
                config[opt] = (el.get("value") or "").strip()
            continue
        if el.tag != "Sentence":
            continue
        rid = (el.get("id") or "").strip()
        seen[rid] += 1
        if seen[rid] > 1:
            rid = f"{rid}#{seen[rid]}"
        category = (el.get("category") or "").strip()
        implemented = (el.get("sentence") or "true").strip().lower() == "true"
        text_el = el.find("Text")
        docs.append({"id": rid, "date": iso_date(el.get("date")), "lang": "en",
                     "text": norm_ws(text_el.text if text_el is not None else "")})
        codings = el.findall("EventCoding")
        base = {"id": rid, "category": category, "implemented": implemented,
                "config": dict(config)}
        if not codings:
            expected.append(dict(base, kind="noevents", source=None, target=None, code=None,
                                 implicit=True))
        for ec in codings:
            attrs = {k.strip(): v for k, v in ec.attrib.items()}
            if "noevents" in attrs:
                expected.append(dict(base, kind="noevents", source=None, target=None,
                                     code=None))
            elif "error" in attrs:
                expected.append(dict(base, kind="error", error=attrs["error"].strip(),
                                     source=None, target=None, code=None))
            else:
                src, src_text = unquote(attrs.get("sourcecode"))
                tgt, tgt_text = unquote(attrs.get("targetcode"))
                rec = dict(base, kind="event", source=src, target=tgt,
                           code=(attrs.get("eventcode") or "").strip())
                if src_text:
                    rec["source_is_text"] = True
                if tgt_text:
                    rec["target_is_text"] = True
                expected.append(rec)
    return docs, expected


def require_xml(path):
    if not os.path.exists(path):
        print(f"SKIP: {path} is absent (PETRARCH unit-test records not available)")
        sys.exit(77)


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def cmd_convert(args):
    require_xml(args.xml)
    # Never write over the input (or any other XML): outputs are JSON-lines files.
    for out in (args.docs, args.expected):
        if not out.endswith(".jsonl") or os.path.abspath(out) == os.path.abspath(args.xml):
            sys.exit(f"convert: output {out!r} must be a new .jsonl file, not the input XML")
    docs, expected = load_records(args.xml)
    write_jsonl(args.docs, docs)
    write_jsonl(args.expected, expected)
    kinds = collections.Counter(e["kind"] for e in expected)
    print(f"{len(docs)} documents -> {args.docs}; {len(expected)} expected codings -> "
          f"{args.expected} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    return 0


def field(ev, dotted):
    """ev['source']['code'] or ev['source.code']."""
    if dotted in ev:
        return ev[dotted]
    cur = ev
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def load_events(path):
    by_doc = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                ev = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{path}:{n}: bad JSON ({e}); line ignored", file=sys.stderr)
                continue
            if not isinstance(ev, dict):
                continue
            if field(ev, "negated") in (True, "true", 1):
                continue
            by_doc[str(field(ev, "doc_id"))].append(ev)
    return by_doc


def actor_matches(ev, role, want, is_text):
    got = field(ev, f"{role}.code")
    if is_text:  # an actor PETRARCH reports by its text: accept it as text or as code
        for val in (field(ev, f"{role}.text"), got):
            if isinstance(val, str) and norm_ws(val).upper() == want.upper():
                return True
        return False
    return (got or "") == want


def cmd_score(args):
    require_xml(args.xml)
    if not os.path.exists(args.events):
        print(f"error: no events file {args.events}", file=sys.stderr)
        return 2
    _, expected = load_records(args.xml)
    events = load_events(args.events)
    totals = collections.Counter()
    hits = collections.Counter()
    silent_total = collections.Counter()
    silent_violated = collections.Counter()
    silent_docs = set()
    for e in expected:
        if not e["implemented"] and not args.all:
            continue
        cat = e["category"]
        evs = events.get(e["id"], [])
        if e["kind"] == "event":
            totals[cat] += 1
            ok = any(
                actor_matches(ev, "source", e["source"], e.get("source_is_text", False))
                and actor_matches(ev, "target", e["target"], e.get("target_is_text", False))
                and str(field(ev, "code") or "") == e["code"] for ev in evs)
            hits[cat] += ok
        elif e["id"] not in silent_docs:
            silent_docs.add(e["id"])
            silent_total[cat] += 1
            silent_violated[cat] += bool(evs)
    n, h = sum(totals.values()), sum(hits.values())
    report = {
        "expected_codings": n,
        "produced_exactly": h,
        "share": round(h / n, 4) if n else None,
        "by_category": {c: {"expected": totals[c], "produced": hits[c],
                            "share": round(hits[c] / totals[c], 4)} for c in sorted(totals)},
        "no_event_records": sum(silent_total.values()),
        "no_event_records_with_events": sum(silent_violated.values()),
        "implemented_only": not args.all,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"PETRARCH unit records ({'implemented only' if not args.all else 'all'}): "
          f"{h}/{n} expected codings produced exactly"
          + (f" ({100.0 * h / n:.1f}%)" if n else ""))
    for c in sorted(totals):
        print(f"  {c:<10} {hits[c]:>4}/{totals[c]:<4} {100.0 * hits[c] / totals[c]:5.1f}%")
    print(f"  no-event records with events: {report['no_event_records_with_events']}"
          f"/{report['no_event_records']}")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert", help="XML -> documents and expected codings (JSON lines)")
    c.add_argument("--xml", default=DEFAULT_XML)
    c.add_argument("docs")
    c.add_argument("expected")
    s = sub.add_parser("score", help="score warta events against the expected codings")
    s.add_argument("--xml", default=DEFAULT_XML)
    s.add_argument("--all", action="store_true",
                   help='include records marked sentence="false" (not implemented)')
    s.add_argument("--json", action="store_true", help="print the report as JSON")
    s.add_argument("events")
    args = ap.parse_args(argv)
    return cmd_convert(args) if args.cmd == "convert" else cmd_score(args)


if __name__ == "__main__":
    sys.exit(main())
