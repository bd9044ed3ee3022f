package io.mailstream.imap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-way synchronisation with the Maildir sync clients people run: mbsync (isync) and
 * offlineimap. Each test pulls every folder, changes things on both sides (flags, a new local
 * message, a new local folder, a server-side flag and expunge) and syncs again; the server and
 * the Maildir must then agree. Skipped, with the reason, when the client is not installed
 * ({@code scripts/install-test-clients.sh} installs them).
 */
class SyncClientsTest {
    private static final String SEEDED = "From: Alice <alice@example.org>\r\nSubject: seeded %d\r\n"
            + "Message-ID: <seeded%d@example.org>\r\n\r\nbody %d\r\n";
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
    void mbsyncSyncsBothWays(@TempDir Path dir) throws Exception {
        assumeTrue(available("mbsync", "--version"), "mbsync (isync) is not installed");
        UserRef u = seededUser();
        Path rc = dir.resolve("mbsyncrc");
        Files.writeString(rc, String.join("\n",
                "IMAPAccount test", "Host 127.0.0.1", "Port " + server.port(), "User " + u.username(), "Pass secret",
                "SSLType None", "AuthMechs LOGIN", "",
                "IMAPStore remote", "Account test", "",
                "MaildirStore local", "Path " + dir.resolve("mail") + "/", "Inbox " + dir.resolve("mail/INBOX"),
                "SubFolders Verbatim", "",
                "Channel sync", "Far :remote:", "Near :local:", "Patterns *", "Create Both", "Expunge Both",
                "SyncState *", ""));
        Files.createDirectories(dir.resolve("mail"));
        List<String> mbsync = List.of("mbsync", "-c", rc.toString(), "-a");
        run(mbsync, dir);
        Path mail = dir.resolve("mail");
        assertThat(messages(mail.resolve("INBOX"))).hasSize(2);
        assertThat(messages(mail.resolve("Projects/Alpha"))).hasSize(1);

        changeBothSides(u, mail.resolve("INBOX"), mail.resolve("Offline"));
        run(mbsync, dir);
        assertAgreed(u, mail.resolve("INBOX"));
    }

    @Test
    void offlineimapSyncsBothWays(@TempDir Path dir) throws Exception {
        assumeTrue(available("offlineimap", "--version"), "offlineimap is not installed");
        UserRef u = seededUser();
        Path rc = dir.resolve("offlineimaprc");
        Files.writeString(rc, String.join("\n",
                "[general]", "accounts = test", "metadata = " + dir.resolve("meta"), "",
                "[Account test]", "localrepository = local", "remoterepository = remote", "",
                "[Repository local]", "type = Maildir", "localfolders = " + dir.resolve("mail"), "",
                "[Repository remote]", "type = IMAP", "remotehost = 127.0.0.1", "remoteport = " + server.port(),
                "remoteuser = " + u.username(), "remotepass = secret", "ssl = no", "starttls = no", ""));
        List<String> offlineimap = List.of("offlineimap", "-c", rc.toString(), "-o", "-u", "basic");
        run(offlineimap, dir);
        Path mail = dir.resolve("mail");
        assertThat(messages(mail.resolve("INBOX"))).hasSize(2);
        assertThat(messages(mail.resolve("Projects.Alpha"))).hasSize(1);

        changeBothSides(u, mail.resolve("INBOX"), mail.resolve("Offline"));
        run(offlineimap, dir);
        assertAgreed(u, mail.resolve("INBOX"));
    }

    private static UserRef seededUser() {
        UserRef u = server.newUser();
        server.append(u, "INBOX", SEEDED.formatted(1, 1, 1), "\\Seen");
        server.append(u, "INBOX", SEEDED.formatted(2, 2, 2));
        server.store().createMailbox(u.userId(), "Projects/Alpha", Set.of()).await().indefinitely();
        server.append(u, "Projects/Alpha", SEEDED.formatted(3, 3, 3));
        return u;
    }

