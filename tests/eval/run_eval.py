#!/usr/bin/env python3
"""Accuracy tests over ../shared/eval, run by ctest. Exit 77 (skip) without ../shared.

  run_eval.py TEST WARTA_BIN SHARED_DIR GOLDEN_DIR
Tests (thresholds from the issues):
  seed_country        seed article F1 >= 0.90 at --level country, every matched gold
                      date right, no forbidden hit
  seed_full           seed article F1 >= 0.75 at --level full
  seed_en_matches_id  our English rendering gives the same (source country, target
                      country, root) set as the Indonesian original
  lang_id_parallel    language identification on the parallel corpus (reports accuracy;
                      fails below 0.95)
  plover_gsr          PLOVER GSR F1 >= 0.70 at --level country (issue 4)
  plover_source       source right at country level >= 85% where warta codes (issue 3)
  idner               native Indonesian news: F1 >= 0.60, false alarms <= 3% (issue 4)
  parallel_news       cross-lingual agreement >= 0.70 on the news half (issue 4)
  ner_loc             >= 80% of gazetteer LOC spans recognised in context (issue 3)
  seed_locations      seed events in sentences naming Paris, Milan, Iraq, Crimea are
                      located (issue 3)
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def skip(msg):
    print(f"SKIP: {msg}")
    sys.exit(77)


def code(binary, path, out):
    r = subprocess.run([binary, "code", path], capture_output=True, text=True)
    if r.returncode not in (0, 2):
        sys.exit(f"warta code failed: {r.stderr}")
    with open(out, "w", encoding="utf-8") as f:
        f.write(r.stdout)
    return [json.loads(l) for l in r.stdout.splitlines() if l.strip()]


def score(shared, gold, events, level):
    r = subprocess.run([sys.executable, os.path.join(shared, "eval", "score.py"), gold, events,
                        "--level", level, "--json", "--show-misses"], capture_output=True, text=True)
    print(r.stdout + r.stderr)
    return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    test, binary, shared, golden = sys.argv[1:5]
    if not os.path.isdir(os.path.join(shared, "eval")):
        skip(f"{shared}/eval not found; accuracy tests need the shared evaluation material")
    tmp = tempfile.mkdtemp()
    seed = os.path.join(shared, "eval", "seed")
    ok = True
    if test in ("seed_country", "seed_full"):
        events = os.path.join(tmp, "seed.jsonl")
        code(binary, os.path.join(seed, "seed.id.jsonl"), events)
        level = "country" if test == "seed_country" else "full"
        res = score(shared, os.path.join(seed, "seed.id.gold.jsonl"), events, level)
        # Issue 2 asks 0.85 at country level, issue 4 (the event vocabulary) 0.90.
        need = 0.90 if level == "country" else 0.75
        ok = res["f1"] >= need
        print(f"seed F1 at {level}: {res['f1']} (need {need})")
        if level == "country":
            d_ok, d_total = map(int, res["date_ok"].split("/"))
            if d_ok != d_total:
                print(f"FAIL: dates {res['date_ok']}")
                ok = False
            if res["forbidden_hits"]:
                print(f"FAIL: {res['forbidden_hits']} forbidden hits")
                ok = False
    elif test == "seed_en_matches_id":
        ide = code(binary, os.path.join(seed, "seed.id.jsonl"), os.path.join(tmp, "id.jsonl"))
        ene = code(binary, os.path.join(golden, "seed_en.jsonl"), os.path.join(tmp, "en.jsonl"))
        def key(e):
            return (e["source"]["code"][:3], ((e.get("target") or {}).get("code") or "---")[:3], e["root"])
        a = {key(e) for e in ide if not e["negated"]}
        b = {key(e) for e in ene if not e["negated"]}
        print("id only:", sorted(a - b))
        print("en only:", sorted(b - a))
        print(f"id {len(a)} en {len(b)} common {len(a & b)}")
        ok = a == b
    elif test == "lang_id_parallel":
        docs = os.path.join(tmp, "docs.jsonl")
        n = 0
        with open(os.path.join(shared, "eval", "parallel", "ud_pud_en_id.tsv"), encoding="utf-8") as f, \
                open(docs, "w", encoding="utf-8") as out:
            next(f)
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3:
                    continue
                for lang, text in (("en", parts[1]), ("id", parts[2])):
                    out.write(json.dumps({"id": f"{parts[0]}-{lang}", "text": text}) + "\n")
                    n += 1
        r = subprocess.run([binary, "lang", docs], capture_output=True, text=True)
        right = sum(1 for l in r.stdout.splitlines() if l.split("\t")[0].rsplit("-", 1)[1] == l.split("\t")[1])
        acc = right / n
        print(f"language identification on {n} parallel sentences: accuracy {acc:.4f}")
        ok = acc >= 0.95
    elif test == "plover_gsr":
        # Issue 4: F1 >= 0.70 at --level country.
        events = os.path.join(tmp, "plover.jsonl")
        code(binary, os.path.join(shared, "eval", "plover_gsr", "plover_gsr.docs.jsonl"), events)
        res = score(shared, os.path.join(shared, "eval", "plover_gsr", "plover_gsr.gold.jsonl"),
                    events, "country")
        print(f"PLOVER GSR F1 at country: {res['f1']} (need 0.70)")
        ok = res["f1"] >= 0.70
    elif test == "plover_source":
        # Issue 3: for gold events whose sentence gives any warta event, the source is
        # right at country level for >= 85% of them.
        sys.path.insert(0, os.path.join(shared, "eval"))
        from score import actor_ok  # noqa: E402 (the shared scorer's actor matching)
        events = os.path.join(tmp, "plover.jsonl")
        produced = {}
        for e in code(binary, os.path.join(shared, "eval", "plover_gsr", "plover_gsr.docs.jsonl"), events):
            if not e["negated"]:
                produced.setdefault(e["doc_id"], []).append(e["source"]["code"])
        right = total = 0
        with open(os.path.join(shared, "eval", "plover_gsr", "plover_gsr.gold.jsonl"), encoding="utf-8") as f:
            for line in f:
                g = json.loads(line)
                if g.get("forbid") or g["doc_id"] not in produced:
                    continue
                total += 1
                right += any(actor_ok(g["source"], c, "country") for c in produced[g["doc_id"]])
        share = right / total if total else 0.0
        print(f"source right at country level for {right}/{total} gold events in coded sentences "
              f"= {share:.3f} (need 0.85)")
        ok = share >= 0.85
    elif test == "idner":
        # Issue 4: F1 >= 0.60 at country level and events on <= 3% of event-free sentences.
        events = os.path.join(tmp, "idner.jsonl")
        code(binary, os.path.join(shared, "eval", "idner", "idner.docs.jsonl"), events)
        res = score(shared, os.path.join(shared, "eval", "idner", "idner.gold.jsonl"), events, "country")
        hit, total = map(int, res["forbidden_sentences"].split("/"))
        rate = hit / total if total else 0.0
        print(f"idner F1 at country: {res['f1']} (need 0.60); false alarms on {hit}/{total} "
              f"event-free sentences = {rate:.3f} (need <= 0.03)")
        ok = res["f1"] >= 0.60 and rate <= 0.03
    elif test == "parallel_news":
        # Issue 4: agreement >= 0.70 on the news half of the parallel corpus.
        d = os.path.join(tmp, "par")
        tool = os.path.join(shared, "eval", "crossling.py")
        subprocess.run([sys.executable, tool, "make", os.path.join(shared, "eval", "parallel", "ud_pud_en_id.tsv"),
                        d, "--news-only"], check=True, capture_output=True)
        code(binary, os.path.join(d, "en.jsonl"), os.path.join(d, "en.events"))
        code(binary, os.path.join(d, "id.jsonl"), os.path.join(d, "id.events"))
        r = subprocess.run([sys.executable, tool, "score", os.path.join(d, "en.events"),
                            os.path.join(d, "id.events"), "--show"], capture_output=True, text=True)
        print(r.stdout)
        m = re.search(r"pairs_with_events=(\d+).*agreement=([0-9.]+)", r.stdout)
        agreement = float(m.group(2)) if m else 0.0
        print(f"parallel news agreement {agreement} over {m.group(1) if m else 0} pairs with events (need 0.70)")
        ok = agreement >= 0.70
    elif test == "ner_loc":
        # Issue 3: >= 80% of the LOC spans that name a country, capital or city of the
        # gazetteer are recognised and resolved in context.
        sents, spans = [], []
        with open(os.path.join(shared, "eval", "ner", "idner_news_2k.test.txt"), encoding="utf-8") as f:
            toks, tags = [], []
            for line in list(f) + [""]:
                parts = line.split()
                if len(parts) >= 3:
                    toks.append(parts[0])
                    tags.append(parts[-1])
                    continue
                if toks:
                    text, offs = "", []
                    for t in toks:
                        if text:
                            text += " "
                        offs.append((len(text), len(text) + len(t)))
                        text += t
                    i = 0
                    while i < len(toks):
                        if tags[i] == "B-LOC":
                            j = i + 1
                            while j < len(toks) and tags[j] == "I-LOC":
                                j += 1
                            spans.append((len(sents), offs[i][0], offs[j - 1][1], text[offs[i][0]:offs[j - 1][1]]))
                            i = j
                        else:
                            i += 1
                    sents.append(text)
                toks, tags = [], []
        docs = os.path.join(tmp, "ner_docs.jsonl")
        alone = os.path.join(tmp, "ner_alone.jsonl")
        with open(docs, "w", encoding="utf-8") as f:
            for n, t in enumerate(sents):
                f.write(json.dumps({"id": f"s{n}", "lang": "id", "text": t}) + "\n")
        with open(alone, "w", encoding="utf-8") as f:
            for n, sp in enumerate(spans):
                # "di X": whether the dictionaries know X as a place at all.
                f.write(json.dumps({"id": f"l{n}", "lang": "id", "text": "di " + sp[3]}) + "\n")

        def mentions(path):
            r = subprocess.run([binary, "mentions", path], capture_output=True, text=True)
            out = {}
            for l in r.stdout.splitlines():
                m = json.loads(l)
                out.setdefault(m["doc_id"], []).append(m)
            return out
        in_context, by_itself = mentions(docs), mentions(alone)
        known = right = 0
        for n, (si, b, e, text) in enumerate(spans):
            own = [m for m in by_itself.get(f"l{n}", []) if "place" in m
                   and m["span"][0] == 3 and m["span"][1] == 3 + len(text)]
            if not own:
                continue  # not a gazetteer country, capital or city
            known += 1
            place = own[0]["place"]["name"]
            right += any("place" in m and m["place"]["name"] == place and m["span"][0] <= b and e <= m["span"][1]
                         for m in in_context.get(f"s{si}", []))
        share = right / known if known else 0.0
        print(f"LOC spans naming a gazetteer place: {known} of {len(spans)}; recognised and resolved in "
              f"context: {right} = {share:.3f} (need 0.80)")
        ok = share >= 0.80
    elif test == "seed_locations":
        # Issue 3: every seed event carries a location where its sentence names one.
        events = code(binary, os.path.join(seed, "seed.id.jsonl"), os.path.join(tmp, "seed.jsonl"))
        # The sentences that name where something happened (not "tentara Irak", an actor).
        want = ["di Paris", "ke Milan", "di Irak dan Suriah", "semenanjung Krimea"]
        ok = True
        for word in want:
            evs = [e for e in events if word in e["sentence"]["text"] and not e["negated"]]
            located = [e for e in evs if (e.get("location") or {}).get("name")]
            print(f"{word}: {len(located)}/{len(evs)} events located "
                  f"({sorted({e['location']['name'] for e in located})})")
            ok &= bool(evs) and len(located) == len(evs)
    else:
        sys.exit(f"unknown test {test}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
