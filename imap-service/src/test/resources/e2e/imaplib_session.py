"""End-to-end IMAP session with Python's imaplib against a running Mailstream IMAP server.

Usage: imaplib_session.py HOST PORT USER PASSWORD
Exits 0 and prints ALL OK when every step behaved as expected.
"""
import imaplib
import sys
import time

host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

MESSAGE = (
    b"From: Alice <alice@example.com>\r\n"
    b"To: bob@example.com\r\n"
    b"Subject: Python report\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="zz"\r\n'
    b"\r\n"
    b"--zz\r\n"
    b"Content-Type: text/plain; charset=us-ascii\r\n"
    b"\r\n"
    b"hello from python\r\n"
    b"--zz\r\n"
    b"Content-Type: text/plain; name=notes.txt\r\n"
    b"\r\n"
    b"second part\r\n"
    b"--zz--\r\n"
)


def ok(result, what):
    typ, data = result
    assert typ == "OK", f"{what}: {typ} {data}"
    return data


m = imaplib.IMAP4(host, port)
ok(m.login(user, password), "login")
assert b"IMAP4rev2" in m.capability()[1][0], "capabilities"

names = b" ".join(ok(m.list(), "list"))
assert b"INBOX" in names and b"Sent" in names, names

ok(m.create("Py/Work"), "create")
ok(m.rename("Py/Work", "Py/Done"), "rename")
listed = b" ".join(ok(m.list('""', "Py/*"), "list Py"))
assert b"Py/Done" in listed and b"Py/Work" not in listed, listed
ok(m.delete("Py/Done"), "delete")
ok(m.subscribe("Sent"), "subscribe")
assert b"Sent" in b" ".join(ok(m.lsub(), "lsub"))

data = ok(m.append("INBOX", r"(\Flagged)", imaplib.Time2Internaldate(time.time()), MESSAGE), "append")
assert b"APPENDUID" in data[0], data
ok(m.append("INBOX", None, None, b"Subject: second\r\n\r\nbody two\r\n"), "append 2")

typ, data = m.select("INBOX")
assert typ == "OK" and data[0] == b"2", data

data = ok(m.fetch("1", "(BODY.PEEK[]<0.6>)"), "partial fetch")
assert data[0][0].endswith(b"BODY[]<0> {6}") and data[0][1] == b"From: ", data
data = ok(m.fetch("1", "(BODY.PEEK[1] BODY.PEEK[2.MIME])"), "MIME parts")
assert data[0][1] == b"hello from python", data
assert data[1][1] == b"Content-Type: text/plain; name=notes.txt\r\n\r\n", data
data = ok(m.fetch("1", "(FLAGS RFC822.SIZE ENVELOPE)"), "metadata")
assert b"\\Flagged" in data[0] and b"RFC822.SIZE %d" % len(MESSAGE) in data[0], data

assert ok(m.search(None, "SUBJECT", '"Python report"'), "search")[0] == b"1"
assert ok(m.search(None, "UNFLAGGED"), "search 2")[0] == b"2"
assert ok(m.uid("SEARCH", "BODY", "two"), "uid search")[0] == b"2"

ok(m.store("2", "+FLAGS", r"(\Seen)"), "store")
assert b"\\Seen" in ok(m.fetch("2", "(FLAGS)"), "flags")[0]

data = ok(m.copy("1", "Archive"), "copy")
typ, resp = m.uid("MOVE", "2", "Trash")
assert typ == "OK", resp
assert m.response("EXPUNGE")[1] == [b"2"], "MOVE announces the moved message's EXPUNGE"
assert ok(m.status("Trash", "(MESSAGES)"), "status")[0] == b'Trash (MESSAGES 1)'
assert ok(m.status("Archive", "(MESSAGES)"), "status")[0] == b'Archive (MESSAGES 1)'

ok(m.store("1", "+FLAGS", r"(\Deleted)"), "delete flag")
expunged = ok(m.expunge(), "expunge")
assert expunged == [b"1"], expunged
assert ok(m.noop(), "noop")
ok(m.close(), "close")
m.logout()
print("ALL OK")
