package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailstream.pop3.testing.ExternalClients;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.store.api.UserRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * getmail6 (Debian package {@code getmail6}) as a real client into a Maildir: keep mode with
 * "only new" (read_all = false, UIDL-based), then delete. Skipped where getmail is not installed.
 */
class GetmailTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needGetmail() {
        assumeTrue(ExternalClients.available("getmail", "--version"),
                "getmail not installed (apt-get install getmail6)");
    }

    private List<String> getmail(Pop3Fixture pop3, boolean delete) throws Exception {
        Path maildir = tmp.resolve("Maildir");
        for (String d : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(maildir.resolve(d));
        }
        try (Stream<Path> old = Files.list(maildir.resolve("new"))) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        Path rc = tmp.resolve("getmailrc");
        Files.writeString(rc, "[retriever]\ntype = SimplePOP3Retriever\nserver = 127.0.0.1\nport = " + pop3.port()
                + "\nusername = alice\npassword = s3cret\n\n[destination]\ntype = Maildir\npath = " + maildir
                + "/\n\n[options]\nread_all = false\ndelete = " + delete
                + "\ndelivered_to = false\nreceived = false\nverbose = 0\n");
        List<String> cmd = new ArrayList<>(List.of("getmail", "--rcfile=" + rc, "--getmaildir=" + tmp));
        if ("root".equals(System.getProperty("user.name"))) {
            // getmail refuses to deliver as root (as CI runs): run it as nobody, in a directory it may write.
            for (Path p : List.of(tmp, maildir, maildir.resolve("cur"), maildir.resolve("new"), maildir.resolve("tmp"))) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            Files.setPosixFilePermissions(rc, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            cmd.addAll(0, List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        ExternalClients.run(cmd, tmp);
        List<String> got = new ArrayList<>();
        try (Stream<Path> files = Files.list(maildir.resolve("new"))) {
            for (Path f : files.sorted().toList()) {
                // getmail's Maildir delivery always prepends the envelope sender as Return-Path.
                got.add(Files.readString(f, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                        .replaceFirst("^Return-Path: <[^>]*>\n", ""));
            }
        }
        return got;
    }

    @Test
    void onlyNewMessagesThenDelete() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start()) {
            UserRef alice = pop3.user("alice", "s3cret");
            pop3.append(alice, FetchmailTest.message(1));
            pop3.append(alice, FetchmailTest.message(2));
            assertThat(getmail(pop3, false)).containsExactlyInAnyOrder(lf(FetchmailTest.message(1)),
                    lf(FetchmailTest.message(2)));
            assertThat(getmail(pop3, false)).as("nothing new").isEmpty();
            pop3.append(alice, FetchmailTest.message(3));
            assertThat(getmail(pop3, true)).containsExactly(lf(FetchmailTest.message(3)));
            // delete = true: getmail deletes what it retrieves and also the messages it had seen
            // before, so QUIT leaves the maildrop empty.
            assertThat(pop3.store.status(alice.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).messages())
                    .isZero();
        }
    }

    private static String lf(String crlf) {
        return crlf.replace("\r\n", "\n");
    }
}
