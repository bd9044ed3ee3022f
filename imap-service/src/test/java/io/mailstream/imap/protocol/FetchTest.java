package io.mailstream.imap.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 9051 6.4.5 FETCH: every data item, partial fetches, MIME parts, BINARY (RFC 3516), \Seen. */
class FetchTest {
    static final String MSG = "From: Alice <alice@example.com>\r\nTo: bob@example.com\r\nSubject: Report\r\n"
            + "Date: Fri, 1 Mar 2024 10:00:00 +0000\r\nMessage-ID: <m1@example.com>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Hello Bob\r\n--b1\r\nContent-Type: application/octet-stream; name=\"data.bin\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\nAAECAwQ=\r\n--b1--\r\n";
    static final String ENVELOPE = "(\"Fri, 1 Mar 2024 10:00:00 +0000\" \"Report\" ((\"Alice\" NIL \"alice\" \"example.com\"))"
            + " ((\"Alice\" NIL \"alice\" \"example.com\")) ((\"Alice\" NIL \"alice\" \"example.com\"))"
            + " ((NIL NIL \"bob\" \"example.com\")) NIL NIL NIL \"<m1@example.com>\")";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ImapClient selected(UserRef u) throws Exception {
        ImapClient c = server.login(u);
        c.ok("s1", "SELECT INBOX");
        return c;
    }

