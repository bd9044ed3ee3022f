#!/usr/bin/env python3
"""Downloads a POP3 maildrop with Python's poplib, as a mail client would.

usage: poplib_fetch.py HOST PORT USER PASSWORD OUTDIR MODE [--delete]
  MODE  plain | stls | tls (implicit TLS); the test certificate is self-signed, so not verified
Writes OUTDIR/<n>.eml for every message (poplib's lines joined with CRLF, as a client stores
them), OUTDIR/top1.eml (TOP 1 0) and OUTDIR/session.txt (CAPA, STAT, LIST, UIDL). With
--delete every message is marked deleted and removed at QUIT.
"""
import os
import poplib
import ssl
import sys

poplib._MAXLINE = 16 * 1024 * 1024  # corpus messages have very long lines

host, port, user, password, outdir, mode = sys.argv[1:7]
delete = "--delete" in sys.argv[7:]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE

if mode == "tls":
    pop = poplib.POP3_SSL(host, int(port), context=context, timeout=60)
else:
    pop = poplib.POP3(host, int(port), timeout=60)
if mode == "stls":
    pop.stls(context=context)

summary = ["CAPA " + " ".join(sorted(pop.capa().keys()))]
pop.user(user)
pop.pass_(password)
count, size = pop.stat()
summary.append("STAT %d %d" % (count, size))
summary.extend(l.decode() for l in pop.list()[1])
summary.extend("UIDL " + l.decode() for l in pop.uidl()[1])
for n in range(1, count + 1):
    lines = pop.retr(n)[1]
    with open(os.path.join(outdir, "%d.eml" % n), "wb") as f:
        f.write(b"\r\n".join(lines) + b"\r\n")
if count:
    with open(os.path.join(outdir, "top1.eml"), "wb") as f:
        f.write(b"\r\n".join(pop.top(1, 0)[1]) + b"\r\n")
if delete:
    for n in range(1, count + 1):
        pop.dele(n)
summary.append("QUIT " + pop.quit().decode())
with open(os.path.join(outdir, "session.txt"), "w") as f:
    f.write("\n".join(summary) + "\n")
