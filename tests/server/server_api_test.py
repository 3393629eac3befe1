#!/usr/bin/env python3
"""The HTTP API of `warta serve`, end to end against a real server process on loopback.

    server_api_test.py WARTA FIXTURES

Starts `WARTA serve` on a free port (--port 0; the port is read from its first line)
with a fresh SQLite store, a bearer token and small limits, then checks every endpoint,
the errors for bad input (malformed JSON, invalid UTF-8, unknown filters, oversized and
slow requests, garbage on the socket) and that the process is still alive and stops
cleanly on SIGTERM. FIXTURES is the articles file of tests/browser (USA-RUS in Paris
and Milan). Prints one line per check and "N passed, M failed".
"""
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

TOKEN = "s3cret-token"
MAX_BODY = 256 * 1024

passed = 0
failed = 0


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok    {what}")
    else:
        failed += 1
        print(f"FAIL  {what}" + (f": {detail}" if detail else ""))


class Api:
    def __init__(self, port):
        self.port = port

    def request(self, method, path, body=None, headers=None, timeout=30, chunked=False):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            if isinstance(body, str):
                body = body.encode("utf-8")
            if chunked:
                conn.request(method, path, body=iter([body]), headers=headers or {},
                             encode_chunked=True)
            else:
                conn.request(method, path, body=body, headers=headers or {})
            res = conn.getresponse()
            raw = res.read()
            ctype = res.getheader("Content-Type", "")
            data = None
            if "json" in ctype and "ndjson" not in ctype:
                data = json.loads(raw)
            return res.status, data, raw, res
        finally:
            conn.close()

    def get(self, path, **params):
        if params:
            path += "?" + urllib.parse.urlencode(params)
        return self.request("GET", path)

    def post(self, path, body, token=None, content_type="application/json"):
        headers = {"Content-Type": content_type}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return self.request("POST", path, body=body, headers=headers)


def error_code(data):
    return (data or {}).get("error", {}).get("code")


