package io.mailstream.lmtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end with swaks (Debian package {@code swaks}); skipped where it is not installed. */
class SwaksTest extends LmtpServerTestBase {
    @TempDir
    Path dir;

    @BeforeEach
    void swaks() {
        ExternalClients.assumeInstalled("swaks", "--version");
    }

    @Test
    void swaksDeliversToTwoRecipientsOneUnknown() throws Exception {
        String out = swaks("demo@localhost,nobody@localhost");
        assertThat(out).contains("550 5.1.1 <nobody@localhost> User doesn't exist");
        assertThat(out).contains("250 2.0.0 <demo@localhost> Saved");
        assertThat(messages(demo, "INBOX")).hasSize(1);
        assertThat(messages(demo, "INBOX").get(0)).contains("Subject: from swaks").contains("Hello from swaks.");
    }

    @Test
    void swaksWithStartTlsAndPipelining() throws Exception {
        Path[] pem = TestCertificates.selfSigned(dir);
        restart(b -> b.tls(pem[0].toString(), pem[1].toString()));
        String out = swaks("demo@localhost,bob@example.org", "--tls", "--pipeline");
        assertThat(out).contains("220 2.0.0 Ready to start TLS");
        assertThat(out).contains("250 2.0.0 <demo@localhost> Saved").contains("250 2.0.0 <bob@example.org> Saved");
        assertThat(messages(bob, "INBOX").get(0)).contains(" with LMTPS id ").contains("Hello from swaks.");
    }

    private String swaks(String to, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("swaks", "--protocol", "LMTP", "--server", "127.0.0.1",
                "--port", Integer.toString(server.port()), "--from", "ann@example.org", "--to", to,
                "--header", "Subject: from swaks", "--body", "Hello from swaks."));
        cmd.addAll(List.of(extra));
        return ExternalClients.run(cmd);
    }
}
