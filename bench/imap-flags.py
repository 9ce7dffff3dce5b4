#!/usr/bin/env python3
"""Times `UID FETCH 1:* (FLAGS)` on a mailbox over IMAP (after one warm-up SELECT and fetch):
the large-mailbox flag listing of the store benchmark, against any IMAP server.

  imap-flags.py 127.0.0.1 10143 user101@bench.test secret [--runs 7]
"""
import argparse, imaplib, json, statistics, time

p = argparse.ArgumentParser()
p.add_argument("host"); p.add_argument("port", type=int); p.add_argument("user"); p.add_argument("password")
p.add_argument("--runs", type=int, default=7); p.add_argument("--mailbox", default="INBOX")
a = p.parse_args()
imaplib._MAXLINE = 1 << 30
c = imaplib.IMAP4(a.host, a.port)
c.login(a.user, a.password)
start = time.monotonic()
typ, data = c.select(a.mailbox, readonly=True)
select_ms = (time.monotonic() - start) * 1000
count = int(data[0])
c.uid("FETCH", "1:*", "(FLAGS)")   # warm-up
times = []
for _ in range(a.runs):
    start = time.monotonic()
    typ, data = c.uid("FETCH", "1:*", "(FLAGS)")
    times.append((time.monotonic() - start) * 1000)
    if len(data) != count:
        raise SystemExit(f"fetched {len(data)} of {count}")
c.logout()
med = statistics.median(times)
print(f"{count} messages: first SELECT {select_ms:.0f} ms; UID FETCH 1:* (FLAGS) median {med:.0f} ms "
      f"(min {min(times):.0f}, max {max(times):.0f}, {a.runs} runs)")
print("RESULT " + json.dumps({"messages": count, "select_ms": round(select_ms), "fetch_flags_median_ms": round(med)}))
