package io.mailstream.platform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running platform driven by real clients over TCP: python's imaplib, poplib and
 * smtplib.LMTP, and scripted IMAP sessions on two imap-service instances. Each test uses its
 * own account so the tests do not see each other's mail.
 */
class PlatformEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningPlatform platform;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.start(2);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void imaplibDoesWhatAMailClientDoes() throws IOException {
        Python.assumeAvailable();
        platform.createUser("imaplib@localhost", "pw-imaplib");
        JsonNode r = JSON.readTree(Python.run(work, "imap_session.py", "127.0.0.1",
                String.valueOf(platform.imapPort(1)), "imaplib@localhost", "pw-imaplib"));
        assertThat(r.get("login").asText()).isEqualTo("OK");
        assertThat(r.get("capability").toString()).contains("IMAP4REV1", "IMAP4REV2", "IDLE", "MOVE", "UIDPLUS");
        assertThat(r.get("list").toString()).contains("INBOX", "\\\\Sent", "Drafts");
        assertThat(r.get("list_after_rename").toString()).contains("Projects/Archive-2026");
        assertThat(r.get("append").asText()).isEqualTo("OK");
        assertThat(r.get("appenduid").asText()).contains("APPENDUID");
        assertThat(r.get("select").get(1).asInt()).isEqualTo(2);
        assertThat(r.get("body_matches").asBoolean()).isTrue();
        assertThat(r.get("part1").asText()).isEqualTo("Hello, the report is attached.");
        assertThat(r.get("part2_mime").asText()).contains("Content-Transfer-Encoding: base64");
        assertThat(r.get("partial").asText()).isEqualTo("From");
        // Type names keep the message's spelling; IMAP compares them case-insensitively.
        assertThat(r.get("structure").asText()).containsIgnoringCase("\"mixed\" (\"boundary\" \"b1\")")
                .contains("\"Quarterly report\"", "\\Flagged");
        assertThat(r.get("search_subject").asText()).isEqualTo("1");
        assertThat(r.get("search_flagged").asText()).isEqualTo("1");
        assertThat(r.get("store").asText()).contains("\\Seen");
        assertThat(r.get("copy").asText()).isEqualTo("OK");
        assertThat(r.get("move").asText()).isEqualTo("OK");
        assertThat(r.get("after_move").asText()).isEqualTo("1");
        assertThat(r.get("expunge").toString()).contains("1");
        assertThat(r.get("status").asText()).contains("MESSAGES 1");
        assertThat(r.get("delete").asText()).isEqualTo("OK");
    }

    @Test
    void poplibDownloadsByteExactCopiesAndItsDeletionsReachImap() throws IOException {
        Python.assumeAvailable();
        platform.createUser("pop@localhost", "pw-pop");
        byte[] first = "From: a@example.org\r\nSubject: one\r\n\r\nfirst\r\n.dot line\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "From: b@example.org\r\nSubject: two\r\n\r\nsecond\r\n".getBytes(StandardCharsets.US_ASCII);
        try (LineClient imap = login(platform.imapPort(1), "pop@localhost", "pw-pop")) {
            append(imap, first);
            append(imap, second);
            imap.command("s", "SELECT INBOX");
            imap.send("i IDLE");
            imap.readUntil("+ ", Duration.ofSeconds(10));

            JsonNode r = JSON.readTree(Python.run(work, "pop3_download.py", "127.0.0.1",
                    String.valueOf(platform.pop3Port()), "pop@localhost", "pw-pop", work.toString(), "delete"));
            assertThat(r.get("stat").get(0).asInt()).isEqualTo(2);
            assertThat(r.get("capa").toString()).contains("UIDL", "TOP", "SASL");
            assertThat(Files.readAllBytes(work.resolve("1.eml"))).isEqualTo(first);
            assertThat(Files.readAllBytes(work.resolve("2.eml"))).isEqualTo(second);

            // RFC 1939 6: the deletions happen at QUIT and reach the idling IMAP session.
            List<String> seen = imap.readUntil("* 1 EXPUNGE", Duration.ofSeconds(20));
            assertThat(seen).anyMatch(l -> l.equals("* 1 EXPUNGE"));
            imap.send("DONE");
            imap.readUntil("i OK", Duration.ofSeconds(10));
            assertThat(imap.command("n", "NOOP")).noneMatch(l -> l.matches("\\* \\d+ EXISTS") && !l.equals("* 0 EXISTS"));
        }
    }

    @Test
    void lmtpDeliversToKnownRecipientsAndRefusesUnknownOnes() throws IOException {
        Python.assumeAvailable();
        platform.createUser("rcpt@localhost", "pw-rcpt");
        try (LineClient imap = login(platform.imapPort(2), "rcpt@localhost", "pw-rcpt")) {
            imap.command("s", "SELECT INBOX");
            imap.send("i IDLE");
            imap.readUntil("+ ", Duration.ofSeconds(10));
            JsonNode r = JSON.readTree(Python.run(work, "lmtp_deliver.py", "127.0.0.1",
                    String.valueOf(platform.lmtpPort()), "sender@example.org", "rcpt@localhost",
                    "nobody@localhost"));
            assertThat(r.get("refused").toString()).contains("nobody@localhost", "550");
            assertThat(imap.readUntil("* 1 EXISTS", Duration.ofSeconds(20))).isNotEmpty();
            imap.send("DONE");
            imap.readUntil("i OK", Duration.ofSeconds(10));
            List<String> body = imap.command("f", "FETCH 1 BODY.PEEK[]");
            assertThat(String.join("\n", body)).contains("Delivered-To: rcpt@localhost", "Return-Path: <sender@example.org>",
                    "Subject: delivered over LMTP", ".leading dot line");
        }
        // The same delivery, downloaded over POP3: byte for byte what IMAP serves as BODY[].
        JsonNode pop = JSON.readTree(Python.run(work, "pop3_download.py", "127.0.0.1",
                String.valueOf(platform.pop3Port()), "rcpt@localhost", "pw-rcpt", work.toString()));
        assertThat(pop.get("stat").get(0).asInt()).isEqualTo(1);
        assertThat(Files.readString(work.resolve("1.eml"), StandardCharsets.UTF_8))
                .contains("Delivered-To: rcpt@localhost", "Subject: delivered over LMTP", "\r\n.leading dot line\r\n");
    }

    @Test
    void aFlagChangeOnOneInstanceIsPushedToAnIdleSessionOnTheOther() {
        platform.createUser("push@localhost", "pw-push");
        try (LineClient one = login(platform.imapPort(1), "push@localhost", "pw-push");
                LineClient two = login(platform.imapPort(2), "push@localhost", "pw-push")) {
            append(one, "From: p@example.org\r\nSubject: push\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
            two.command("s", "SELECT INBOX");
            two.send("i IDLE");
            two.readUntil("+ ", Duration.ofSeconds(10));
            one.command("s", "SELECT INBOX");
            one.command("f", "STORE 1 +FLAGS (\\Flagged)");
            List<String> pushed = two.readUntil("* 1 FETCH", Duration.ofSeconds(20));
            assertThat(pushed.get(pushed.size() - 1)).contains("\\Flagged");
            append(one, "From: p@example.org\r\nSubject: push 2\r\n\r\ny\r\n".getBytes(StandardCharsets.US_ASCII));
            two.readUntil("* 2 EXISTS", Duration.ofSeconds(20));
            one.command("d", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            one.command("e", "EXPUNGE");
            two.readUntil("* 1 EXPUNGE", Duration.ofSeconds(20));
            two.send("DONE");
            two.readUntil("i OK", Duration.ofSeconds(10));
            assertThat(two.command("u", "UID FETCH 1:* (FLAGS)")).filteredOn(l -> l.startsWith("* "))
                    .hasSize(1).allMatch(l -> l.startsWith("* 1 FETCH") && l.contains("UID 2"));
        }
    }

    private static LineClient login(int port, String user, String password) {
        LineClient c = new LineClient(port);
        assertThat(c.readLine()).startsWith("* OK");
        assertThat(c.command("l", "LOGIN " + user + " " + password)).last().asString().startsWith("l OK");
        return c;
    }

    private static void append(LineClient c, byte[] message) {
        c.send("a APPEND INBOX {" + message.length + "}");
        c.readUntil("+", Duration.ofSeconds(10));
        c.send(new String(message, StandardCharsets.US_ASCII)); // the literal, then CRLF ends the command
        assertThat(c.readUntil("a ", Duration.ofSeconds(30))).last().asString().startsWith("a OK");
    }
}
