package io.mailstream.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable a manifest sets (in env, or as a key of a ConfigMap imported with
 * envFrom) is a configuration key the service declares in its application.properties: a misspelt
 * or stale variable would otherwise be ignored silently. Until the services declare a key, this
 * fails and target/k8s-undeclared-config-keys.txt lists what is missing.
 */
class ConfigKeysTest {

    @Test
    void everyVariableTheManifestsSetIsAConfigurationKeyOfThatService() throws IOException {
        ServiceKeys keys = ServiceKeys.fromApplicationProperties();
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> missing = new java.util.TreeMap<>();
        for (String k : Rendered.KUSTOMIZATIONS) {
            Manifests m = Rendered.of(k);
            ConfigChecks.undeclared(m, keys).forEach(v -> violations.add(k + ": " + v));
            ConfigChecks.used(m).forEach((module, names) -> names.stream()
                    .filter(n -> !keys.envNames(module).contains(n))
                    .forEach(n -> missing.computeIfAbsent(module, x -> new TreeSet<>()).add(n)));
        }
        writeReport(missing);
        assertThat(violations).as("variables set in k8s/ that the services do not declare (see %s)", REPORT).isEmpty();
    }

    private static final Path REPORT = Path.of("target", "k8s-undeclared-config-keys.txt");

    private static void writeReport(Map<String, Set<String>> missing) throws IOException {
        StringBuilder sb = new StringBuilder("# Variables the Kubernetes manifests set that a service's application.properties"
                + " does not declare\n");
        missing.forEach((module, names) -> sb.append(module).append(": ").append(String.join(", ", names)).append('\n'));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, sb.toString());
    }
}
