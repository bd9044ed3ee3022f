package io.mailstream.lmtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** End to end with swaks (Debian package {@code swaks}); skipped where it is not installed. */
class SwaksTest extends LmtpServerTestBase {

    @Test
    void swaksDeliversToTwoRecipientsOneUnknown() throws Exception {
        ExternalClients.assumeInstalled("swaks", "--version");
        String out = ExternalClients.run(List.of("swaks", "--protocol", "LMTP", "--server", "127.0.0.1",
                "--port", Integer.toString(server.port()), "--from", "ann@example.org",
                "--to", "demo@localhost,nobody@localhost", "--header", "Subject: from swaks",
                "--body", "Hello from swaks."));
        assertThat(out).contains("550 5.1.1 <nobody@localhost> User doesn't exist");
        assertThat(out).contains("250 2.0.0 <demo@localhost> Saved");
        assertThat(messages(demo, "INBOX")).hasSize(1);
        assertThat(messages(demo, "INBOX").get(0)).contains("Subject: from swaks").contains("Hello from swaks.");
    }
}
