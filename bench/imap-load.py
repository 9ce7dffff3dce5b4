#!/usr/bin/env python3
"""IMAP load driver for issue 4 (docs/benchmarks.md), the same against any IMAP server.
Python 3 stdlib only; plain-text LOGIN on loopback. Every mode prints readable lines and, last,
`RESULT {json}`.

  imap-load.py mix    HOST PORT [--users 50] [--clients 20] [--seconds 60]
      many clients, each on its own account: SELECT, FETCH (flags / envelope / body), STORE,
      SEARCH, APPEND, EXPUNGE in a fixed random mix; operations per second and latency per kind
  imap-load.py fill   HOST PORT --user U --count N [--clients 4] [--window 1]
      APPEND N messages (LITERAL+ if offered; --window W keeps W APPENDs in flight per connection)
  imap-load.py maildir DIR --count N                               the same N messages as Maildir files
  imap-load.py big    HOST PORT --user U [--runs 5]
      on a large INBOX: SELECT, UID FETCH 1:* (FLAGS), UID SEARCH by header and by body text
  imap-load.py idle   HOST PORT [--users 50] --conns 10000 [--hold 20]
      opens that many connections, each LOGIN, SELECT INBOX, IDLE; holds them, then DONE/LOGOUT
  imap-load.py notify HOST PORT [--smtp PORT] --user U [--count 200]
      one IDLE session; delivers messages one at a time (by SMTP, or by APPEND from a second
      session when --smtp is not given); time from the send to `* n EXISTS`
"""
import argparse, json, os, random, resource, selectors, smtplib, socket, statistics, sys, threading, time

PASSWORD = os.environ.get("BENCH_PASS", "secret")
DOMAIN = os.environ.get("BENCH_DOMAIN", "bench.test")
WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
         "quebec romeo sierra tango uniform victor whiskey xray yankee zulu report invoice meeting budget "
         "project schedule customer contract delivery review").split()


