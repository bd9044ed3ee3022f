package io.mailstream.lmtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS (RFC 3207) when a certificate is configured. */
class LmtpStartTlsTest extends LmtpServerTestBase {
    @TempDir
    Path dir;

    @Test
    void startTlsUpgradesAndTheSessionStartsOver() throws Exception {
        Path[] pem = TestCertificates.selfSigned(dir);
        restart(b -> b.tls(pem[0].toString(), pem[1].toString()));
        try (LmtpTestClient c = connect()) {
            c.reply();
            assertThat(c.command("LHLO client.test")).endsWith("250 STARTTLS");
            // Pipelined plaintext after STARTTLS must be dropped (RFC 3207 4.2, CVE-2011-0411 class).
            c.send("MAIL FROM:<a@x.org>\r\nSTARTTLS\r\nRCPT TO:<demo@localhost>\r\n");
            assertThat(c.replies(2)).containsExactly("250 2.1.0 Sender <a@x.org> OK", "220 2.0.0 Ready to start TLS");
            SSLSocket tls = (SSLSocket) TestCertificates.trustAll().getSocketFactory()
                    .createSocket(c.socket(), "localhost", server.port(), true);
            tls.startHandshake();
            c.use(tls);
            // The transaction begun before TLS is forgotten: MAIL first again.
            assertThat(c.command("RCPT TO:<demo@localhost>")).startsWith("503 5.5.1");
            assertThat(c.command("LHLO client.test")).doesNotContain("STARTTLS");
            assertThat(c.command("STARTTLS")).startsWith("503 5.5.1");
            c.send("MAIL FROM:<a@x.org>\r\nRCPT TO:<demo@localhost>\r\nDATA\r\n");
            c.replies(3);
            c.send(dotStuffed("Subject: secret\r\n\r\nover TLS\r\n"));
            assertThat(c.reply()).startsWith("250 2.0.0");
        }
        assertThat(messages(demo, "INBOX").get(0)).contains(" with LMTPS id ");
    }

    @Test
    void withoutACertificateStartTlsIsNotOffered() throws Exception {
        try (LmtpTestClient c = greeted()) {
            assertThat(c.command("LHLO x")).doesNotContain("STARTTLS");
            assertThat(c.command("STARTTLS")).isEqualTo("502 5.5.1 STARTTLS not available");
            assertThat(c.command("NOOP")).isEqualTo("250 2.0.0 OK");
        }
    }
}
