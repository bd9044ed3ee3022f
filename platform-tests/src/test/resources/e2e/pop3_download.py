#!/usr/bin/env python3
"""Downloads the maildrop with python's poplib: UIDL, RETR every message, then optionally
DELE all and QUIT. Usage: pop3_download.py HOST PORT USER PASSWORD OUTDIR [delete]."""
import poplib, json, sys, os

host, port, user, password, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
delete = len(sys.argv) > 6 and sys.argv[6] == "delete"
p = poplib.POP3(host, port)
out = {"capa": {k: v for k, v in p.capa().items()}}
p.user(user)
out["pass"] = p.pass_(password).decode()
count, size = p.stat()
out["stat"] = [count, size]
out["uidl"] = [u.decode() for u in p.uidl()[1]]
for i in range(1, count + 1):
    resp, lines, octets = p.retr(i)
    # poplib strips CRLF and un-stuffs dots; rebuild the exact message bytes.
    data = b"\r\n".join(lines) + b"\r\n"
    with open(os.path.join(outdir, "%d.eml" % i), "wb") as f:
        f.write(data)
    if delete:
        p.dele(i)
out["quit"] = p.quit().decode()
print(json.dumps(out))