def message(i, size=2048):
    """Message i of the benchmark corpus: unique subject, Message-ID and body word (needle<i>)."""
    rnd = random.Random(i)
    words = []
    n = 0
    while n < size:
        w = rnd.choice(WORDS)
        words.append(w)
        n += len(w) + 1
    lines, line = [], []
    for w in words:
        line.append(w)
        if len(line) == 12:
            lines.append(" ".join(line)); line = []
    if line: lines.append(" ".join(line))
    lines.insert(len(lines) // 2, f"reference needle{i} inside")
    body = "\r\n".join(lines) + "\r\n"
    return (f"From: Sender {i % 97} <sender{i % 97}@load.test>\r\nTo: user@{DOMAIN}\r\n"
            f"Subject: bench message {i}\r\nDate: Sat, 21 Nov 2026 10:00:00 +0000\r\n"
            f"Message-ID: <bench-{i}@load.test>\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset=us-ascii\r\n\r\n" + body).encode()


class Imap:
    """A minimal blocking IMAP client: commands, literals in responses, IDLE."""

    def __init__(self, host, port, timeout=120):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.f = self.sock.makefile("rb")
        self.n = 0
        self.greeting = self.f.readline()
        self.caps = ""

    def send(self, data):
        self.sock.sendall(data)

    def read_response_line(self):
        """One response line with any literals it announces appended."""
        line = self.f.readline()
        if not line:
            raise ConnectionError("server closed the connection")
        out = [line]
        while line.endswith(b"}\r\n") and b"{" in line:
            size = int(line[line.rindex(b"{") + 1:-3].rstrip(b"+"))
            out.append(self.f.read(size))
            line = self.f.readline()
            out.append(line)
        return b"".join(out)

    def command(self, cmd, literal=None):
        self.n += 1
        tag = b"t%d" % self.n
        if literal is None:
            self.send(tag + b" " + cmd + b"\r\n")
        elif "LITERAL+" in self.caps:
            self.send(tag + b" " + cmd + b" {%d+}\r\n" % len(literal) + literal + b"\r\n")
        else:
            self.send(tag + b" " + cmd + b" {%d}\r\n" % len(literal))
            cont = self.f.readline()
            if not cont.startswith(b"+"):
                raise RuntimeError("no continuation: %r" % cont)
            self.send(literal + b"\r\n")
        untagged = []
        while True:
            line = self.read_response_line()
            if line.startswith(tag + b" "):
                if not line[len(tag) + 1:].startswith(b"OK"):
                    raise RuntimeError("%s failed: %r" % (cmd[:60], line))
                return untagged
            untagged.append(line)

    def login(self, user):
        self.command(b'LOGIN "%s" "%s"' % (user.encode(), PASSWORD.encode()))
        caps = self.command(b"CAPABILITY")
        self.caps = b" ".join(caps).decode(errors="replace").upper()

    def close(self):
        try:
            self.command(b"LOGOUT")
        except Exception:
            pass
        self.sock.close()


def pct(values, p):
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def search_uids(lines):
    for l in lines:
        if l.startswith(b"* SEARCH"):
            return [int(x) for x in l[8:].split()]
        if l.startswith(b"* ESEARCH"):
            return l
    return []


# ---- mix ---------------------------------------------------------------------------------------

MIX = [("select", 5), ("fetch_flags", 20), ("fetch_envelope", 15), ("fetch_body", 15), ("store", 15),
       ("search", 10), ("append", 10), ("expunge", 10)]


def mix_client(host, port, user, deadline, stats, errors, seed):
    rnd = random.Random(seed)
    kinds = [k for k, w in MIX for _ in range(w)]
    try:
        c = Imap(host, port)
        c.login(user)
        exists = count_exists(c.command(b"SELECT INBOX"))
        serial = seed * 1_000_000
        while time.monotonic() < deadline:
            kind = rnd.choice(kinds)
            if exists == 0 and kind not in ("append", "select"):
                kind = "append"
            t = time.monotonic()
            if kind == "select":
                exists = count_exists(c.command(b"SELECT INBOX"))
            elif kind == "fetch_flags":
                lo = rnd.randint(1, exists); c.command(b"FETCH %d:%d (UID FLAGS)" % (lo, min(exists, lo + 49)))
            elif kind == "fetch_envelope":
                lo = rnd.randint(1, exists); c.command(b"FETCH %d:%d (UID ENVELOPE)" % (lo, min(exists, lo + 19)))
            elif kind == "fetch_body":
                c.command(b"FETCH %d (BODY.PEEK[])" % rnd.randint(1, exists))
            elif kind == "store":
                c.command(b"STORE %d %sFLAGS (\\Seen)" % (rnd.randint(1, exists), rnd.choice([b"+", b"-"])))
            elif kind == "search":
                c.command(rnd.choice([b"SEARCH UNSEEN", b"SEARCH SUBJECT \"message %d\"" % rnd.randint(1, 500),
                                      b"SEARCH FROM sender%d" % rnd.randint(1, 96)]))
            elif kind == "append":
                serial += 1
                lines = c.command(b"APPEND INBOX", message(serial, 3000))
                exists = count_exists(lines) or exists + 1
            elif kind == "expunge":
                # delete the newest message (one this client most likely appended), then EXPUNGE
                c.command(b"STORE %d +FLAGS.SILENT (\\Deleted)" % exists)
                lines = c.command(b"EXPUNGE")
                exists -= sum(1 for l in lines if l.endswith(b"EXPUNGE\r\n"))
            stats.setdefault(kind, []).append((time.monotonic() - t) * 1000)
        c.close()
    except Exception as e:   # a failed client is reported, the others go on
        errors.append("%s: %s" % (user, e))


def count_exists(lines):
    n = 0
    for l in lines:
        parts = l.split()
        if len(parts) >= 3 and parts[2] == b"EXISTS":
            n = int(parts[1])
    return n


def cmd_mix(a):
    threads, results, errors = [], [], []
    deadline = time.monotonic() + a.seconds
    for i in range(a.clients):
        stats = {}
        results.append(stats)
        user = a.login.format(n=(i % a.users) + 1)
        t = threading.Thread(target=mix_client, args=(a.host, a.port, user, deadline, stats, errors, i + 1), daemon=True)
        threads.append(t); t.start()
    start = time.monotonic()
    for t in threads:
        t.join()
    elapsed = max(a.seconds, time.monotonic() - start)
    merged = {}
    for s in results:
        for k, v in s.items():
            merged.setdefault(k, []).extend(v)
    total = sum(len(v) for v in merged.values())
    out = {"clients": a.clients, "seconds": round(elapsed, 1), "ops": total, "ops_per_s": round(total / elapsed, 1),
           "errors": len(errors), "p50_ms": {}, "p99_ms": {}}
    print(f"mix: {a.clients} clients, {elapsed:.0f} s, {total} operations, {total / elapsed:.1f} ops/s, {len(errors)} errors")
    for k, _ in MIX:
        v = merged.get(k, [])
        out["p50_ms"][k] = round(pct(v, 50), 1); out["p99_ms"][k] = round(pct(v, 99), 1)
        print(f"  {k:15s} {len(v):7d} ops  p50 {pct(v, 50):8.1f} ms  p99 {pct(v, 99):8.1f} ms")
    for e in errors[:5]:
        print("  error:", e)
    print("RESULT " + json.dumps(out))


# ---- fill / maildir ------------------------------------------------------------------------------

def cmd_fill(a):
    """APPENDs over --clients connections; with LITERAL+ each keeps up to --window APPENDs in flight
    (pipelined, RFC 7888), so the client's round trips do not limit the rate."""
    per = (a.count + a.clients - 1) // a.clients
    errors = []

    def worker(k):
        try:
            c = Imap(a.host, a.port, timeout=600)
            c.login(a.user)
            todo = list(range(k * per, min(a.count, (k + 1) * per)))
            if "LITERAL+" not in c.caps or a.window <= 1:
                for i in todo:
                    c.command(b"APPEND INBOX (\\Seen)" if i % 3 == 0 else b"APPEND INBOX", message(a.start + i))
            else:
                in_flight, sent = 0, 0
                while sent < len(todo) or in_flight:
                    while sent < len(todo) and in_flight < a.window:
                        i = todo[sent]; sent += 1; in_flight += 1
                        body = message(a.start + i)
                        cmd = b"APPEND INBOX (\\Seen)" if i % 3 == 0 else b"APPEND INBOX"
                        c.send(b"f%d " % i + cmd + b" {%d+}\r\n" % len(body) + body + b"\r\n")
                    line = c.read_response_line()
                    if line.startswith(b"f"):
                        in_flight -= 1
                        if b" OK" not in line[:16]:
                            raise RuntimeError("APPEND failed: %r" % line[:120])
            c.close()
        except Exception as e:
            errors.append(str(e))

    t0 = time.monotonic()
    ts = [threading.Thread(target=worker, args=(k,)) for k in range(a.clients)]
    for t in ts: t.start()
    for t in ts: t.join()
    el = time.monotonic() - t0
    print(f"appended {a.count} messages in {el:.0f} s ({a.count / el:.0f}/s), {len(errors)} errors {errors[:2]}")
    print("RESULT " + json.dumps({"appended": a.count, "seconds": round(el, 1), "errors": len(errors)}))


def cmd_maildir(a):
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(a.dir, sub), exist_ok=True)
    now = int(time.time())
    for i in range(a.count):
        m = message(a.start + i)
        flags = "S" if i % 3 == 0 else ""
        with open(os.path.join(a.dir, "cur", f"{now}.M{i}P1.bench,S={len(m)}:2,{flags}"), "wb") as f:
            f.write(m)
    print(f"wrote {a.count} messages to {a.dir}")


