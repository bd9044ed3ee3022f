package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailstream.pop3.testing.ExternalClients;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.store.api.UserRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetchmail (Debian package {@code fetchmail}) as a real client: keep mode with UIDL-based
 * "only new", then delete mode. Skipped where fetchmail is not installed.
 */
class FetchmailTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needFetchmail() {
        assumeTrue(ExternalClients.available("fetchmail", "--version"),
                "fetchmail not installed (apt-get install fetchmail)");
    }

    static String message(int n) {
        return "From: sender@example.org\r\nTo: alice@example.org\r\nSubject: fetchmail " + n
                + "\r\nMessage-ID: <f" + n + "@example.org>\r\n\r\nbody " + n + "\r\n.leading dot\r\n..two\r\n";
    }

    /** Runs fetchmail once; returns its exit code (0: mail fetched, 1: no new mail). */
    private int fetchmail(Pop3Fixture pop3, Path out, boolean keep) throws Exception {
        Files.createDirectories(out);
        Path rc = tmp.resolve(keep ? "keep.rc" : "delete.rc");
        // set invisible: no Received header; stripcr: the MDA gets LF line ends; sslproto '': plaintext on loopback.
        Files.writeString(rc, "set no syslog\nset no bouncemail\nset invisible\n"
                // uidl is a server option: it must come before the user options (fetchmail rc grammar).
                + "poll 127.0.0.1 proto pop3 service " + pop3.port() + " auth password" + (keep ? " uidl" : "") + "\n"
                + "  user \"alice\" there with password \"s3cret\"\n"
                + "  options " + (keep ? "keep" : "nokeep fetchall") + " norewrite stripcr sslproto ''\n"
                + "  mda \"/bin/sh -c 'cat > " + out + "/msg-$$.eml'\"\n");
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        ProcessBuilder pb = new ProcessBuilder("fetchmail", "-N", "-f", rc.toString(), "--idfile",
                tmp.resolve("fetchids").toString()).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().put("FETCHMAILHOME", tmp.toString());
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isIn(0, 1);
        return p.exitValue();
    }

    private static List<String> delivered(Path out) throws Exception {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.sorted().toList()) {
                all.add(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        return all;
    }

    @Test
    void keepWithUidlFetchesOnlyNewThenDeleteEmptiesTheMaildrop() throws Exception {
        try (Pop3Fixture pop3 = Pop3Fixture.start()) {
            UserRef alice = pop3.user("alice", "s3cret");
            for (int n = 1; n <= 3; n++) {
                pop3.append(alice, message(n));
            }
            Path first = tmp.resolve("first");
            assertThat(fetchmail(pop3, first, true)).isZero();
            assertThat(delivered(first)).containsExactlyInAnyOrder(lf(message(1)), lf(message(2)), lf(message(3)));

            Path second = tmp.resolve("second");
            assertThat(fetchmail(pop3, second, true)).as("no new mail").isEqualTo(1);
            assertThat(delivered(second)).isEmpty();

            pop3.append(alice, message(4));
            Path third = tmp.resolve("third");
            assertThat(fetchmail(pop3, third, true)).isZero();
            assertThat(delivered(third)).containsExactly(lf(message(4)));

            Path all = tmp.resolve("delete");
            assertThat(fetchmail(pop3, all, false)).isZero();
            assertThat(delivered(all)).hasSize(4);
            assertThat(pop3.store.status(alice.userId(), "INBOX").await().atMost(Pop3Fixture.WAIT).messages())
                    .isZero();
        }
    }

    private static String lf(String crlf) {
        return crlf.replace("\r\n", "\n");
    }
}
