package io.mailstream.lmtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end with a real client: Python's smtplib.LMTP (skipped where python3 is missing). */
class PythonLmtpClientTest extends LmtpServerTestBase {
    static final String MSG = "From: Ann <ann@example.org>\r\nTo: demo@localhost\r\nSubject: from python\r\n\r\n"
            + "Hello.\r\n.A line with a leading dot.\r\n..two dots\r\n";

    @TempDir
    Path dir;

    @BeforeEach
    void python() {
        ExternalClients.assumeInstalled("python3", "--version");
    }

    @Test
    void sendmailToTwoRecipientsOneUnknown() throws Exception {
        JsonNode out = deliver("demo@localhost,nobody@localhost", false);
        assertThat(out.at("/lhlo").asText()).contains("PIPELINING").contains("ENHANCEDSTATUSCODES");
        assertThat(out.at("/refused/nobody@localhost/0").asInt()).isEqualTo(550);
        assertThat(out.at("/refused/nobody@localhost/1").asText()).contains("5.1.1");
        assertThat(out.at("/quit/0").asInt()).isEqualTo(221);
        assertThat(messages(demo, "INBOX")).hasSize(1);
        assertThat(withoutTrace(messages(demo, "INBOX").get(0))).isEqualTo(MSG);
    }

    @Test
    void oneReplyPerAcceptedRecipientAfterTheData() throws Exception {
        JsonNode out = deliver("demo@localhost,nobody@localhost,bob@example.org", true);
        assertThat(out.at("/rcpt/nobody@localhost/0").asInt()).isEqualTo(550);
        List<String> replies = new ArrayList<>();
        out.at("/data").forEach(r -> replies.add(r.get(0).asInt() + " " + r.get(1).asText()));
        assertThat(replies).containsExactly("250 2.0.0 <demo@localhost> Saved", "250 2.0.0 <bob@example.org> Saved");
        // The QUIT reply is 221: no per-recipient reply was left unread.
        assertThat(out.at("/quit/0").asInt()).isEqualTo(221);
        assertThat(withoutTrace(messages(bob, "INBOX").get(0))).isEqualTo(MSG);
    }

    @Test
    void startTlsWithPython() throws Exception {
        Path[] pem = TestCertificates.selfSigned(dir);
        restart(b -> b.tls(pem[0].toString(), pem[1].toString()));
        JsonNode out = deliver("demo@localhost", false, "--starttls");
        assertThat(out.at("/starttls/0").asInt()).isEqualTo(220);
        assertThat(out.at("/lhlo").asText()).contains("STARTTLS");
        assertThat(out.at("/lhlo_after_tls").asText()).doesNotContain("STARTTLS");
        assertThat(messages(demo, "INBOX").get(0)).contains("with LMTPS id");
    }

    private JsonNode deliver(String rcpts, boolean raw, String... flags) throws Exception {
        Path msg = dir.resolve("message.eml");
        Files.writeString(msg, MSG);
        List<String> cmd = new ArrayList<>(List.of("python3", ExternalClients.resource("lmtp_client.py").toString(),
                "127.0.0.1", Integer.toString(server.port()), "ann@example.org", rcpts, msg.toString()));
        if (raw) {
            cmd.add("--raw");
        }
        cmd.addAll(List.of(flags));
        String output = ExternalClients.run(cmd);
        String last = output.strip().substring(output.strip().lastIndexOf('\n') + 1);
        assertThat(last).as("client output: %s", output).startsWith("{");
        return new ObjectMapper().readTree(last);
    }
}