    /**
     * Offline: flag the seeded message 2 and write a new message and a new folder locally.
     * Meanwhile on the server (another device): answer message 1 and expunge Projects/Alpha's one.
     */
    private static void changeBothSides(UserRef u, Path inbox, Path newFolder) throws IOException {
        Path second = messages(inbox).stream().filter(p -> read(p).contains("seeded 2")).findFirst().orElseThrow();
        Files.move(second, inbox.resolve("cur").resolve(second.getFileName().toString().replaceAll(":2,.*$", "")
                + ":2,F"));
        Files.writeString(inbox.resolve("new").resolve("1795700000.written-offline.host"),
                "From: me@example.org\r\nSubject: written offline\r\n\r\nnew\r\n");
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(newFolder.resolve(sub));
        }
        Files.writeString(newFolder.resolve("new").resolve("1795700001.in-new-folder.host"),
                "From: me@example.org\r\nSubject: in a new folder\r\n\r\nnew\r\n");

        MailboxSnapshot s = server.store().select(u.userId(), "INBOX", false).await().indefinitely();
        server.store().storeFlags(u.userId(), s.mailbox().mailboxId(), UidSet.of(1), FlagOperation.ADD,
                Set.of("\\Answered"), null).await().indefinitely();
        MailboxSnapshot alpha = server.store().select(u.userId(), "Projects/Alpha", false).await().indefinitely();
        server.store().storeFlags(u.userId(), alpha.mailbox().mailboxId(), UidSet.of(1), FlagOperation.ADD,
                Set.of("\\Deleted"), null).await().indefinitely();
        server.store().expunge(u.userId(), alpha.mailbox().mailboxId(), UidSet.of(1)).await().indefinitely();
    }

    private static void assertAgreed(UserRef u, Path inbox) throws IOException {
        MailboxSnapshot s = server.store().select(u.userId(), "INBOX", false).await().indefinitely();
        assertThat(s.messages()).hasSize(3);
        assertThat(subject(u, s, s.messages().get(0))).isEqualTo("seeded 1");
        assertThat(s.messages().get(0).flags()).contains("\\Seen", "\\Answered");
        assertThat(subject(u, s, s.messages().get(1))).isEqualTo("seeded 2");
        assertThat(s.messages().get(1).flags()).contains("\\Flagged");
        assertThat(subject(u, s, s.messages().get(2))).isEqualTo("written offline");
        MailboxSnapshot created = server.store().select(u.userId(), "Offline", false).await().indefinitely();
        assertThat(created.messages()).hasSize(1);
        assertThat(server.store().select(u.userId(), "Projects/Alpha", false).await().indefinitely().messages())
                .isEmpty();

        Path first = messages(inbox).stream().filter(p -> read(p).contains("seeded 1")).findFirst().orElseThrow();
        assertThat(first.getFileName().toString()).matches(".*:2,[A-Z]*R[A-Z]*S.*");
    }

    private static String subject(UserRef u, MailboxSnapshot s, MessageFlags m) {
        var body = server.store().fetchSection(u.userId(), s.mailbox().mailboxId(), new SectionRequest(m.uid(),
                new SectionSpec(List.of(), SectionSpec.Text.HEADER_FIELDS, List.of("Subject")), false, 0, -1))
                .await().indefinitely();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.content().subscribe().asStream().forEach(out::writeBytes);
        return out.toString(StandardCharsets.UTF_8).replace("Subject:", "").trim();
    }

    private static List<Path> messages(Path maildir) throws IOException {
        try (Stream<Path> files = Stream.concat(list(maildir.resolve("cur")), list(maildir.resolve("new")))) {
            return files.collect(Collectors.toList());
        }
    }

    private static Stream<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toList()).stream();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs a client with its output in a file, killed after two minutes. */
    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve(Path.of(command.get(0)).getFileName() + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " timed out:\n" + Files.readString(log));
        }
        assertThat(p.exitValue()).as(command.get(0) + " output:\n" + Files.readString(log)).isZero();
    }
}
