#!/usr/bin/env python3
"""Delivers one message over LMTP with python's smtplib.LMTP to several recipients.
Usage: lmtp_deliver.py HOST PORT FROM RCPT [RCPT...]. Prints the refused recipients as JSON."""
import smtplib, json, sys

host, port, sender, rcpts = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
msg = (b"From: " + sender.encode() + b"\r\nTo: " + b", ".join(r.encode() for r in rcpts)
       + b"\r\nSubject: delivered over LMTP\r\nMessage-ID: <lmtp-e2e@example.org>\r\n\r\n"
       + b"Hello over LMTP.\r\n.leading dot line\r\n")
s = smtplib.LMTP(host, port)
try:
    refused = s.sendmail(sender, rcpts, msg)
    out = {"refused": {k: [v[0], v[1].decode()] for k, v in refused.items()}}
except smtplib.SMTPRecipientsRefused as e:
    out = {"all_refused": {k: [v[0], v[1].decode()] for k, v in e.recipients.items()}}
s.quit()
print(json.dumps(out))