# ---- big -------------------------------------------------------------------------------------------

def cmd_big(a):
    c = Imap(a.host, a.port, timeout=600)
    c.login(a.user)
    t = time.monotonic(); exists = count_exists(c.command(b"SELECT INBOX")); first_select = (time.monotonic() - t) * 1000
    rnd = random.Random(7)
    ops = {
        "select": lambda i: c.command(b"SELECT INBOX"),
        "uid_fetch_flags": lambda i: c.command(b"UID FETCH 1:* (FLAGS)"),
        "uid_search_header": lambda i: c.command(b'UID SEARCH HEADER Message-ID "<bench-%d@load.test>"' % rnd.randint(0, exists - 1)),
        "uid_search_subject": lambda i: c.command(b'UID SEARCH SUBJECT "bench message %d"' % rnd.randint(0, exists - 1)),
        "uid_search_body": lambda i: c.command(b"UID SEARCH BODY needle%d" % rnd.randint(0, exists - 1)),
    }
    out = {"messages": exists, "first_select_ms": round(first_select)}
    print(f"{exists} messages; first SELECT {first_select:.0f} ms")
    for name, op in ops.items():
        op(-1)   # warm-up (caches, JIT)
        times = []
        for i in range(a.runs):
            t = time.monotonic(); r = op(i); times.append((time.monotonic() - t) * 1000)
            if name == "uid_fetch_flags" and len(r) < exists:
                print(f"  warning: fetched {len(r)} of {exists}")
            if name.startswith("uid_search") and not search_uids(r):
                print(f"  warning: {name} found nothing")
        out[name + "_median_ms"] = round(statistics.median(times), 1)
        print(f"  {name:20s} median {statistics.median(times):8.1f} ms (min {min(times):.1f}, max {max(times):.1f}, {a.runs} runs)")
    c.close()
    print("RESULT " + json.dumps(out))


