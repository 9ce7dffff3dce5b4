#!/usr/bin/env python3
"""Fills a Maildir with N distinct ~10 KB messages (every third one \\Seen), fast, for the peer's
large-mailbox measurement: maildir-fill.py MAILDIR N"""
import os, sys, time

maildir, n = sys.argv[1], int(sys.argv[2])
for sub in ("cur", "new", "tmp"):
    os.makedirs(os.path.join(maildir, sub), exist_ok=True)
line = "x" * 76 + "\r\n"
body = line * 130
now = int(time.time())
for i in range(n):
    msg = (f"From: load@load.test\r\nTo: user@bench.test\r\nSubject: bench {i}\r\n"
           f"Message-ID: <fill-{i}@load.test>\r\n\r\n" + body).encode()
    flags = "S" if i % 3 == 0 else ""
    with open(os.path.join(maildir, "cur", f"{now}.M{i}P1.bench,S={len(msg)}:2,{flags}"), "wb") as f:
        f.write(msg)
print(f"wrote {n} messages to {maildir}")
