package io.mailstream.platform.e2e;

import io.mailstream.devstack.EmbeddedKafka;
import io.mailstream.devstack.EmbeddedMongo;
import io.mailstream.devstack.launcher.SelfSignedTls;
import io.mailstream.platform.ServiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as separate processes, the way {@code ./mailstream dev} runs it, but on
 * free ports and a temporary data directory: the in-process Kafka broker and the embedded
 * MongoDB-wire server in the test JVM, and each service's built application
 * ({@code target/quarkus-app/quarkus-run.jar}) as its own JVM.
 */
public final class RunningPlatform implements AutoCloseable {
    public static final String TOPIC = "mailstream.mailbox-events";

    private final Path dataDir;
    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final String secret = UUID.randomUUID().toString();
    private final String adminToken = UUID.randomUUID().toString();
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Process> byName = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningPlatform(Path dataDir) {
        this.dataDir = dataDir;
        this.kafka = EmbeddedKafka.builder().dataDir(dataDir.resolve("kafka")).port(0).defaultPartitions(3).build();
        this.mongo = EmbeddedMongo.inMemory(0);
    }

    /** Starts Kafka, MongoDB, the store and {@code imapInstances} IMAP, one POP3 and one LMTP. */
    public static RunningPlatform start(int imapInstances) {
        try {
            RunningPlatform p = new RunningPlatform(Files.createTempDirectory("mailstream-e2e"));
            p.boot(imapInstances);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot(int imapInstances) throws IOException {
        kafka.start();
        kafka.createTopics(3, TOPIC);
        mongo.start();
        Path[] tls = SelfSignedTls.ensure(dataDir.resolve("tls"));
        Map<String, String> common = new LinkedHashMap<>();
        common.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        common.put("MAILSTREAM_STORE_SECRET", secret);

        Map<String, String> store = new LinkedHashMap<>(common);
        store.put("QUARKUS_HTTP_PORT", port("store-http"));
        store.put("QUARKUS_MONGODB_CONNECTION_STRING", mongo.connectionString());
        store.put("MAILSTREAM_STORE_DATABASE", "e2e");
        store.put("MAILSTREAM_ADMIN_TOKEN", adminToken);
        Process storeProcess = launch("store-service", "store", store);
        awaitReady("store", storeProcess, ports.get("store-http"));

        Map<String, String> frontEnd = new LinkedHashMap<>(common);
        frontEnd.put("MAILSTREAM_STORE_URL", storeUrl());
        frontEnd.put("MAILSTREAM_TLS_CERT_FILE", tls[0].toString());
        frontEnd.put("MAILSTREAM_TLS_KEY_FILE", tls[1].toString());
        List<Runnable> waits = new ArrayList<>();
        for (int i = 1; i <= imapInstances; i++) {
            Map<String, String> env = new LinkedHashMap<>(frontEnd);
            env.put("QUARKUS_HTTP_PORT", port("imap" + i + "-http"));
            env.put("MAILSTREAM_IMAP_PORT", port("imap" + i));
            env.put("MAILSTREAM_IMAP_TLS_PORT", port("imaps" + i));
            env.put("MAILSTREAM_INSTANCE_ID", "imap-" + i);
            env.put("MAILSTREAM_IMAP_IDLE_POLL", "PT2S");
            // a short shutdown drain: tests stop the platform in seconds
            env.put("MAILSTREAM_IMAP_DRAIN_SPREAD", "PT2S");
            env.put("MAILSTREAM_IMAP_DRAIN_GRACE", "PT5S");
            waits.add(readiness("imap" + i, launch("imap-service", "imap" + i, env)));
        }
        Map<String, String> pop3 = new LinkedHashMap<>(frontEnd);
        pop3.put("QUARKUS_HTTP_PORT", port("pop3-http"));
        pop3.put("MAILSTREAM_POP3_PORT", port("pop3"));
        pop3.put("MAILSTREAM_POP3_TLS_PORT", port("pop3s"));
        pop3.put("MAILSTREAM_INSTANCE_ID", "pop3-1");
        pop3.put("MAILSTREAM_POP3_DRAIN_TIMEOUT", "PT5S");
        waits.add(readiness("pop3", launch("pop3-service", "pop3", pop3)));
        Map<String, String> lmtp = new LinkedHashMap<>(frontEnd);
        lmtp.put("QUARKUS_HTTP_PORT", port("lmtp-http"));
        lmtp.put("MAILSTREAM_LMTP_PORT", port("lmtp"));
        lmtp.put("MAILSTREAM_INSTANCE_ID", "lmtp-1");
        waits.add(readiness("lmtp", launch("lmtp-service", "lmtp", lmtp)));
        waits.forEach(Runnable::run);
    }

    public int imapPort(int instance) {
        return ports.get("imap" + instance);
    }

    /** The HTTP port (health, metrics) of a service: "store", "imap1", "pop3", "lmtp". */
    public int httpPort(String name) {
        return ports.get(name + "-http");
    }

    /** The process of a service ("store", "imap1", "pop3", "lmtp"), e.g. to send it SIGTERM. */
    public Process process(String name) {
        return byName.get(name);
    }

    /** The last lines of a service's log. */
    public String log(String name) {
        return tail(name);
    }

    public int imapsPort(int instance) {
        return ports.get("imaps" + instance);
    }

    public int pop3Port() {
        return ports.get("pop3");
    }

    public int lmtpPort() {
        return ports.get("lmtp");
    }

    public String storeUrl() {
        return "http://127.0.0.1:" + ports.get("store-http");
    }

    public EmbeddedMongo mongo() {
        return mongo;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates an account through the admin API (INBOX and the special-use folders with it). */
    public void createUser(String username, String password) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"quotaBytes\":1073741824}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(storeUrl() + "/admin/v1/users"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("creating " + username + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kafka.close();
        mongo.close();
    }

    private String port(String name) {
        try (ServerSocket s = new ServerSocket(0)) {
            ports.put(name, s.getLocalPort());
            return String.valueOf(s.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process launch(String module, String name, Map<String, String> env) throws IOException {
        Path jar = ServiceConfig.repoRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the module first (mvn package)");
        }
        Path log = dataDir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        byName.put(name, p);
        return p;
    }

    private Runnable readiness(String name, Process p) {
        int httpPort = ports.get(name + "-http");
        return () -> awaitReady(name, p, httpPort);
    }

    private void awaitReady(String name, Process p, int httpPort) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with " + p.exitValue() + "; log: " + tail(name));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200); // polling a process we do not control; there is no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not ready after 180 s; log: " + tail(name));
    }

    private String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
