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
        try (Pop3Client c = Pop3Client.connect(service.server().port())) {
            c.expect("+OK Mailstream POP3 server ready\r\n");
            Pop3Fixture.login(c, "app", "pw", 1, msg.length());
            c.send("RETR 1\r\n").expect("+OK " + msg.length() + " octets\r\n" + msg + ".\r\n");
            c.send("STLS\r\n").expect("-ERR STLS not valid in TRANSACTION state\r\n");
            c.send("QUIT\r\n").expect("+OK Mailstream POP3 server signing off (1 message left)\r\n");
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("pop3_commands_total{command=\"RETR\",status=\"ok\"}"))
                .body(containsString("pop3_connections_active"))
                .body(containsString("pop3_logins_total"));
    }

    @Test
    void readyWhenTheStoreAnswers() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'pop3' }.data.store", equalTo("reachable"));
    }
}
