#!/usr/bin/env python3
"""Delivers N messages of SIZE bytes over LMTP (RFC 2033) to a peer such as Dovecot, with C
concurrent sessions, one recipient per message, round-robin over `--mailboxes` users, and
prints messages/s. The peer's durable delivery rate, to compare with Tenmail's store benchmark.

  lmtp-load.py 127.0.0.1 10024 -n 2000 -c 4 --mailboxes 100
"""
import argparse, json, socket, threading, time

def message(size, i):
    head = (f"From: load@load.test\r\nTo: user@bench.test\r\nSubject: lmtp load {i}\r\n"
            f"Message-ID: <lmtp-{i}-{time.time_ns()}@load.test>\r\n\r\n")
    line = ("x" * 76 + "\r\n")
    body = line * max(0, (size - len(head)) // len(line))
    return (head + body).encode()

class Session:
    def __init__(self, host, port):
        self.s = socket.create_connection((host, port))
        self.f = self.s.makefile("rb")
        self.reply()
        self.cmd("LHLO load.test")

    def reply(self):
        lines = []
        while True:
            line = self.f.readline().decode()
            if not line:
                raise IOError("connection closed")
            lines.append(line)
            if line[3:4] != "-":
                return lines

    def cmd(self, text, expect="2"):
        self.s.sendall((text + "\r\n").encode())
        r = self.reply()
        if not r[-1].startswith(expect):
            raise IOError(f"{text!r}: {r[-1].strip()}")
        return r

    def deliver(self, rcpt, data):
        self.cmd("MAIL FROM:<load@load.test>")
        self.cmd(f"RCPT TO:<{rcpt}>")
        self.cmd("DATA", "3")
        self.s.sendall(data + b"\r\n.\r\n")
        r = self.reply()
        if not r[-1].startswith("2"):
            raise IOError(r[-1])

    def close(self):
        try:
            self.cmd("QUIT")
        finally:
            self.s.close()

def main():
    p = argparse.ArgumentParser()
    p.add_argument("host"); p.add_argument("port", type=int)
    p.add_argument("-n", "--count", type=int, default=2000)
    p.add_argument("-c", "--concurrency", type=int, default=4)
    p.add_argument("--size", type=int, default=10240)
    p.add_argument("--mailboxes", type=int, default=1)
    p.add_argument("--rcpt", default="user{n}@bench.test")
    a = p.parse_args()
    payloads = [message(a.size, i) for i in range(64)]
    counter = iter(range(a.count)); lock = threading.Lock(); errors = []
    def worker():
        s = Session(a.host, a.port)
        try:
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                s.deliver(a.rcpt.format(n=i % a.mailboxes + 1), payloads[i % len(payloads)])
        except Exception as e:
            errors.append(str(e))
        finally:
            s.close()
    start = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(a.concurrency)]
    for t in threads: t.start()
    for t in threads: t.join()
    secs = time.monotonic() - start
    rate = a.count / secs
    print(f"delivered {a.count} x {a.size} B to {a.mailboxes} mailbox(es), concurrency {a.concurrency}: "
          f"{rate:.0f} msgs/s in {secs:.1f} s, errors {len(errors)}")
    print("RESULT " + json.dumps({"count": a.count, "size": a.size, "mailboxes": a.mailboxes,
                                  "concurrency": a.concurrency, "msgs_per_s": round(rate, 1),
                                  "seconds": round(secs, 2), "errors": len(errors)}))

if __name__ == "__main__":
    main()
