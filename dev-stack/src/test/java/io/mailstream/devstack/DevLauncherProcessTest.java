package io.mailstream.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The launcher as a user runs it, in its own JVM, with no service built: Kafka and MongoDB on
 * their fixed ports, the READY line alone on stdout, SIGTERM stops it with status 0, and a
 * second start finds the same data and secrets.
 */
class DevLauncherProcessTest {

    private static final Pattern READY = Pattern.compile(
            "READY kafka=127\\.0\\.0\\.1:9092 mongodb=mongodb://127\\.0\\.0\\.1:27017 admin-token=([A-Za-z0-9_-]{43})");

    @TempDir
    Path home;

    @Test
    void startsPrintsReadyStopsCleanlyAndRestartsWithItsData() throws Exception {
        assumeTrue(!Ports.isBusy(DevLauncher.KAFKA_PORT) && !Ports.isBusy(DevLauncher.MONGO_PORT),
                "ports 9092/27017 are in use (is ./mailstream dev running?)");
        Path dataDir = home.resolve("data");

        Launch first = Launch.start(home, dataDir);
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"));
             MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:27017")) {
            assertThat(admin.describeTopics(Set.of(DevLauncher.TOPIC_MAILBOX_EVENTS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(DevLauncher.TOPIC_MAILBOX_EVENTS).partitions()).hasSize(3);
            mongo.getDatabase("mailstream").getCollection("probe").insertOne(new Document("_id", "kept"));
        }
        first.stopAndExpectCleanExit();
        assertThat(Ports.isBusy(DevLauncher.KAFKA_PORT)).isFalse();
        assertThat(Ports.isBusy(DevLauncher.MONGO_PORT)).isFalse();
        assertThat(dataDir.resolve("tls/cert.pem")).exists();
        assertThat(dataDir.resolve("logs/dev-stack.log")).exists();

        Launch second = Launch.start(home, dataDir);
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:27017")) {
            assertThat(second.adminToken).isEqualTo(first.adminToken);
            assertThat(mongo.getDatabase("mailstream").getCollection("probe").countDocuments()).isEqualTo(1);
        } finally {
            second.stopAndExpectCleanExit();
        }
    }

    private static final class Launch {
        final Process process;
        final BufferedReader stdout;
        final String adminToken;

        private Launch(Process process, BufferedReader stdout, String adminToken) {
            this.process = process;
            this.stdout = stdout;
            this.adminToken = adminToken;
        }

        static Launch start(Path home, Path dataDir) throws Exception {
            Files.createDirectories(home);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-Xmx512m", "-Dmailstream.home=" + home,
                    "-cp", System.getProperty("java.class.path"), DevLauncher.class.getName(),
                    "--data-dir", dataDir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            try {
                line = CompletableFuture.supplyAsync(() -> readLine(stdout)).get(90, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                throw e;
            }
            Matcher ready = READY.matcher(line == null ? "" : line);
            if (!ready.matches()) {
                process.destroyForcibly();
            }
            assertThat(line).matches(READY);
            return new Launch(process, stdout, ready.group(1));
        }

        void stopAndExpectCleanExit() throws Exception {
            // SIGTERM through the handle: Process.destroy() would also close our end of stdout.
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher stops after SIGTERM").isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(readLine(stdout)).as("nothing on stdout after the READY line").isNull();
        }

        private static String readLine(BufferedReader reader) {
            try {
                return reader.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
