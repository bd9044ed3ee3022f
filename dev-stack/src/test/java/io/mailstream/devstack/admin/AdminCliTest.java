package io.mailstream.devstack.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin CLI against a stand-in admin API that records what it was asked. */
class AdminCliTest {
    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private int status = 201;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/v1/users", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            byte[] answer = status == 204 ? new byte[0] : "{\"username\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int run(String... args) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        List<String> all = new ArrayList<>(List.of("--url", url, "--token", "tok"));
        all.addAll(List.of(args));
        return new AdminCli(new PrintStream(out, true), new PrintStream(err, true)).run(all.toArray(String[]::new));
    }

    @Test
    void addsAUserWithQuotaAsJson() {
        assertThat(run("user", "add", "ann@example.org", "pa\"ss", "1000")).isZero();
        assertThat(requests).containsExactly(
                "POST /admin/v1/users Bearer tok {\"username\":\"ann@example.org\",\"password\":\"pa\\\"ss\",\"quotaBytes\":1000}");
    }

    @Test
    void changesPasswordAndQuotaAndDeletes() {
        status = 204;
        assertThat(run("user", "password", "ann@example.org", "new")).isZero();
        assertThat(run("user", "delete", "ann@example.org")).isZero();
        status = 200;
        assertThat(run("user", "quota", "ann@example.org", "5000", "10")).isZero();
        assertThat(requests).containsExactly(
                "PUT /admin/v1/users/ann%40example.org/password Bearer tok {\"password\":\"new\"}",
                "DELETE /admin/v1/users/ann%40example.org Bearer tok ",
                "PUT /admin/v1/users/ann%40example.org/quota Bearer tok {\"quotaBytes\":5000,\"quotaMessages\":10}");
    }

    @Test
    void refusalsAreClearErrorsWithExitStatusOne() {
        status = 409;
        assertThat(run("user", "add", "ann@example.org", "pw")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists");
        status = 401;
        assertThat(run("user", "list")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("admin token was refused");
    }

    @Test
    void badUsageAndUnreachableApiExitWithTwo() {
        assertThat(run("user", "frobnicate")).isEqualTo(2);
        assertThat(new AdminCli(new PrintStream(out), new PrintStream(err))
                .run(new String[] {"--url", "http://127.0.0.1:1", "--token", "t", "user", "list"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach the admin API");
    }
}
