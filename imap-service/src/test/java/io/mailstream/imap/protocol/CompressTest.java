package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestCerts;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 4978 COMPRESS=DEFLATE over plaintext and over TLS, with the input limits after inflation. */
class CompressTest {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path[] pem = TestCerts.pemPair();
        server = TestServer.start(b -> b.tls(pem[0].toString(), pem[1].toString()).maxLineLength(10_000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String message(int bodyLines) {
        StringBuilder b = new StringBuilder("Subject: compressed\r\n\r\n");
        for (int i = 0; i < bodyLines; i++) {
            b.append("line ").append(i).append(" of a body that compresses well\r\n");
        }
        return b.toString();
    }

    /** Commands and responses after COMPRESS, literals in both directions included. */
    private static void compressedSession(ImapClient c, UserRef u) throws Exception {
        String body = message(5000);
        server.append(u, "INBOX", body);
        // RFC 4978 3: the tagged OK itself is still uncompressed
        Script.run(c, """
                C: a1 COMPRESS DEFLATE
                S: a1 OK DEFLATE active
                """);
        c.startCompression();
        Script.run(c, """
                C: a2 CAPABILITY
                S~ \\* CAPABILITY IMAP4rev1 .* COMPRESS=DEFLATE.*
                S: a2 OK CAPABILITY completed
                C: a3 SELECT INBOX
                S* a3 OK .*
                C: a4 APPEND INBOX {11+}\\r\\nHello world
                S: * 2 EXISTS
                S: * 2 RECENT
                S~ a4 OK \\[APPENDUID \\d+ 2\\] APPEND completed
                C: a5 FETCH 1 (BODY.PEEK[TEXT])
                S: * 1 FETCH (BODY[TEXT] {%d}\\r\\n%s)
                S: a5 OK FETCH completed
                C: a6 COMPRESS DEFLATE
                S: a6 BAD [COMPRESSIONACTIVE] DEFLATE is already active
                C: a7 UID FETCH 2 (BODY.PEEK[])
                S: * 2 FETCH (UID 2 BODY[] {11}\\r\\nHello world)
                S: a7 OK UID FETCH completed
                C: a8 LOGOUT
                S~ \\* BYE .*
                S: a8 OK LOGOUT completed
                """.formatted(body.length() - body.indexOf("\r\n\r\n") - 4,
                body.substring(body.indexOf("\r\n\r\n") + 4).replace("\r\n", "\\r\\n")));
    }

    @Test
    void plaintextConnection() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.login(u)) {
            compressedSession(c, u);
        }
    }

    @Test
    void implicitTlsConnectionCompressesBelowTls() throws Exception {
        UserRef u = server.newUser();
        Socket s = TestCerts.trustAll().getSocketFactory().createSocket("127.0.0.1", server.tlsPort());
        try (ImapClient c = new ImapClient(s)) {
            assertThat(c.read()).contains("COMPRESS=DEFLATE");
            c.ok("a0", "LOGIN " + u.username() + " secret");
            compressedSession(c, u);
        }
    }

    @Test
    void afterStartTls() throws Exception {
        UserRef u = server.newUser();
        ImapClient plain = server.connect();
        plain.ok("a0", "STARTTLS");
        Socket raw = plain.socket();
        javax.net.ssl.SSLSocket ssl = (javax.net.ssl.SSLSocket) TestCerts.trustAll().getSocketFactory()
                .createSocket(raw, "localhost", raw.getPort(), true);
        ssl.startHandshake();
        try (ImapClient c = new ImapClient(ssl)) {
            c.ok("b0", "LOGIN " + u.username() + " secret");
            compressedSession(c, u);
        }
    }

    @Test
    void refusedBeforeLoginOrWithAnotherMechanism() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.connect()) {
            Script.run(c, """
                    C: a1 COMPRESS DEFLATE
                    S: a1 BAD Log in first
                    C: a2 LOGIN %s secret
                    S~ a2 OK .*
                    C: a3 COMPRESS LZW
                    S: a3 BAD Unknown compression mechanism; only DEFLATE is supported
                    C: a4 COMPRESS
                    S~ a4 BAD .*
                    C: a5 NOOP
                    S: a5 OK NOOP completed
                    """.formatted(u.username()));
        }
    }

    /**
     * A decompression bomb: 64 MiB of one line in ~64 KiB of deflate. The line limit applies to
     * the inflated octets (the command is refused, the session goes on), and the server only
     * inflates as fast as the parser consumes.
     */
    @Test
    void inflatedInputStillObeysTheLineLimit() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.login(u)) {
            c.ok("a1", "COMPRESS DEFLATE");
            Socket raw = c.socket();
            c.startCompression();
            Deflater d = new Deflater(9, true);
            OutputStream out = raw.getOutputStream();
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            d.setInput("a2 LIST \"\" ".getBytes(StandardCharsets.US_ASCII));
            drain(d, buf, bomb, Deflater.NO_FLUSH);
            byte[] x = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) {
                d.setInput(x);
                drain(d, buf, bomb, Deflater.NO_FLUSH);
            }
            d.setInput("\r\na3 NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            drain(d, buf, bomb, Deflater.SYNC_FLUSH);
            assertThat(bomb.size()).isLessThan(1024 * 1024);
            out.write(bomb.toByteArray());
            out.flush();
            Script.run(c, """
                    S~ a2 BAD .*
                    S: a3 OK NOOP completed
                    """);
        }
    }

    private static void drain(Deflater d, byte[] buf, ByteArrayOutputStream to, int flush) {
        while (true) {
            int n = d.deflate(buf, 0, buf.length, flush);
            to.write(buf, 0, n);
            if (n < buf.length && d.needsInput()) {
                return;
            }
        }
    }
}