    @Test
    void metadataItemsAndMacros() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", MSG);
        try (ImapClient c = selected(u)) {
            Script.run(c, """
                    C: a1 FETCH 1 (UID FLAGS INTERNALDATE RFC822.SIZE)
                    S: * 1 FETCH (UID 1 FLAGS (\\Recent) INTERNALDATE " 1-Mar-2024 10:15:30 +0000" RFC822.SIZE 384)
                    S: a1 OK FETCH completed
                    C: a2 FETCH 1 ENVELOPE
                    S: * 1 FETCH (ENVELOPE %1$s)
                    S: a2 OK FETCH completed
                    C: a3 FETCH 1 BODYSTRUCTURE
                    S: * 1 FETCH (BODYSTRUCTURE (("text" "plain" ("charset" "utf-8") NIL NIL "7BIT" 9 1 NIL NIL NIL NIL)("application" "octet-stream" ("name" "data.bin") NIL NIL "base64" 8 NIL NIL NIL NIL) "mixed" ("boundary" "b1") NIL NIL NIL))
                    S: a3 OK FETCH completed
                    C: a4 FETCH 1 BODY
                    S: * 1 FETCH (BODY (("text" "plain" ("charset" "utf-8") NIL NIL "7BIT" 9 1)("application" "octet-stream" ("name" "data.bin") NIL NIL "base64" 8) "mixed"))
                    S: a4 OK FETCH completed
                    C: a5 FETCH 1 FAST
                    S: * 1 FETCH (FLAGS (\\Recent) INTERNALDATE " 1-Mar-2024 10:15:30 +0000" RFC822.SIZE 384)
                    S: a5 OK FETCH completed
                    C: a6 FETCH 1 ALL
                    S: * 1 FETCH (FLAGS (\\Recent) INTERNALDATE " 1-Mar-2024 10:15:30 +0000" RFC822.SIZE 384 ENVELOPE %1$s)
                    S: a6 OK FETCH completed
                    C: a7 FETCH 1 FULL
                    S~ \\* 1 FETCH \\(FLAGS \\(\\\\Recent\\) INTERNALDATE .* RFC822.SIZE 384 ENVELOPE .* BODY \\(\\(.*\\) "mixed"\\)\\)
                    S: a7 OK FETCH completed
                    C: a8 UID FETCH 1 RFC822.SIZE
                    S: * 1 FETCH (UID 1 RFC822.SIZE 384)
                    S: a8 OK UID FETCH completed
                    C: a9 FETCH 2 FLAGS
                    S: a9 BAD message sequence number beyond the last message (1)
                    C: b1 UID FETCH 2:5 FLAGS
                    S: b1 OK UID FETCH completed
                    C: b2 FETCH 1 (FLAGS
                    S~ b2 BAD .*
                    """.formatted(ENVELOPE));
        }
    }

    @Test
    void sectionsPartialsAndBinary() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", MSG);
        try (ImapClient c = selected(u)) {
            Script.run(c, """
                    C: a1 FETCH 1 (BODY.PEEK[1] BODY.PEEK[2] BODY.PEEK[1.MIME])
                    S: * 1 FETCH (BODY[1] {9}\\r\\nHello Bob BODY[2] {8}\\r\\nAAECAwQ= BODY[1.MIME] {43}\\r\\nContent-Type: text/plain; charset=utf-8\\r\\n\\r\\n)
                    S: a1 OK FETCH completed
                    C: a2 FETCH 1 (BODY.PEEK[HEADER.FIELDS (Subject)] BODY.PEEK[HEADER.FIELDS.NOT (From To Date Message-ID MIME-Version Content-Type)])
                    S: * 1 FETCH (BODY[HEADER.FIELDS (Subject)] {19}\\r\\nSubject: Report\\r\\n\\r\\n BODY[HEADER.FIELDS.NOT (From To Date Message-ID MIME-Version Content-Type)] {19}\\r\\nSubject: Report\\r\\n\\r\\n)
                    S: a2 OK FETCH completed
                    C: a3 FETCH 1 (BODY.PEEK[]<0.4> BODY.PEEK[TEXT]<2.2> BODY.PEEK[]<1000.10>)
                    S: * 1 FETCH (BODY[]<0> {4}\\r\\nFrom BODY[TEXT]<2> {2}\\r\\nb1 BODY[]<1000> {0}\\r\\n)
                    S: a3 OK FETCH completed
                    C: a4 FETCH 1 (BINARY.PEEK[2] BINARY.SIZE[2] BINARY.PEEK[1] BINARY.PEEK[2]<1.2>)
                    S: * 1 FETCH (BINARY[2] ~{5}\\r\\n\0\1\2\3\4 BINARY.SIZE[2] 5 BINARY[1] {9}\\r\\nHello Bob BINARY[2]<1> {2}\\r\\n\1\2)
                    S: a4 OK FETCH completed
                    C: a5 FETCH 1 (FLAGS RFC822.HEADER)
                    S~ \\* 1 FETCH \\(FLAGS \\(\\\\Recent\\) RFC822.HEADER \\{206\\}\\r\\nFrom: Alice.*\\r\\n\\r\\n\\)
                    S: a5 OK FETCH completed
                    # BODY[...] without .PEEK sets \\Seen and reports the new FLAGS (RFC 9051 6.4.5)
                    C: a6 FETCH 1 BODY[1]
                    S: * 1 FETCH (BODY[1] {9}\\r\\nHello Bob FLAGS (\\Seen \\Recent))
                    S: a6 OK FETCH completed
                    C: a7 FETCH 1 BODY[1]
                    S: * 1 FETCH (BODY[1] {9}\\r\\nHello Bob)
                    S: a7 OK FETCH completed
                    C: a8 FETCH 1 (RFC822.TEXT)
                    S~ \\* 1 FETCH \\(RFC822.TEXT \\{178\\}\\r\\n--b1\\r\\n.*--b1--\\r\\n\\)
                    S: a8 OK FETCH completed
                    """);
        }
    }

    @Test
    void rfc822SetsSeenAndExamineDoesNot() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", "Subject: x\r\n\r\nbody\r\n");
        server.append(u, "INBOX", "Subject: y\r\n\r\nbody\r\n");
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 EXAMINE INBOX
                    S* a1 OK .*
                    C: a2 FETCH 1 (RFC822)
                    S: * 1 FETCH (RFC822 {20}\\r\\nSubject: x\\r\\n\\r\\nbody\\r\\n)
                    S: a2 OK FETCH completed
                    C: a3 SELECT INBOX
                    S* a3 OK .*
                    C: a4 FETCH 1:2 FLAGS
                    S: * 1 FETCH (FLAGS (\\Recent))
                    S: * 2 FETCH (FLAGS (\\Recent))
                    S: a4 OK FETCH completed
                    C: a5 UID FETCH 2 RFC822
                    S: * 2 FETCH (UID 2 RFC822 {20}\\r\\nSubject: y\\r\\n\\r\\nbody\\r\\n FLAGS (\\Seen \\Recent))
                    S: a5 OK UID FETCH completed
                    """);
        }
    }

    @Test
    void largeMessageIsStreamedCompletely() throws Exception {
        UserRef u = server.newUser();
        StringBuilder body = new StringBuilder("Subject: big\r\n\r\n");
        while (body.length() < 3_000_000) {
            body.append("0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\r\n");
        }
        server.append(u, "INBOX", body.toString());
        try (ImapClient c = selected(u)) {
            List<String> r = c.command("a1", "FETCH 1 BODY.PEEK[]");
            assertThat(r).hasSize(2);
            assertThat(r.get(0)).isEqualTo("* 1 FETCH (BODY[] {" + body.length() + "}\r\n" + body + ")");
            assertThat(r.get(1)).isEqualTo("a1 OK FETCH completed");
        }
    }

    @Test
    void wholeCorpusFetchesBackByteForByte() throws Exception {
        Path dir = Path.of("..", "..", "shared", "testdata", "mime").toAbsolutePath().normalize() /* shared/ beside the repository, module dir as cwd */;
        Assumptions.assumeTrue(Files.isDirectory(dir), "MIME corpus not present");
        UserRef u = server.newUser();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        for (Path f : files) {
            server.store().append(u.userId(), "INBOX", Set.of(), Instant.EPOCH, Files.readAllBytes(f))
                    .await().indefinitely();
        }
        try (ImapClient c = selected(u)) {
            for (int i = 1; i <= files.size(); i++) {
                byte[] raw = Files.readAllBytes(files.get(i - 1));
                List<String> r = c.command("f" + i, "FETCH " + i + " (BODYSTRUCTURE ENVELOPE BODY.PEEK[])");
                assertThat(r.get(r.size() - 1)).as(files.get(i - 1).toString()).isEqualTo("f" + i + " OK FETCH completed");
                String literal = "BODY[] {" + raw.length + "}\r\n";
                assertThat(r.get(0)).as(files.get(i - 1).toString()).contains(literal)
                        .endsWith(new String(raw, StandardCharsets.UTF_8) + ")");
            }
        }
    }
}