# ---- idle --------------------------------------------------------------------------------------------

def cmd_idle(a):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = a.conns + 256
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard), hard))
    sel = selectors.DefaultSelector()
    state = {}
    steps = [b"LOGIN", b"SELECT", b"IDLE"]
    t0 = time.monotonic()
    opened = idle = failed = 0
    pending = 0

    def start(i):
        s = socket.socket(); s.setblocking(False)
        s.connect_ex((a.host, a.port))
        st = {"i": i, "buf": b"", "step": -1, "sock": s}
        state[s.fileno()] = st
        sel.register(s, selectors.EVENT_READ, st)

    def advance(st):
        st["step"] += 1
        user = a.login.format(n=(st["i"] % a.users) + 1)
        if st["step"] == 0:
            st["sock"].sendall(b'a LOGIN "%s" "%s"\r\n' % (user.encode(), PASSWORD.encode()))
        elif st["step"] == 1:
            st["sock"].sendall(b"b SELECT INBOX\r\n")
        elif st["step"] == 2:
            st["sock"].sendall(b"c IDLE\r\n")

    next_i = 0
    deadline = time.monotonic() + a.timeout
    while (idle + failed) < a.conns and time.monotonic() < deadline:
        while next_i < a.conns and pending < a.ramp:
            start(next_i); next_i += 1; pending += 1; opened += 1
        for key, _ in sel.select(timeout=1):
            st = key.data
            try:
                data = st["sock"].recv(65536)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                data = b""
            if not data:
                sel.unregister(st["sock"]); st["sock"].close(); failed += 1; pending -= 1
                continue
            st["buf"] += data
            while b"\r\n" in st["buf"]:
                line, st["buf"] = st["buf"].split(b"\r\n", 1)
                if st["step"] == -1 and line.startswith(b"* OK"):
                    advance(st)
                elif st["step"] in (0, 1) and line[:2] in (b"a ", b"b "):
                    if b" OK" not in line[:5]:
                        sel.unregister(st["sock"]); st["sock"].close(); failed += 1; pending -= 1; break
                    advance(st)
                elif st["step"] == 2 and line.startswith(b"+"):
                    st["step"] = 3; idle += 1; pending -= 1
                    sel.unregister(st["sock"])
    ramp_s = time.monotonic() - t0
    print(f"{idle} of {a.conns} connections idle after {ramp_s:.1f} s ({failed} failed)", flush=True)
    if a.ready_file:
        with open(a.ready_file, "w") as f:
            f.write(str(idle))
    time.sleep(a.hold)
    for st in state.values():
        try:
            st["sock"].close()
        except OSError:
            pass
    print("RESULT " + json.dumps({"conns": a.conns, "idle": idle, "failed": failed, "ramp_s": round(ramp_s, 1)}))


# ---- notify ------------------------------------------------------------------------------------------

