package io.mailstream.imap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command sequence a Thunderbird-style desktop client sends, with its habits: lower-case
 * command names, ID, NAMESPACE, LIST (SUBSCRIBED) and SPECIAL-USE, UID FETCH 1:* (FLAGS), a
 * header-fields fetch for the message list, BODYSTRUCTURE then MIME parts, IDLE with a second
 * device writing meanwhile, UID STORE, UID MOVE to Trash, STATUS of other folders, APPEND of a
 * draft and LOGOUT. Each answer is checked the way such a client reads it.
 */
class ThunderbirdLikeSessionTest {
    private static final String MESSAGE = "From: Alice <alice@example.org>\r\nTo: demo@example.org\r\n"
            + "Subject: Quarterly report\r\nDate: Thu, 26 Nov 2026 09:00:00 +0000\r\nMessage-ID: <q4@example.org>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"xx\"\r\n\r\n--xx\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nNumbers attached.\r\n--xx\r\n"
            + "Content-Type: text/csv; name=\"q4.csv\"\r\nContent-Disposition: attachment; filename=\"q4.csv\"\r\n\r\n"
            + "a,b\r\n1,2\r\n--xx--\r\n";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void desktopClientSessionFromLoginToLogout() throws Exception {
        UserRef u = server.newUser();
        server.append(u, "INBOX", MESSAGE);
        try (ImapClient tb = ImapClient.connect(server.port()); ImapClient phone = server.login(u)) {
            assertThat(tb.read()).startsWith("* OK");
            assertThat(tb.ok("1", "capability").get(0)).contains("IMAP4rev1", "IDLE", "UIDPLUS", "MOVE",
                    "SPECIAL-USE", "ID", "AUTH=PLAIN");
            String plain = Base64.getEncoder().encodeToString(("\0" + u.username() + "\0secret")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(tb.ok("2", "authenticate PLAIN " + plain).get(0)).startsWith("2 OK");
            assertThat(tb.ok("3", "ID (\"name\" \"Thunderbird\" \"version\" \"128.5.0\")").get(0))
                    .startsWith("* ID (");
            assertThat(tb.ok("4", "namespace").get(0)).isEqualTo("* NAMESPACE ((\"\" \"/\")) NIL NIL");
            tb.ok("5", "subscribe \"INBOX\"");
            assertThat(tb.ok("6", "list (subscribed) \"\" \"*\"")).contains(
                    "* LIST (\\HasNoChildren \\Subscribed) \"/\" INBOX");
            assertThat(tb.ok("7", "list (special-use) \"\" \"*\"")).contains(
                    "* LIST (\\HasNoChildren \\Trash) \"/\" Trash", "* LIST (\\HasNoChildren \\Drafts) \"/\" Drafts");

            List<String> select = tb.ok("8", "select \"INBOX\"");
            assertThat(select).contains("* 1 EXISTS").anyMatch(l -> l.startsWith("* OK [UIDVALIDITY "))
                    .anyMatch(l -> l.startsWith("* OK [UIDNEXT 2]"))
                    .anyMatch(l -> l.startsWith("8 OK [READ-WRITE]"));
            assertThat(tb.ok("9", "UID fetch 1:* (FLAGS)").get(0)).isEqualTo("* 1 FETCH (UID 1 FLAGS (\\Recent))");
            List<String> list = tb.ok("10", "UID fetch 1 (UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS "
                    + "(From To Cc Bcc Subject Date Message-ID Priority X-Priority References Newsgroups "
                    + "In-Reply-To Content-Type Reply-To)])");
            assertThat(list.get(0)).startsWith("* 1 FETCH (UID 1 RFC822.SIZE " + MESSAGE.length() + " FLAGS (\\Recent) ")
                    .contains("Subject: Quarterly report\r\n", "Message-ID: <q4@example.org>\r\n")
                    .doesNotContain("MIME-Version");
            assertThat(tb.ok("11", "UID fetch 1 (UID RFC822.SIZE BODYSTRUCTURE)").get(0))
                    .contains("(\"text\" \"csv\" (\"name\" \"q4.csv\" \"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 8 2 "
                            + "NIL (\"attachment\" (\"filename\" \"q4.csv\")) NIL NIL) \"mixed\"");
            List<String> part = tb.ok("12", "UID fetch 1 (UID RFC822.SIZE BODY.PEEK[1.MIME] BODY.PEEK[1])");
            assertThat(part.get(0)).contains("BODY[1.MIME] {43}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n",
                    "BODY[1] {17}\r\nNumbers attached.");

            // The message list is open; the client idles while the phone reads and files a message.
            tb.send("13 IDLE");
            assertThat(tb.read()).startsWith("+ ");
            phone.ok("p1", "SELECT INBOX");
            phone.ok("p2", "UID STORE 1 +FLAGS (\\Seen)");
            assertThat(tb.read()).startsWith("* 1 FETCH (").endsWith("FLAGS (\\Seen \\Recent))");
            String fromPhone = "Subject: from the phone\r\n\r\nhi\r\n";
            phone.send("p3 APPEND INBOX {" + fromPhone.length() + "+}");
            phone.sendRaw(fromPhone + "\r\n");
            assertThat(phone.readUntilTagged("p3")).last().asString().startsWith("p3 OK");
            assertThat(tb.read()).isEqualTo("* 2 EXISTS");
            tb.send("DONE");
            assertThat(tb.readUntilTagged("13")).last().asString().startsWith("13 OK");

            assertThat(tb.ok("14", "uid store 2 +Flags (\\Seen)").get(0)).startsWith("* 2 FETCH (FLAGS (\\Seen");
            List<String> moved = tb.ok("15", "uid move 1 \"Trash\"");
            assertThat(moved).anyMatch(l -> l.matches("\\* OK \\[COPYUID \\d+ 1 1\\].*")).contains("* 1 EXPUNGE");
            assertThat(tb.ok("16", "STATUS \"Trash\" (UIDNEXT MESSAGES UNSEEN RECENT)").get(0))
                    .isEqualTo("* STATUS Trash (UIDNEXT 2 MESSAGES 1 UNSEEN 0 RECENT 1)");
            String draft = "Subject: draft\r\n\r\nnot yet\r\n";
            tb.send("17 append \"Drafts\" (\\Seen) {" + draft.length() + "}");
            assertThat(tb.read()).startsWith("+ ");
            tb.sendRaw(draft + "\r\n");
            assertThat(tb.readUntilTagged("17")).last().asString().matches("17 OK \\[APPENDUID \\d+ 1\\].*");
            assertThat(tb.ok("18", "noop")).last().asString().startsWith("18 OK");
            assertThat(tb.ok("19", "logout").get(0)).startsWith("* BYE");
        }
    }
}
