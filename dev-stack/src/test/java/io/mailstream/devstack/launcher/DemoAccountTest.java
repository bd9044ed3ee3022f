package io.mailstream.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class DemoAccountTest {

    private HttpServer server;
    private final AtomicReference<String> request = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsTheDemoUserWithTheAdminToken() throws Exception {
        String url = storeAnswering(201);

        assertThat(DemoAccount.ensure(url, "tok")).isEqualTo(DemoAccount.Outcome.CREATED);
        assertThat(request.get()).isEqualTo("POST /admin/v1/users Bearer tok "
                + "{\"username\":\"demo@localhost\",\"password\":\"demo\",\"quotaBytes\":1073741824}");
    }

    @Test
    void conflictMeansTheAccountIsAlreadyThere() throws Exception {
        assertThat(DemoAccount.ensure(storeAnswering(409), "tok")).isEqualTo(DemoAccount.Outcome.ALREADY_EXISTS);
    }

    @Test
    void notFoundMeansTheStoreHasNoAdminApiYet() throws Exception {
        assertThat(DemoAccount.ensure(storeAnswering(404), "tok")).isEqualTo(DemoAccount.Outcome.API_NOT_AVAILABLE);
    }

    @Test
    void anyOtherAnswerIsAnErrorThatSaysWhat() throws Exception {
        String url = storeAnswering(401);
        assertThatThrownBy(() -> DemoAccount.ensure(url, "bad"))
                .hasMessageContaining("HTTP 401").hasMessageContaining("nope");
    }

    private String storeAnswering(int status) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            request.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            byte[] answer = "nope".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
