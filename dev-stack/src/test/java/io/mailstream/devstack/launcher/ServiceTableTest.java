package io.mailstream.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTableTest {

    private static final DevEnvironment ENV = new DevEnvironment("127.0.0.1:9092", "mongodb://127.0.0.1:27017",
            "http://127.0.0.1:8080", "s3cret", "t0ken", Path.of("/d/tls/cert.pem"), Path.of("/d/tls/key.pem"));

    @Test
    void noTwoInstancesShareAPortAtTheMaximumCounts() {
        LauncherOptions max = new LauncherOptions(Path.of("/d"), false,
                LauncherOptions.MAX_IMAP_INSTANCES, LauncherOptions.MAX_POP3_INSTANCES, false);
        Set<Integer> seen = new HashSet<>(List.of(9092, 27017));
        for (ServiceSpec spec : ServiceTable.SERVICES) {
            for (int i = 1; i <= max.instances(spec.key()); i++) {
                for (int port : spec.instance(i).ports()) {
                    assertThat(seen.add(port)).as("port %d of %s-%d is unique", port, spec.key(), i).isTrue();
                }
            }
        }
        // store and LMTP, one HTTP port per IMAP and POP3 instance
        assertThat(seen).filteredOn(port -> port >= 8080 && port <= 8099)
                .hasSize(2 + LauncherOptions.MAX_IMAP_INSTANCES + LauncherOptions.MAX_POP3_INSTANCES);
        assertThat(seen).filteredOn(port -> port >= 8000 && port < 9000).allMatch(port -> port <= 8099);
    }

    @Test
    void firstInstancesUseTheDocumentedPorts() {
        assertThat(spec("store").instance(1).ports()).containsExactly(8080);
        assertThat(spec("imap").instance(1).ports()).containsExactly(8090, 1143, 1993);
        assertThat(spec("imap").instance(2).ports()).containsExactly(8091, 1144, 1994);
        assertThat(spec("pop3").instance(1).ports()).containsExactly(8085, 1110, 1995);
        assertThat(spec("pop3").instance(2).ports()).containsExactly(8086, 1111, 1996);
    }

    @Test
    void storeIsConfiguredForMongoKafkaAndTheAdminToken() {
        Map<String, String> env = spec("store").instance(1).environment(ENV);
        assertThat(env).containsEntry("QUARKUS_HTTP_PORT", "8080")
                .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1")
                .containsEntry("QUARKUS_MONGODB_CONNECTION_STRING", "mongodb://127.0.0.1:27017")
                .containsEntry("MAILSTREAM_STORE_DATABASE", "mailstream")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("MAILSTREAM_STORE_SECRET", "s3cret")
                .containsEntry("MAILSTREAM_ADMIN_TOKEN", "t0ken")
                .containsKey("MAILSTREAM_PARENT_PID");
    }

    @Test
    void frontEndsAreConfiguredForTheirPortsTlsAndTheStore() {
        Map<String, String> env = spec("pop3").instance(2).environment(ENV);
        assertThat(env).containsEntry("QUARKUS_HTTP_PORT", "8086")
                .containsEntry("MAILSTREAM_POP3_HOST", "127.0.0.1")
                .containsEntry("MAILSTREAM_POP3_PORT", "1111")
                .containsEntry("MAILSTREAM_POP3_TLS_PORT", "1996")
                .containsEntry("MAILSTREAM_TLS_CERT_FILE", "/d/tls/cert.pem")
                .containsEntry("MAILSTREAM_TLS_KEY_FILE", "/d/tls/key.pem")
                .containsEntry("MAILSTREAM_STORE_URL", "http://127.0.0.1:8080")
                .containsEntry("MAILSTREAM_STORE_SECRET", "s3cret")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("MAILSTREAM_INSTANCE_ID", "pop3-2")
                .doesNotContainKey("MAILSTREAM_ADMIN_TOKEN");
        assertThat(spec("imap").instance(1).environment(ENV))
                .containsEntry("MAILSTREAM_IMAP_PORT", "1143")
                .containsEntry("MAILSTREAM_IMAP_TLS_PORT", "1993")
                .containsEntry("MAILSTREAM_INSTANCE_ID", "imap-1");
    }

    @Test
    void plansOnlyServicesWhoseApplicationIsBuilt(@TempDir Path root) throws Exception {
        Path jar = ServiceTable.runJar(root, spec("imap"));
        Files.createDirectories(jar.getParent());
        Files.createFile(jar);
        List<String> skipped = new ArrayList<>();

        List<ServiceInstance> plan = ServiceTable.plan(root,
                new LauncherOptions(root.resolve("data"), false, 2, 1, false), skipped);

        assertThat(plan).extracting(ServiceInstance::name).containsExactly("imap-service", "imap-service-2");
        assertThat(skipped).containsExactly("store-service", "pop3-service", "lmtp-service");
    }

    static ServiceSpec spec(String key) {
        return ServiceTable.SERVICES.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
