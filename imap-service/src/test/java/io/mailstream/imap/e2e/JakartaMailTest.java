package io.mailstream.imap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.TestCerts;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SubjectTerm;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end with a real IMAP client library: Jakarta Mail (Eclipse Angus Mail). */
class JakartaMailTest {
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path[] pem = TestCerts.pemPair();
        server = TestServer.start(b -> b.tls(pem[0].toString(), pem[1].toString()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Store connect(UserRef u, boolean implicitTls) throws Exception {
        Properties p = new Properties();
        String proto = implicitTls ? "imaps" : "imap";
        p.put("mail.store.protocol", proto);
        p.put("mail." + proto + ".host", "127.0.0.1");
        p.put("mail." + proto + ".port", String.valueOf(implicitTls ? server.tlsPort() : server.port()));
        p.put("mail." + proto + ".partialfetch", "true");
        p.put("mail." + proto + ".fetchsize", "64");
        p.put("mail." + proto + ".ssl.trust", "*");
        p.put("mail." + proto + ".ssl.checkserveridentity", "false");
        if (implicitTls) {
            p.put("mail.imaps.ssl.socketFactory", TestCerts.trustAll().getSocketFactory());
        }
        p.put("mail.debug", System.getProperty("e2e.debug", "false"));
        Store store = Session.getInstance(p).getStore(proto);
        store.connect(u.username(), "secret");
        return store;
    }

    private static MimeMessage message(Session session, String subject, String text, byte[] attachment)
            throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("alice@example.com", "Alice"));
        m.setRecipients(Message.RecipientType.TO, "bob@example.com");
        m.setSubject(subject);
        MimeMultipart mp = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "utf-8");
        mp.addBodyPart(body);
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(attachment, "application/octet-stream");
        file.setFileName("data.bin");
        mp.addBodyPart(file);
        m.setContent(mp);
        m.saveChanges();
        return m;
    }

    @Test
    void folderLifecycleAppendFetchSearchFlagCopyMoveExpunge() throws Exception {
        UserRef u = server.newUser();
        Store store = connect(u, false);
        try {
            Folder root = store.getDefaultFolder();
            assertThat(Arrays.stream(root.list("*")).map(Folder::getFullName))
                    .contains("INBOX", "Sent", "Trash", "Drafts");
            Folder alpha = store.getFolder("Projects/Alpha");
            assertThat(alpha.create(Folder.HOLDS_MESSAGES)).isTrue();
            assertThat(alpha.renameTo(store.getFolder("Projects/Beta"))).isTrue();
            assertThat(store.getFolder("Projects/Beta").exists()).isTrue();
            assertThat(store.getFolder("Projects/Alpha").exists()).isFalse();
            assertThat(store.getFolder("Projects/Beta").delete(false)).isTrue();

            Folder inbox = store.getFolder("INBOX");
            Session session = Session.getInstance(new Properties());
            byte[] blob = new byte[5000];
            for (int i = 0; i < blob.length; i++) {
                blob[i] = (byte) i;
            }
            inbox.appendMessages(new Message[] {
                message(session, "Quarterly report", "Numbers inside, größer als erwartet.", blob),
                message(session, "Lunch", "Pizza?", new byte[] {1, 2, 3}),
            });
            inbox.open(Folder.READ_WRITE);
            assertThat(inbox.getMessageCount()).isEqualTo(2);
            Message first = inbox.getMessage(1);
            assertThat(first.getSubject()).isEqualTo("Quarterly report");
            assertThat(((UIDFolder) inbox).getUID(first)).isEqualTo(1L);
            Multipart mp = (Multipart) first.getContent();
            assertThat(mp.getCount()).isEqualTo(2);
            assertThat(mp.getBodyPart(0).getContent()).isEqualTo("Numbers inside, größer als erwartet.");
            BodyPart file = mp.getBodyPart(1);
            assertThat(file.getFileName()).isEqualTo("data.bin");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            file.getInputStream().transferTo(out); // partial fetches of 64 octets
            assertThat(out.toByteArray()).isEqualTo(blob);

            Message[] found = inbox.search(new SubjectTerm("lunch"));
            assertThat(found).hasSize(1);
            assertThat(found[0].getMessageNumber()).isEqualTo(2);
            found[0].setFlag(Flags.Flag.FLAGGED, true);
            assertThat(inbox.search(new FlagTerm(new Flags(Flags.Flag.FLAGGED), true))).hasSize(1);
            assertThat(first.isSet(Flags.Flag.SEEN)).isTrue();

            Folder archive = store.getFolder("Archive");
            inbox.copyMessages(new Message[] {first}, archive);
            assertThat(archive.getMessageCount()).isEqualTo(1);
            Message lunch = inbox.getMessage(2);
            ((IMAPFolder) inbox).moveMessages(new Message[] {lunch}, store.getFolder("Trash"));
            assertThat(lunch.isExpunged()).isTrue(); // from the untagged EXPUNGE of MOVE
            inbox.close(false);
            inbox.open(Folder.READ_WRITE);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(store.getFolder("Trash").getMessageCount()).isEqualTo(1);

            inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
            Message[] expunged = inbox.expunge();
            assertThat(expunged).hasSize(1);
            assertThat(inbox.getMessageCount()).isZero();
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void implicitTlsAndStartTls() throws Exception {
        UserRef u = server.newUser();
        Store tls = connect(u, true);
        assertThat(tls.getFolder("INBOX").exists()).isTrue();
        tls.close();
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(server.port()));
        p.put("mail.imap.starttls.required", "true");
        p.put("mail.imap.ssl.trust", "*");
        p.put("mail.imap.ssl.checkserveridentity", "false");
        p.put("mail.imap.ssl.socketFactory", TestCerts.trustAll().getSocketFactory());
        Store starttls = Session.getInstance(p).getStore("imap");
        starttls.connect(u.username(), "secret");
        assertThat(starttls.getFolder("Sent").exists()).isTrue();
        starttls.close();
    }
}