def cmd_notify(a):
    c = Imap(a.host, a.port)
    c.login(a.user)
    c.command(b"SELECT INBOX")
    c.send(b"i IDLE\r\n")
    if not c.f.readline().startswith(b"+"):
        raise SystemExit("no IDLE continuation")
    if a.smtp:
        smtp = smtplib.SMTP("127.0.0.1", a.smtp, timeout=60)
        smtp.ehlo("load.test")
        send = lambda body: smtp.sendmail("load@load.test", [a.user], body)
    else:
        # the store's delivery path without SMTP: another session APPENDs (append, commit, event)
        other = Imap(a.host, a.port)
        other.login(a.user)
        send = lambda body: other.command(b"APPEND INBOX", body)
    lat, after = [], []   # from the send; from the send's completion (APPEND's tagged OK, SMTP 250 to DATA)
    c.sock.settimeout(30)
    for i in range(a.count):
        body = message(10_000_000 + i, 1024)
        t = time.monotonic()
        send(body)
        sent = time.monotonic()
        while True:
            line = c.f.readline()
            if not line:
                raise SystemExit("connection closed")
            if line.endswith(b"EXISTS\r\n"):
                now = time.monotonic()
                lat.append((now - t) * 1000); after.append((now - sent) * 1000)
                break
        time.sleep(a.gap)
    if a.smtp:
        smtp.quit()
    else:
        other.close()
    c.send(b"DONE\r\n")
    c.close()
    out = {"count": len(lat), "p50_ms": round(pct(lat, 50), 1), "p99_ms": round(pct(lat, 99), 1), "max_ms": round(max(lat), 1),
           "after_commit_p50_ms": round(pct(after, 50), 1), "after_commit_p99_ms": round(pct(after, 99), 1)}
    print(f"delivery to IDLE: {len(lat)} messages, p50 {out['p50_ms']} ms, p99 {out['p99_ms']} ms, max {out['max_ms']} ms "
          "(from the %s to the EXISTS line); after the send completed: p50 %s ms, p99 %s ms"
          % ("SMTP send" if a.smtp else "APPEND by another session", out["after_commit_p50_ms"], out["after_commit_p99_ms"]))
    print("RESULT " + json.dumps(out))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="mode", required=True)
    login = "user{n}@" + DOMAIN
    m = sub.add_parser("mix"); m.add_argument("host"); m.add_argument("port", type=int)
    m.add_argument("--users", type=int, default=50); m.add_argument("--clients", type=int, default=20)
    m.add_argument("--seconds", type=int, default=60); m.add_argument("--login", default=login)
    f = sub.add_parser("fill"); f.add_argument("host"); f.add_argument("port", type=int); f.add_argument("--user", required=True)
    f.add_argument("--count", type=int, required=True); f.add_argument("--clients", type=int, default=4)
    f.add_argument("--start", type=int, default=0); f.add_argument("--window", type=int, default=1)
    d = sub.add_parser("maildir"); d.add_argument("dir"); d.add_argument("--count", type=int, required=True)
    d.add_argument("--start", type=int, default=0)
    b = sub.add_parser("big"); b.add_argument("host"); b.add_argument("port", type=int); b.add_argument("--user", required=True)
    b.add_argument("--runs", type=int, default=5)
    i = sub.add_parser("idle"); i.add_argument("host"); i.add_argument("port", type=int)
    i.add_argument("--users", type=int, default=50); i.add_argument("--conns", type=int, default=10000)
    i.add_argument("--hold", type=float, default=20); i.add_argument("--ramp", type=int, default=200)
    i.add_argument("--timeout", type=float, default=600); i.add_argument("--login", default=login)
    i.add_argument("--ready-file")
    n = sub.add_parser("notify"); n.add_argument("host"); n.add_argument("port", type=int)
    n.add_argument("--smtp", type=int, default=0, help="SMTP port; 0: deliver by APPEND from a second session"); n.add_argument("--user", required=True)
    n.add_argument("--count", type=int, default=200); n.add_argument("--gap", type=float, default=0.02)
    a = p.parse_args()
    {"mix": cmd_mix, "fill": cmd_fill, "maildir": cmd_maildir, "big": cmd_big, "idle": cmd_idle, "notify": cmd_notify}[a.mode](a)


if __name__ == "__main__":
    main()
