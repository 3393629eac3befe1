#!/usr/bin/env python3
"""Prints the counts and a digest of a warta SQLite store's content, for comparing two
stores: documents, events and mentions, every column except the times of writing
(coded_at, date_added). Floats are rounded to 6 decimals. The ids SQLite assigns in
sequence (documents.rid, events.id) are compared too: written in input order, they are
the same in a clean run and in a killed and resumed one.

  store_digest.py STORE.db
"""
import hashlib
import sqlite3
import sys

TABLES = {
    "documents": ("rid", "coded_at"),
    "events": ("id", "date_added"),
    "mentions": ("doc_rid, sentence_index, event_id", None),
}


def digest(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    out = {}
    for table, (order, skip) in TABLES.items():
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] != skip]
        h = hashlib.sha256()
        n = 0
        for row in db.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}"):
            n += 1
            h.update(repr(tuple(round(v, 6) if isinstance(v, float) else v
                                for v in row)).encode())
            h.update(b"\n")
        out[table] = (n, h.hexdigest()[:16])
    db.close()
    return out


if __name__ == "__main__":
    for table, (n, h) in digest(sys.argv[1]).items():
        print(f"{table} {n} {h}")
