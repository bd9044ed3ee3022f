"""COMPRESS=DEFLATE (RFC 4978) with Python's imaplib and zlib against a running Mailstream IMAP server.

imaplib has no COMPRESS support of its own: after the tagged OK this script wraps the socket
I/O in raw deflate (wbits -15, no zlib header), SYNC_FLUSH after every write.
Usage: imaplib_compress.py HOST PORT USER PASSWORD
Exits 0 and prints ALL OK when every step behaved as expected.
"""
import imaplib
import sys
import zlib

host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
imaplib.Commands["COMPRESS"] = ("AUTH", "SELECTED")


class DeflateIMAP4(imaplib.IMAP4):
    compressing = False

    def start_compression(self):
        self.compressing = True
        self.deflater = zlib.compressobj(6, zlib.DEFLATED, -15)
        self.inflater = zlib.decompressobj(-15)
        self.pending = b""

    def send(self, data):
        if self.compressing:
            data = self.deflater.compress(data) + self.deflater.flush(zlib.Z_SYNC_FLUSH)
        super().send(data)

    def _fill(self):
        while not self.pending:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise imaplib.IMAP4.abort("connection closed")
            self.pending += self.inflater.decompress(chunk)

    def read(self, size):
        if not self.compressing:
            return super().read(size)
        out = b""
        while len(out) < size:
            self._fill()
            take = self.pending[: size - len(out)]
            self.pending = self.pending[len(take):]
            out += take
        return out

    def readline(self):
        if not self.compressing:
            return super().readline()
        out = b""
        while not out.endswith(b"\n"):
            self._fill()
            i = self.pending.find(b"\n")
            if i < 0:
                out += self.pending
                self.pending = b""
            else:
                out += self.pending[: i + 1]
                self.pending = self.pending[i + 1:]
        return out


def check(cond, what):
    if not cond:
        print("FAILED: " + what)
        sys.exit(1)


imap = DeflateIMAP4(host, port)
check(b"COMPRESS=DEFLATE" in b" ".join(c.encode() for c in imap.capabilities), "capability advertised")
typ, _ = imap.login(user, password)
check(typ == "OK", "login")
typ, data = imap._simple_command("COMPRESS", "DEFLATE")
check(typ == "OK", "COMPRESS DEFLATE: %r" % (data,))
imap.start_compression()
body = b"Subject: zipped\r\n\r\n" + b"all work and no play makes jack a dull boy\r\n" * 2000
typ, data = imap.append("INBOX", None, None, body)
check(typ == "OK", "APPEND compressed: %r" % (data,))
typ, data = imap.select("INBOX")
check(typ == "OK" and data[0] == b"1", "SELECT: %r" % (data,))
typ, data = imap.fetch("1", "(BODY.PEEK[])")
check(typ == "OK" and data[0][1] == body, "FETCH body back through deflate")
try:
    imap._simple_command("COMPRESS", "DEFLATE")
    check(False, "second COMPRESS refused")
except imaplib.IMAP4.error as e:
    check("COMPRESSIONACTIVE" in str(e), "second COMPRESS: BAD [COMPRESSIONACTIVE]: %s" % e)
typ, _ = imap.logout()
check(typ == "BYE", "logout")
print("ALL OK")