def start_server(warta, db):
    proc = subprocess.Popen(
        [warta, "serve", "--db", db, "--port", "0", "--token", TOKEN, "--max-body", str(MAX_BODY),
         "--timeout", "2", "--threads", "4", "--no-access-log"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if "listening on" not in line:
        proc.kill()
        raise SystemExit(f"warta serve did not start: {line!r} {proc.stderr.read()}")
    port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
    return proc, port


def main():
    warta, fixtures = sys.argv[1], sys.argv[2]
    with open(fixtures, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    en = next(d for d in docs if d["lang"] == "en")
    idn = next(d for d in docs if d["lang"] == "id")
    tmp = tempfile.mkdtemp(prefix="warta-serve-")
    proc, port = start_server(warta, os.path.join(tmp, "events.db"))
    api = Api(port)
    try:
        run_checks(api, en, idn)
        check(proc.poll() is None, "the server is still running after all the bad input")
        check_request_budget(warta, tmp, en)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                rc = proc.wait(timeout=15)
                check(rc == 0, "SIGTERM stops the server cleanly (exit 0)", f"exit {rc}")
            except subprocess.TimeoutExpired:
                proc.kill()
                check(False, "SIGTERM stops the server within 15 s")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def run_checks(api, en, idn):
    # --- health
    st, data, _, _ = api.get("/healthz")
    check(st == 200 and data["status"] == "ok" and data["store"]["events"] == 0,
          "GET /healthz: ok, empty store", data)
    check(data and data.get("auth") is True, "healthz says writes need a token", data)

    # --- POST /v1/code: one object, JSON lines, an array, pretty-printed; nothing stored
    st, data, _, _ = api.post("/v1/code", json.dumps(en))
    check(st == 200 and data["documents"] == 1, "code: one JSON object", (st, data))
    evs = data["events"] if data else []
    urge = [e for e in evs if e["rule"] == "en/02/urge"]
    check(len(urge) == 1 and urge[0]["source"]["code"] == "USA"
          and urge[0]["target"]["code"] == "RUS" and urge[0]["location"]["name"] == "Paris",
          "code: USA urged RUS in Paris, in the event JSON contract", evs)
    if urge:
        e, text = urge[0], en["text"]
        check(text[e["source"]["span"][0]:e["source"]["span"][1]] == "United States"
              and text[e["trigger"]["span"][0]:].startswith("urged"),
              "code: spans are code points into the document", e)
    lines = json.dumps(en) + "\n\n" + json.dumps(idn) + "\r\n"
    st, data, _, _ = api.post("/v1/code", lines, content_type="application/x-ndjson")
    check(st == 200 and data["documents"] == 2 and
          {e["doc_id"] for e in data["events"]} == {en["id"], idn["id"]},
          "code: JSON lines (blank lines and CRLF allowed)", (st, data))
    st, data, _, _ = api.post("/v1/code", json.dumps([en, idn]))
    check(st == 200 and data["documents"] == 2, "code: a JSON array of documents", (st, data))
    st, data, _, _ = api.post("/v1/code", json.dumps(idn, indent=2, ensure_ascii=False))
    milan = [e for e in (data or {}).get("events", []) if e["rule"] == "id/11/mengecam"]
    check(st == 200 and len(milan) == 1 and milan[0]["location"]["name"] == "Milan",
          "code: a pretty-printed object (Indonesian: USA mengecam RUS in Milan)", (st, data))
    # curl's default content type is a form: the body must still be the document
    st, data, _, _ = api.post("/v1/code", json.dumps(en),
                              content_type="application/x-www-form-urlencoded")
    check(st == 200 and data["documents"] == 1, "code: a body sent as a form is still a document",
          (st, data))
    st, _, raw, res = api.request("POST", "/v1/code?format=jsonl", body=json.dumps(en))
    jl = [json.loads(x) for x in raw.decode().splitlines() if x.strip()]
    check(st == 200 and "ndjson" in res.getheader("Content-Type") and len(jl) >= 2,
          "code: ?format=jsonl gives one event a line", raw[:200])
    st, data, _, _ = api.post("/v1/code", json.dumps({**en, "date": None}) , token=None)
    check(st == 200, "code: a document without a date still codes", (st, data))
    st, data, _, _ = api.post("/v1/code?date=2023-05-10&lang=en",
                              json.dumps({"id": "nd", "text": en["text"]}))
    check(st == 200 and data["events"] and data["events"][0]["date"] == "2023-05-09",
          "code: ?date and ?lang for documents that do not say", (st, data))
    st, data, _, _ = api.get("/healthz")
    check(data["store"]["documents"] == 0, "code stores nothing", data)

    # --- POST /v1/code: bad input is a 4xx with a JSON error
    bad_bodies = [
        ("malformed JSON", b'{"id": "x", "text": "a"', "invalid_document"),
        ("invalid UTF-8", b'{"id": "x", "text": "caf\xe9"}', "invalid_utf8"),
        ("an empty body", b"", "invalid_document"),
        ("whitespace only", b"  \n ", "invalid_document"),
        ("a JSON string", b'"hello"', "invalid_document"),
        ("a document without text", b'{"id": "x"}', "invalid_document"),
        ("a text that is not a string", b'{"id": "x", "text": {"a": 1}}', "invalid_document"),
        ("a bad date", b'{"id": "x", "date": "2023-02-30", "text": "a"}', "invalid_document"),
        ("an array with a number", b'[{"id": "x", "text": "a"}, 5]', "invalid_document"),
        ("an empty array", b"[]", "invalid_document"),
        ("a NUL byte", b'{"id": "x", "text": "a\x00b"}', "invalid_document"),
        ("deep nesting", b"[" * 5000 + b"]" * 5000, "invalid_document"),
    ]
    for what, body, code in bad_bodies:
        st, data, raw, _ = api.post("/v1/code", body)
        check(st == 400 and error_code(data) == code and data["error"]["message"],
              f"code: {what} -> 400 {code}", (st, raw[:300]))
    st, data, _, _ = api.post("/v1/code", json.dumps(en) + "\n{oops\n" + json.dumps(idn))
    check(st == 400 and any("line 2" in d for d in data["error"].get("details", [])),
          "code: a bad JSON line is reported by its line number", data)
    st, data, _, _ = api.post("/v1/code", json.dumps({"id": "fr", "text": "Bonjour", "lang": "fr"}))
    check(st == 422 and error_code(data) == "coding_failed", "code: no language pack -> 422",
          (st, data))
    for q, what in [("?lang=fr", "lang"), ("?date=yesterday", "date"), ("?format=xml", "format"),
                    ("?colour=red", "unknown parameter")]:
        st, data, _, _ = api.post("/v1/code" + q, json.dumps(en))
        check(st == 400 and error_code(data) in ("invalid_parameter", "unknown_parameter"),
              f"code: bad {what} -> 400", (st, data))

    # --- limits: body size (with and without Content-Length), slow and broken clients
    big = json.dumps({"id": "big", "text": "x " * (MAX_BODY // 2 + 10)})
    st, data, _, _ = api.post("/v1/code", big)
    check(st == 413 and error_code(data) == "payload_too_large", "a body over --max-body -> 413",
          (st, data))
    check(chunked_too_large(api.port) in (413, None), "a chunked body over --max-body -> 413")
    st, data, _, _ = api.request("POST", "/v1/code", body=lines.encode(),
                                 headers={"Transfer-Encoding": "chunked"}, chunked=True)
    check(st == 200 and data["documents"] == 2, "code: a chunked body within the limit", (st, data))
    form = "\n".join(json.dumps({**en, "id": f"f{i}"}) for i in range(40))
    st, data, _, _ = api.post("/v1/code", form, content_type="application/x-www-form-urlencoded")
    check(len(form) > 8192 and st == 200 and data["documents"] == 40,
          "code: a large body sent as a form (curl's default) is read whole", (st, len(form)))
    st, data, _, _ = api.request("GET", "/v1/events", body=b"5\r\nhello\r\n0\r\n\r\n",
                                 headers={"Transfer-Encoding": "chunked"})
    check(st == 411, "a chunked body elsewhere -> 411", (st, data))
    t0 = time.time()
    s = socket.create_connection(("127.0.0.1", api.port))
    s.sendall(b"POST /v1/code HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"id\":")
    s.settimeout(10)
    try:
        got = s.recv(4096)
    except socket.timeout:
        got = b"(nothing)"
    s.close()
    check(time.time() - t0 < 8, "a client that stops sending is dropped after --timeout",
          f"{time.time() - t0:.1f} s, {got[:80]!r}")
    for garbage in [b"\x00\x01\x02garbage\r\n\r\n", b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\n\r\n",
                    b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"X-A: b\r\n" * 2000 + b"\r\n",
                    b"POST /v1/code HTTP/1.1\r\nContent-Length: -5\r\n\r\n"]:
        s = socket.create_connection(("127.0.0.1", api.port))
        s.settimeout(10)
        try:
            s.sendall(garbage)
            s.recv(1024)
        except OSError:
            pass
        s.close()
    st, _, _, _ = api.get("/healthz")
    check(st == 200, "garbage on the socket does not hurt the server", st)

    # --- POST /v1/ingest: the token, storing, idempotence
    body = json.dumps(en) + "\n" + json.dumps(idn) + "\n"
    st, data, _, res = api.post("/v1/ingest", body)
    check(st == 401 and error_code(data) == "unauthorized" and
          res.getheader("WWW-Authenticate", "").startswith("Bearer"),
          "ingest without a token -> 401", (st, data))
    st, data, _, _ = api.post("/v1/ingest", body, token="wrong")
    check(st == 401, "ingest with a wrong token -> 401", (st, data))
    st, data, _, _ = api.post("/v1/ingest", body, token=TOKEN)
    check(st == 200 and data["stored"] == 2 and data["events_new"] == 4 and
          [r["status"] for r in data["results"]] == ["new", "new"],
          "ingest: 2 documents, 4 events stored", (st, data))
    st, data, _, _ = api.post("/v1/ingest", body, token=TOKEN)
    check(st == 200 and [r["status"] for r in data["results"]] == ["unchanged", "unchanged"]
          and data["events_new"] == 0, "ingest again: nothing changes", (st, data))
    st, data, _, _ = api.post("/v1/ingest", json.dumps(en) + "\n{bad", token=TOKEN)
    check(st == 400 and "nothing was stored" in data["error"]["message"],
          "ingest: a bad record stores nothing", (st, data))
    st, data, _, _ = api.get("/healthz")
    check(data["store"]["documents"] == 2 and data["store"]["events"] == 4,
          "healthz counts the stored documents and events", data)
    st, data, _, res = api.get("/v1/ingest")
    check(st == 405 and res.getheader("Allow") == "POST", "GET /v1/ingest -> 405", (st, data))

    # --- GET /v1/events with the filters of `warta query`
    def ids(**params):
        st, data, _, _ = api.get("/v1/events", **params)
        if st != 200:
            return st, data
        return st, sorted(f'{e["source"]["code"]}>{(e["target"] or {}).get("code")}:{e["code"]}'
                          for e in data["events"])

    cases = [
        ({}, ["RUS>USA:1124", "RUSGOV>USA:112", "USA>RUS:020", "USA>RUS:111"]),
        ({"actor": "RUSGOV"}, ["RUSGOV>USA:112"]),
        ({"actor": "rus"}, ["RUS>USA:1124", "RUSGOV>USA:112", "USA>RUS:020", "USA>RUS:111"]),
        ({"country": "FR"}, ["USA>RUS:020"]),
        ({"country": "ITA"}, ["USA>RUS:111"]),
        ({"code": "11"}, ["RUS>USA:1124", "RUSGOV>USA:112", "USA>RUS:111"]),
        ({"root": "2"}, ["USA>RUS:020"]),
        ({"quad": "3"}, ["RUS>USA:1124", "RUSGOV>USA:112", "USA>RUS:111"]),
        ({"place": "milan"}, ["USA>RUS:111"]),
        ({"text": "urged"}, ["USA>RUS:020"]),
        ({"from": "2023-06"}, ["RUSGOV>USA:112", "USA>RUS:111"]),
        ({"to": "2023-05-31"}, ["RUS>USA:1124", "USA>RUS:020"]),
        ({"from": "2024"}, []),
    ]
    for params, want in cases:
        st, got = ids(**params)
        check(st == 200 and got == want, f"events {params}", (st, got))
    st, data, _, _ = api.get("/v1/events", limit=1)
    check(st == 200 and data["count"] == 1 and data["truncated"] is True, "events: limit", data)
    st, data, _, _ = api.get("/v1/events", place="Paris")
    ev = data["events"][0] if st == 200 and data["events"] else None
    check(ev is not None and isinstance(ev["id"], str) and ev["mentions"], "events: ids are strings, "
          "mentions included", data)
    if ev:
        m = ev["mentions"][0]
        sent = m["sentence"]["text"]
        hl = {h["role"]: sent[h["span"][0]:h["span"][1]] for h in m["highlights"]}
        check(hl == {"source": "United States", "target": "Russia", "trigger": "urged"},
              "events: highlights of the sentence (source, target, trigger)", m)
        check(m["rule"] == "en/02/urge" and m["doc_id"] == en["id"], "events: the rule and document",
              m)
        st, one, _, _ = api.get(f"/v1/events/{ev['id']}")
        check(st == 200 and one["id"] == ev["id"] and one["mentions"], "GET /v1/events/{id}",
              (st, one))
    st, data, _, _ = api.get("/v1/events", mentions="false")
    check(st == 200 and all(e["mentions"] == [] for e in data["events"]), "events: mentions=false",
          data)
    st, data, _, _ = api.get("/v1/events/12345")
    check(st == 404 and error_code(data) == "not_found", "unknown event id -> 404", (st, data))
    st, data, _, _ = api.get("/v1/events/abc")
    check(st == 400, "non-numeric event id -> 400", (st, data))
    bad_filters = [
        ({"colour": "red"}, "unknown_parameter"),
        ({"from": "2023-13"}, "invalid_parameter"),
        ({"to": "May"}, "invalid_parameter"),
        ({"quad": "5"}, "invalid_parameter"),
        ({"quad": "x"}, "invalid_parameter"),
        ({"limit": "0"}, "invalid_parameter"),
        ({"limit": "99999999999999999999"}, "invalid_parameter"),
        ({"code": "0a"}, "invalid_parameter"),
        ({"actor": "US A"}, "invalid_parameter"),
        ({"country": "F"}, "invalid_parameter"),
        ({"mentions": "maybe"}, "invalid_parameter"),
    ]
    for params, code in bad_filters:
        st, data, _, _ = api.get("/v1/events", **params)
        check(st == 400 and error_code(data) == code, f"events {params} -> 400 {code}", (st, data))
    st, data, _, _ = api.request("GET", "/v1/events?actor=USA&actor=RUS")
    check(st == 400, "events: a repeated filter -> 400", (st, data))
    st, data, _, _ = api.request("GET", "/v1/events?text=%FF%FE")
    check(st == 400 and error_code(data) == "invalid_utf8", "events: invalid UTF-8 in a filter -> 400",
          (st, data))
    st, data, _, _ = api.request("GET", "/v1/events?text=%27%3B%20DROP%20TABLE%20events%3B--")
    check(st == 200 and data["count"] == 0, "events: SQL in a filter is just text", (st, data))

    # --- dyads
    st, data, _, _ = api.get("/v1/dyads/USA/RUS", by="month")
    want = [("2023-05", 1, 3.0, 1, -2.0), ("2023-06", 1, -2.0, 1, -2.0)]
    got = [(p["period"], p["ab"]["count"], p["ab"]["goldstein_mean"], p["ba"]["count"],
            p["ba"]["goldstein_mean"]) for p in (data or {}).get("periods", [])]
    check(st == 200 and got == want, "dyad USA/RUS by month: counts and Goldstein, both directions",
          (st, data))
    st, data, _, _ = api.get("/v1/dyads/rus/usa", by="year")
    check(st == 200 and data["periods"][0]["period"] == "2023" and data["total"] == {"ab": 2, "ba": 2},
          "dyad RUS/USA by year (lower case codes)", (st, data))
    st, data, _, _ = api.get("/v1/dyads/USA/RUS")
    check(st == 200 and data["by"] == "month", "dyad: by defaults to month", data)
    st, data, _, _ = api.get("/v1/dyads/USA/RUS/events")
    check(st == 200 and data["count"] == 4 and data["events"][0]["mentions"],
          "dyad events: 4, with their sentences", (st, data))
    st, data, _, _ = api.get("/v1/dyads/USA/FRA/events")
    check(st == 200 and data["count"] == 0, "dyad events: none for USA/FRA", (st, data))
    for path, what in [("/v1/dyads/USA/RUS?by=decade", "by"), ("/v1/dyads/USA/RUS?from=x", "from"),
                       ("/v1/dyads/U%24A/RUS", "actor code"), ("/v1/dyads/USA/RUS?a=1", "param")]:
        st, data, _, _ = api.request("GET", path)
        check(st == 400 and error_code(data) in ("invalid_parameter", "unknown_parameter"),
              f"dyad: bad {what} -> 400", (st, data))

    # --- actors
    st, data, _, _ = api.get("/v1/actors/lookup", name="Lavrov", date="2014-10-15")
    check(st == 200 and data["entries"][0]["code"] == "RUSGOV" and
          data["entries"][0]["person"]["name"] == "Sergey Lavrov",
          "actors lookup: Lavrov on 2014-10-15 is RUSGOV", (st, data))
    st, data, _, _ = api.get("/v1/actors/lookup", name="Amerika Serikat", lang="id")
    check(st == 200 and any(e["code"] == "USA" for e in data["entries"]),
          "actors lookup: Amerika Serikat (id) is USA", (st, data))
    st, data, _, _ = api.get("/v1/actors/lookup", name="Zzyzx Qwerty")
    check(st == 404 and error_code(data) == "not_found", "actors lookup: unknown name -> 404",
          (st, data))
    for params in [{}, {"name": "Kerry", "date": "2014-13-01"}, {"name": "Kerry", "lang": "fr"},
                   {"name": "Kerry", "role": "x"}]:
        st, data, _, _ = api.get("/v1/actors/lookup", **params)
        check(st == 400, f"actors lookup {params} -> 400", (st, data))

    # --- everything else
    st, data, _, _ = api.get("/v1/nothing")
    check(st == 404 and error_code(data) == "not_found", "unknown endpoint -> 404 JSON", (st, data))
    st, data, _, _ = api.request("DELETE", "/v1/events")
    check(400 <= st < 500 and data and "error" in data, "DELETE -> 4xx JSON", (st, data))
    st, data, _, _ = api.request("POST", "/v1/events", body="{}")
    check(st == 405, "POST /v1/events -> 405", (st, data))
    st, _, raw, res = api.request("GET", "/")
    if b"<!doctype html>" in raw.lower() and st == 200:
        check("default-src 'self'" in res.getheader("Content-Security-Policy", ""),
              "dashboard: served with a same-origin content policy", res.getheaders())
    else:
        check(st == 503 and b"npm" in raw, "dashboard not built: / says how to build it", raw[:200])

    # --- many requests at once
    results = []

    def worker():
        for _ in range(10):
            st, _, _, _ = api.get("/v1/events", actor="USA")
            results.append(st)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(results == [200] * 80, "80 concurrent queries all answered", set(results))


def check_request_budget(warta, tmp, en):
    """--request-seconds: a request that takes longer stops between documents with a 503
    that says what was stored."""
    proc = subprocess.Popen(
        [warta, "serve", "--db", os.path.join(tmp, "budget.db"), "--port", "0",
         "--request-seconds", "1", "--max-body", str(64 << 20), "--no-access-log"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        api = Api(int(line.split("http://127.0.0.1:")[1].split("/")[0]))
        n = 20000
        body = "\n".join(json.dumps({**en, "id": f"b{i}"}) for i in range(n))
        st, data, _, _ = api.post("/v1/ingest", body)
        done = len((data or {}).get("results", []))
        check(st == 503 and error_code(data) == "timeout" and 0 < done < n,
              "ingest over --request-seconds -> 503, with what was stored",
              (st, (data or {}).get("error"), done))
        st, health, _, _ = api.get("/healthz")
        check(st == 200 and health["store"]["documents"] == done,
              "the documents reported stored are stored", (done, health))
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)


def chunked_too_large(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(10)
    try:
        s.sendall(b"POST /v1/code HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        chunk = b"x" * 65536
        for _ in range(MAX_BODY // len(chunk) + 4):
            s.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        s.sendall(b"0\r\n\r\n")
        head = s.recv(4096).split(b"\r\n", 1)[0]
        return int(head.split()[1])
    except (OSError, IndexError, ValueError):
        return None  # the server hung up: refused too
    finally:
        s.close()


if __name__ == "__main__":
    sys.exit(main())
