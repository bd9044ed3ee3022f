#!/usr/bin/env python3
"""Delivers a message over LMTP with Python's smtplib.LMTP, as an MTA would, and prints what
happened as JSON. Used by the end-to-end tests of lmtp-service.

  lmtp_client.py HOST PORT SENDER RCPT[,RCPT...] MESSAGE_FILE [--raw] [--starttls]

Default mode uses sendmail() (one reply after the data: right when one recipient is accepted).
--raw drives MAIL/RCPT/DATA itself and reads one reply per accepted recipient (RFC 2033 4.2),
which smtplib does not do on its own.
"""
import json
import smtplib
import ssl
import sys


def main():
    host, port, sender, rcpts, path = sys.argv[1:6]
    flags = set(sys.argv[6:])
    rcpts = rcpts.split(",")
    with open(path, "rb") as f:
        message = f.read()
    out = {}
    client = smtplib.LMTP(host, int(port))
    client.ehlo("client.test")  # LMTP.ehlo_msg is "lhlo"
    out["lhlo"] = client.ehlo_resp.decode()
    if "--starttls" in flags:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        out["starttls"] = list(reply(client.starttls(context=context)))
        client.ehlo("client.test")
        out["lhlo_after_tls"] = client.ehlo_resp.decode()
    if "--raw" in flags:
        out["mail"] = reply(client.mail(sender))
        accepted = []
        out["rcpt"] = {}
        for r in rcpts:
            code, text = reply(client.rcpt(r))
            out["rcpt"][r] = [code, text]
            if code == 250:
                accepted.append(r)
        replies = [reply(client.data(message))]
        for _ in accepted[1:]:
            replies.append(reply(client.getreply()))
        out["data"] = replies
    else:
        refused = client.sendmail(sender, rcpts, message)
        out["refused"] = {k: reply(v) for k, v in refused.items()}
    out["quit"] = reply(client.quit())
    print(json.dumps(out))


def reply(pair):
    code, text = pair
    return [code, text.decode() if isinstance(text, bytes) else text]


if __name__ == "__main__":
    main()
