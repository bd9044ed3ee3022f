package io.mailstream.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the test suite runs, so docker-compose.yml is kept honest here:
 * images, build contexts, published ports and every environment variable checked against the
 * services' real configuration keys.
 */
class DockerComposeTest {
    private static final List<String> SERVICES = List.of("store-service", "imap-service", "pop3-service",
            "lmtp-service");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader r = Files.newBufferedReader(ServiceConfig.repoRoot().resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(r);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void infrastructureUsesRealMongoDb7AndApacheKafka() {
        assertThat(services.get("mongodb").get("image")).isEqualTo("mongo:7");
        assertThat(String.valueOf(services.get("mongodb").get("command"))).contains("--replSet");
        assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:");
        Map<String, Object> kafkaEnv = env("kafka");
        assertThat(kafkaEnv.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
    }

    @Test
    void everyServiceIsBuiltFromItsModuleDockerfile() {
        Path root = ServiceConfig.repoRoot();
        for (String s : SERVICES) {
            assertThat(services).containsKey(s);
            assertThat(services.get(s).get("build")).isEqualTo("./" + s);
            assertThat(root.resolve(s).resolve("Dockerfile")).exists();
            assertThat(root.resolve(s).resolve("pom.xml")).exists();
        }
    }

    @Test
    void everyEnvironmentVariableIsARealConfigurationKeyOfThatService() throws IOException {
        for (String s : SERVICES) {
            ServiceConfig config = ServiceConfig.load(s);
            assertThat(env(s).keySet())
                    .as("environment of %s in docker-compose.yml vs its application.properties", s)
                    .isSubsetOf(config.envNames());
        }
    }

    @Test
    void publishedPortsReachTheListenersTheServicesAreConfiguredFor() {
        assertPort("imap-service", "143", "MAILSTREAM_IMAP_PORT");
        assertPort("imap-service", "993", "MAILSTREAM_IMAP_TLS_PORT");
        assertPort("pop3-service", "110", "MAILSTREAM_POP3_PORT");
        assertPort("pop3-service", "995", "MAILSTREAM_POP3_TLS_PORT");
        assertPort("lmtp-service", "24", "MAILSTREAM_LMTP_PORT");
        assertPort("store-service", "8080", "QUARKUS_HTTP_PORT");
        for (String s : SERVICES) {
            assertThat(env(s).get("QUARKUS_HTTP_HOST")).as("%s must listen beyond loopback in a container", s)
                    .isEqualTo("0.0.0.0");
        }
    }

    @Test
    void frontEndsShareTheStoreSecretAndReachTheStoreByItsServiceName() {
        Object secret = env("store-service").get("MAILSTREAM_STORE_SECRET");
        for (String s : List.of("imap-service", "pop3-service", "lmtp-service")) {
            assertThat(env(s).get("MAILSTREAM_STORE_SECRET")).isEqualTo(secret);
            assertThat(env(s).get("MAILSTREAM_STORE_URL")).isEqualTo("http://store-service:"
                    + env("store-service").get("QUARKUS_HTTP_PORT"));
        }
    }

    private static void assertPort(String service, String published, String envName) {
        Object containerPort = env(service).get(envName);
        assertThat(containerPort).as("%s sets %s", service, envName).isNotNull();
        @SuppressWarnings("unchecked")
        List<String> ports = (List<String>) services.get(service).get("ports");
        if (ports == null) {
            return; // internal-only service: nothing published
        }
        assertThat(ports).as("%s publishes %s", service, published)
                .anyMatch(p -> p.equals(published + ":" + containerPort) || p.endsWith(":" + containerPort)
                        && p.startsWith(published));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }
}
