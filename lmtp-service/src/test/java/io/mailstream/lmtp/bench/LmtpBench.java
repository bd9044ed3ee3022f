package io.mailstream.lmtp.bench;

import io.mailstream.lmtp.LmtpSettings;
import io.mailstream.lmtp.server.LmtpServer;
import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.client.StoreClient;
import io.mailstream.store.testkit.InMemoryMailStore;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Load driver, not a test: prints deliveries per second for 10 KB and 1 MB messages through a
 * real {@link LmtpServer}, with N client connections each running Postfix-shaped pipelined
 * transactions (MAIL+RCPT+DATA in one write, then the content) back to back.
 *
 * <pre>
 *   mvn -o -q -pl lmtp-service test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 *   java -cp lmtp-service/target/test-classes:lmtp-service/target/classes:$(cat /tmp/cp.txt) \
 *        io.mailstream.lmtp.bench.LmtpBench [seconds-per-size] [connections] [store-url secret user | discard]
 * </pre>
 * Without a store URL it runs on the in-memory store (purged as it goes, to keep the heap flat);
 * with one it delivers to {@code user} in store-service (which must exist and support findUser);
 * {@code discard} acknowledges appends without storing them, to measure the front-end alone.
 */
public final class LmtpBench {
    private static final int[] SIZES = {10 * 1024, 1024 * 1024};

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Vertx vertx = Vertx.vertx();
        MailStore store;
        String rcpt;
        InMemoryMailStore memory = null;
        UserRef user = null;
        String storeName = "in-memory";
        if (args.length > 4) {
            store = new StoreClient(vertx, args[2], args[3]);
            rcpt = args[4];
            storeName = args[2];
        } else {
            memory = new InMemoryMailStore();
            user = memory.addUser("bench@localhost", "pw");
            store = memory;
            rcpt = "bench@localhost";
            if (args.length > 2 && args[2].equals("discard")) {
                // The front-end alone: appends are acknowledged without being stored.
                store = discardingAppends(memory);
                storeName = "discarding";
                memory = null;
            }
        }
        LmtpSettings settings = LmtpSettings.builder().eventLoops(Runtime.getRuntime().availableProcessors())
                .maxConnections(10_000).build();
        LmtpServer server = new LmtpServer(vertx, settings, store);
        int port = server.start().await().atMost(Duration.ofSeconds(30));
        System.out.printf("LMTP bench: %s store, %d connections, %d s per size, %d event loops, %d cores%n",
                storeName, connections, seconds, settings.eventLoops(),
                Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(connections + 1);
        try {
            for (int size : SIZES) {
                byte[] message = message(size);
                run(pool, port, rcpt, message, connections, Math.max(1, seconds / 5), null, null); // warm-up
                purge(memory, user);
                Result r = run(pool, port, rcpt, message, connections, seconds, memory, user);
                System.out.printf("%7d-octet messages: %8.1f deliveries/s  %7.1f MB/s  p50 %6.1f ms  p99 %6.1f ms"
                        + "  (%d deliveries)%n", message.length, r.count / r.seconds,
                        r.count * (double) message.length / r.seconds / 1e6, r.percentile(50), r.percentile(99), r.count);
                purge(memory, user);
            }
        } finally {
            pool.shutdownNow();
            server.stop().await().atMost(Duration.ofSeconds(10));
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        // Mutiny's default worker pool (store-call timeouts) has non-daemon threads.
        System.exit(0);
    }

    private record Result(long count, double seconds, long[] latenciesNanos) {
        double percentile(int p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            return latenciesNanos[Math.min(latenciesNanos.length - 1, latenciesNanos.length * p / 100)] / 1e6;
        }
    }

    private static Result run(ExecutorService pool, int port, String rcpt, byte[] message, int connections,
            int seconds, InMemoryMailStore memory, UserRef user) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<long[]>> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            clients.add(pool.submit(() -> client(port, rcpt, message, deadline)));
        }
        Future<?> purger = memory == null ? null : pool.submit(() -> {
            while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
                purge(memory, user);
                sleepQuietly(500);
            }
        });
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : clients) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (purger != null) {
            purger.get();
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(sorted.length, elapsed, sorted);
    }

    /** One connection delivering until the deadline; returns each delivery's latency. */
    private static long[] client(int port, String rcpt, byte[] message, long deadline) throws IOException {
        List<Long> latencies = new ArrayList<>();
        byte[] envelope = ("MAIL FROM:<bench@example.org> SIZE=" + message.length + "\r\nRCPT TO:<" + rcpt
                + ">\r\nDATA\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
            expect(in, "220");
            out.write("LHLO bench.example\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250");
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                out.write(envelope);
                out.flush();
                expect(in, "250");
                expect(in, "250");
                expect(in, "354");
                out.write(message);
                out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, "250");
                latencies.add(System.nanoTime() - t0);
            }
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    /** Reads one reply (all lines) and checks its code. */
    private static void expect(InputStream in, String code) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                line.append((char) c);
            }
            if (!line.toString().startsWith(code)) {
                throw new IOException("expected " + code + ", got " + line);
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return;
            }
        }
    }

    /** A plain-text message of about {@code size} octets, dot-stuffed, CRLF line ends. */
    static byte[] message(int size) {
        StringBuilder b = new StringBuilder("From: Bench <bench@example.org>\r\nTo: bench@localhost\r\n"
                + "Subject: benchmark message\r\nMessage-ID: <bench@example.org>\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n");
        String line = "The quick brown fox jumps over the lazy dog. 0123456789 abcdefghijklmnopqrstu\r\n";
        while (b.length() + line.length() <= size) {
            b.append(line);
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void purge(InMemoryMailStore memory, UserRef user) {
        if (memory == null) {
            return;
        }
        var snapshot = memory.select(user.userId(), "INBOX", false).await().indefinitely();
        if (snapshot.messages().isEmpty()) {
            return;
        }
        String box = snapshot.mailbox().mailboxId();
        UidSet all = UidSet.ofAll(snapshot.messages().stream().map(m -> m.uid()).toList());
        memory.storeFlags(user.userId(), box, all, FlagOperation.ADD, Set.of("\\Deleted"), null).await().indefinitely();
        memory.expunge(user.userId(), box, all).await().indefinitely();
    }

    private static MailStore discardingAppends(MailStore delegate) {
        AppendResult ok = new AppendResult("m", 1, 1, 1);
        return (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(), new Class<?>[] {MailStore.class},
                (proxy, method, margs) -> method.getName().equals("append") ? Uni.createFrom().item(ok)
                        : method.invoke(delegate, margs));
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LmtpBench() {
    }
}
