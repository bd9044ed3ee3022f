package io.mailstream.pop3.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailstream.pop3.testing.Pop3Client;
import io.mailstream.pop3.testing.Pop3Fixture;
import io.mailstream.pop3.testing.StoreProxies;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.SectionBody;
import io.mailstream.store.testkit.InMemoryMailStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A large RETR is streamed from the store with backpressure: while the client does not read,
 * the server stops asking the store for chunks; when it reads, the exact bytes arrive.
 */
class BackpressureTest {
    static final int SIZE = 16 * 1024 * 1024;

    static byte[] bigMessage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE + 100);
        out.writeBytes("Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        int i = 0;
        while (out.size() < SIZE) {
            String line = (i % 10 == 0 ? "." : "") + String.format("line %09d ", i) + "x".repeat(40) + "\r\n";
            out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
            i++;
        }
        return out.toByteArray();
    }

    @Test
    void aSlowReaderHoldsBackTheStoreAndGetsExactBytes() throws Exception {
        InMemoryMailStore real = new InMemoryMailStore();
        var user = real.addUser("u", "p");
        byte[] message = bigMessage();
        real.append(user.userId(), "INBOX", Set.of(), null, message).await().atMost(Pop3Fixture.WAIT);
        AtomicInteger emitted = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        MailStore counting = StoreProxies.intercept(real, (method, result) -> {
            if (!method.getName().equals("fetchSection")) {
                return result;
            }
            return ((Uni<SectionBody>) result).map(b -> {
                total.set((int) ((b.size() + 8191) / 8192));
                return new SectionBody(b.size(), b.content().onItem().invoke(chunk -> emitted.incrementAndGet()));
            });
        });
        Vertx vertx = Vertx.vertx();
        try {
            Pop3Server server = new Pop3Server(vertx, Pop3Fixture.settings(), counting, new SimpleMeterRegistry());
            server.start().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            try (Pop3Client c = Pop3Client.connectSlowReader(server.port(), 16 * 1024)) {
                c.expect("+OK Mailstream POP3 server ready\r\n");
                Pop3Fixture.login(c, "u", "p", 1, message.length);
                c.send("RETR 1\r\n").expect("+OK " + message.length + " octets\r\n");
                // Not reading: the server may fill socket buffers, then must stop pulling chunks.
                await().atMost(Pop3Fixture.WAIT).until(() -> emitted.get() > 0);
                await().during(Duration.ofSeconds(1)).atMost(Pop3Fixture.WAIT)
                        .until(() -> emitted.get() < total.get() / 2);
                byte[] expected = RetrAndTopTest.expectedWire(message);
                byte[] got = c.readExactly(expected.length);
                assertThat(Arrays.mismatch(got, expected)).as("first differing byte").isEqualTo(-1);
                assertThat(emitted.get()).isEqualTo(total.get());
                c.send("NOOP\r\n").expect("+OK\r\n");
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }
}
