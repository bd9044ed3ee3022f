package io.mailstream.pop3.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.testkit.InMemoryMailStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The application as deployed: CDI wiring, config, health and metrics, over the in-memory store. */
@QuarkusTest
class Pop3AppTest {
    @Inject
    Pop3Service service;
    @Inject
    MailStore store;
    @Inject
    InMemoryMailStore memory;

    @Test
    void servesPop3WithTheConfiguredStore() throws Exception {
        assertThat(store).isSameAs(memory);
        var user = memory.addUser("app", "pw");
        String msg = "Subject: app\r\n\r\nhello\r\n";
        memory.append(user.userId(), "INBOX", Set.of(), null, msg.getBytes()).await().atMost(Pop3Fixture.WAIT);
        assertThat(service.server().tlsPort()).as("no certificate configured: no POP3S").isEqualTo(-1);
        String retrs = "mailstream_pop3_command_duration_seconds_count{command=\"RETR\"}";
        double before = value(metrics(), retrs);
        try (Pop3Client c = Pop3Client.connect(service.server().port())) {
            c.expect("+OK Mailstream POP3 server ready\r\n");
            Pop3Fixture.login(c, "app", "pw", 1, msg.length());
            c.send("RETR 1\r\n").expect("+OK " + msg.length() + " octets\r\n" + msg + ".\r\n");
            String during = metrics();
            assertThat(value(during, "mailstream_pop3_sessions{state=\"transaction\"}")).isGreaterThanOrEqualTo(1);
            assertThat(value(during, retrs) - before).isEqualTo(1);
            assertThat(during).contains("mailstream_pop3_command_duration_seconds_bucket{command=\"RETR\",le=\"0.001\"}",
                    "mailstream_pop3_sessions{state=\"authorization\"}");
            c.send("STLS\r\n").expect("-ERR STLS not valid in TRANSACTION state\r\n");
            c.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (1 message left)\r\n");
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mailstream_pop3_commands_total{command=\"RETR\",status=\"ok\"}"))
                .body(containsString("mailstream_pop3_connections "))
                .body(containsString("mailstream_pop3_logins_total"));
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series in Prometheus text format, 0 when absent. */
    static double value(String text, String series) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(series)
                + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void readyWhenTheStoreAnswers() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'pop3' }.data.store", equalTo("reachable"));
    }
}
