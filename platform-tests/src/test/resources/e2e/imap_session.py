#!/usr/bin/env python3
"""A mail client's session over IMAP with python's imaplib, against a running imap-service.
Usage: imap_session.py HOST PORT USER PASSWORD. Prints one JSON object of what it saw."""
import imaplib, json, sys, re

host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
out = {}
m = imaplib.IMAP4(host, port)
out["capability"] = list(m.capabilities)
out["login"] = m.login(user, password)[0]
typ, data = m.list()
out["list"] = [d.decode() for d in data]
out["create"] = m.create("Projects/2026")[0]
out["rename"] = m.rename("Projects/2026", "Projects/Archive-2026")[0]
typ, data = m.list('""', "Projects*")
out["list_after_rename"] = [d.decode() for d in data]

message = (b"From: Ann Example <ann@example.org>\r\n"
           b"To: demo@localhost\r\n"
           b"Subject: Quarterly report\r\n"
           b"Message-ID: <q1@example.org>\r\n"
           b"MIME-Version: 1.0\r\n"
           b"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
           b"--b1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nHello, the report is attached.\r\n"
           b"--b1\r\nContent-Type: application/octet-stream; name=\"r.bin\"\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\nAAECAwQFBgcICQ==\r\n--b1--\r\n")
typ, data = m.append("INBOX", "(\\Flagged)", None, message)
out["append"] = typ
out["appenduid"] = data[0].decode()
m.append("INBOX", None, None, b"From: bob@example.org\r\nSubject: second\r\n\r\nsecond body\r\n")
typ, data = m.select("INBOX")
out["select"] = [typ, int(data[0])]
typ, data = m.fetch("1", "(BODY.PEEK[] RFC822.SIZE)")
out["body_matches"] = data[0][1] == message
typ, data = m.fetch("1", "(BODY.PEEK[1])")
out["part1"] = data[0][1].decode()
typ, data = m.fetch("1", "(BODY.PEEK[2.MIME])")
out["part2_mime"] = data[0][1].decode()
typ, data = m.fetch("1", "(BODY.PEEK[]<0.4>)")
out["partial"] = data[0][1].decode()
typ, data = m.fetch("1", "(BODYSTRUCTURE ENVELOPE FLAGS)")
out["structure"] = data[0].decode() if isinstance(data[0], bytes) else data[0][0].decode()
typ, data = m.search(None, "SUBJECT", "quarterly")
out["search_subject"] = data[0].decode()
typ, data = m.search(None, "FLAGGED")
out["search_flagged"] = data[0].decode()
typ, data = m.store("2", "+FLAGS", "(\\Seen)")
out["store"] = data[0].decode()
typ, data = m.copy("1", "Projects/Archive-2026")
out["copy"] = typ
typ, data = m._simple_command("MOVE", "2", "Archive")
out["move"] = typ
typ, data = m.search(None, "ALL")
out["after_move"] = data[0].decode()
m.store("1", "+FLAGS", "(\\Deleted)")
typ, data = m.expunge()
out["expunge"] = [d.decode() if d else None for d in data]
typ, data = m.status("Projects/Archive-2026", "(MESSAGES UIDNEXT)")
out["status"] = data[0].decode()
out["delete"] = m.delete("Projects/Archive-2026")[0]
out["logout"] = m.logout()[0]
print(json.dumps(out))
