package io.mailstream.store.service.bench;

import io.mailstream.devstack.EmbeddedKafka;
import io.mailstream.devstack.EmbeddedMongo;
import io.mailstream.devstack.Ports;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.client.StoreClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver printing store throughput through the real path: StoreClient -> HTTP ->
 * store-service (its packaged JVM) -> MongoDB + Kafka, with the embedded MongoDB (persistent,
 * H2) and the in-process Kafka broker started the way {@code ./mailstream dev} starts them.
 * Prints figures; asserts nothing.
 *
 * <pre>
 * mvn -o -q -pl store-service install -DskipTests
 * mvn -o -q -pl store-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp store-service/target/test-classes:store-service/target/classes:$(cat /tmp/cp.txt) \
 *     io.mailstream.store.service.bench.StoreBenchmark [messages] [concurrency]
 * </pre>
 *
 * With {@code MAILSTREAM_STORE_URL}, {@code MAILSTREAM_STORE_SECRET} and {@code MAILSTREAM_ADMIN_TOKEN}
 * set it drives that running store instead of starting one.
 */
public final class StoreBenchmark {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        String url = System.getenv("MAILSTREAM_STORE_URL");
        try (Stack stack = url == null ? Stack.start() : Stack.external(url)) {
            Vertx vertx = Vertx.vertx();
            try (StoreClient store = new StoreClient(vertx, stack.url, stack.secret)) {
                run(store, stack, messages, concurrency);
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().join();
            }
        }
    }

    private static void run(MailStore store, Stack stack, int messages, int concurrency) throws Exception {
        System.out.printf("store benchmark: %d messages of ~4 KiB, %d requests in flight, store at %s%n", messages,
                concurrency, stack.url);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(stack.createUser("bench-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        String user = users.get(0);
        byte[] raw = sample();
        // Warm-up (JIT, connections, indexes).
        drive(200, concurrency, i -> store.append(users.get(1), "Archive", Set.of(), null, raw));

        double oneBox = drive(messages, concurrency, i -> store.append(user, "INBOX", Set.of(), null, raw));
        report("append, one mailbox", messages, oneBox, "appends/s");
        double spread = drive(messages, concurrency,
                i -> store.append(users.get(i % users.size()), "INBOX", Set.of(), null, raw));
        report("append, 8 mailboxes", messages, spread, "appends/s");

        String box = store.select(user, "INBOX", false).await().atMost(WAIT).mailbox().mailboxId();
        int batches = Math.max(1, messages / 100);
        AtomicLong fetched = new AtomicLong();
        double meta = drive(batches * 5, concurrency, i -> {
            long first = 1 + (long) (i % batches) * 100;
            return store.fetchMeta(user, box, UidSet.range(first, first + 99), true, true)
                    .invoke(list -> fetched.addAndGet(list.size()));
        });
        report("fetch metadata (flags, size, date, ENVELOPE, BODYSTRUCTURE), 100 per call", fetched.get(), meta,
                "msgs/s");
        double flags = drive(messages, concurrency, i -> store.storeFlags(user, box, UidSet.of(1 + (i % messages)),
                i % 2 == 0 ? FlagOperation.ADD : FlagOperation.REMOVE, Set.of("\\Seen"), null));
        report("flag update, one mailbox", messages, flags, "updates/s");
        double selects = drive(messages / 4, concurrency, i -> store.select(users.get(1 + i % (users.size() - 1)),
                "INBOX", false));
        report("select (snapshot of a " + messages / users.size() + "-message mailbox)", messages / 4, selects,
                "selects/s");
        double flagsSpread = drive(messages, concurrency, i -> {
            String u = users.get(i % users.size());
            return store.select(u, "INBOX", false).onItem().transformToUni(s -> store.storeFlags(u,
                    s.mailbox().mailboxId(), UidSet.of(1 + (i / users.size()) % Math.max(1, messages / users.size())),
                    FlagOperation.ADD, Set.of("$Bench" + i), null));
        });
        report("select + flag update, 8 mailboxes", messages, flagsSpread, "ops/s");
    }

    /** Runs {@code n} calls with at most {@code concurrency} in flight; returns elapsed seconds. */
    private static double drive(int n, int concurrency, IntFunction<Uni<?>> call) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            slots.acquire();
            call.apply(i).subscribe().with(x -> slots.release(), f -> {
                failures.incrementAndGet();
                slots.release();
            });
        }
        slots.acquire(concurrency);
        double secs = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            System.out.printf("  (%d of %d calls failed)%n", failures.get(), n);
        }
        return secs;
    }

    private static void report(String what, long count, double secs, String unit) {
        System.out.printf("  %-72s %9.0f %s  (%d in %.2f s)%n", what, count / secs, unit, count, secs);
    }

    private static byte[] sample() {
        StringBuilder body = new StringBuilder();
        while (body.length() < 4000) {
            body.append("The quick brown fox jumps over the lazy dog; benchmark line of text.\r\n");
        }
        return ("From: Bench <bench@example.org>\r\nTo: Load <load@example.org>\r\nSubject: benchmark message\r\n"
                + "Date: Mon, 7 Feb 1994 21:52:25 -0800\r\nMessage-ID: <bench@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + body + "\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>hello</p>\r\n--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The store under test: started here (embedded stack + packaged store JVM) or external. */
    private static final class Stack implements AutoCloseable {
        final String url;
        final String secret;
        final String adminToken;
        private EmbeddedMongo mongo;
        private EmbeddedKafka kafka;
        private Process store;

        private Stack(String url, String secret, String adminToken) {
            this.url = url;
            this.secret = secret;
            this.adminToken = adminToken;
        }

        static Stack external(String url) {
            return new Stack(url, System.getenv("MAILSTREAM_STORE_SECRET"), System.getenv("MAILSTREAM_ADMIN_TOKEN"));
        }

        static Stack start() throws Exception {
            Path data = Files.createTempDirectory("mailstream-bench");
            Path jar = Path.of("store-service/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                jar = Path.of("target/quarkus-app/quarkus-run.jar");
            }
            int port = Ports.freePort();
            Stack s = new Stack("http://127.0.0.1:" + port, "bench-secret-" + UUID.randomUUID(), "bench-admin");
            s.mongo = EmbeddedMongo.persistent(data.resolve("mongo"), 0).start();
            s.kafka = EmbeddedKafka.builder().dataDir(data.resolve("kafka")).port(0).build().start();
            ProcessBuilder pb = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(data.resolve("store.log").toFile());
            pb.environment().putAll(Map.of("QUARKUS_HTTP_PORT", Integer.toString(port),
                    "QUARKUS_MONGODB_CONNECTION_STRING", s.mongo.connectionString(),
                    "KAFKA_BOOTSTRAP_SERVERS", s.kafka.bootstrapServers(),
                    "MAILSTREAM_STORE_SECRET", s.secret, "MAILSTREAM_ADMIN_TOKEN", s.adminToken));
            s.store = pb.start();
            Process child = s.store;
            // Never leave the store JVM behind, even if this one is interrupted.
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy, "bench-stop-store"));
            long deadline = System.currentTimeMillis() + WAIT.toMillis();
            while (!s.ready()) {
                if (System.currentTimeMillis() > deadline || !s.store.isAlive()) {
                    s.close();
                    throw new IllegalStateException("store-service did not become ready; see " + data.resolve("store.log"));
                }
                Thread.sleep(250); // polling a child process's readiness, not test synchronisation
            }
            return s;
        }

        private boolean ready() {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        String createUser(String name) throws Exception {
            String body = "{\"username\":\"" + name + "\",\"password\":\"bench-pw\",\"quotaBytes\":-1}";
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/admin/v1/users"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            if (r.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("cannot create user: " + r.statusCode() + " " + r.body());
            }
            return m.group(1);
        }

        @Override
        public void close() {
            if (store != null) {
                store.destroy();
                try {
                    store.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (kafka != null) {
                kafka.close();
            }
            if (mongo != null) {
                mongo.close();
            }
        }
    }
}
