package io.mailstream.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The checks can fail: a copy of the rendered production overlay, broken in one place, goes
 * through the same checks, which must then report exactly that place.
 */
class DeliberateMismatchTest {
    private static final String K = "overlays/production";

    /** The keys the manifests use, as if every service declared exactly those: only a mutation can be unknown. */
    private static ServiceKeys keysOfTheManifests() {
        Map<String, Set<String>> used = ConfigChecks.used(Rendered.of(K));
        return new ServiceKeys() {
            @Override
            public Set<String> envNames(String module) {
                return used.getOrDefault(module, Set.of());
            }

            @Override
            public String defaultOf(String module, String env) {
                return null;
            }
        };
    }

    private static List<String> all(Manifests m) {
        List<String> v = new java.util.ArrayList<>(Rendered.violations(m, K, keysOfTheManifests()));
        v.addAll(ConfigChecks.undeclared(m, keysOfTheManifests()));
        return v;
    }

    private static List<String> afterBreaking(Consumer<Manifests> mutation) {
        assertThat(all(Rendered.of(K))).as("the unbroken manifests pass").isEmpty();
        Manifests m = Rendered.of(K);
        mutation.accept(m);
        return all(m);
    }

    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(Manifests m, Class<T> type, String name) {
        return m.find(type, name).orElseThrow();
    }

    private static Deployment deployment(Manifests m, String name) {
        return get(m, Deployment.class, name);
    }

    @Test
    void aServiceSelectorThatMatchesNoDeploymentFails() {
        assertThat(afterBreaking(m -> get(m, Service.class, "store-service").getSpec()
                .setSelector(Map.of("app.kubernetes.io/name", "store-servce"))))
                .anyMatch(v -> v.startsWith("Service/store-service: selector") && v.contains("selects no pod"))
                .anyMatch(v -> v.contains("MAILSTREAM_STORE_URL"));
    }

    @Test
    void anUnknownEnvironmentVariableFails() {
        List<String> v = afterBreaking(m -> get(m, ConfigMap.class, "imap-service-config").getData()
                .put("MAILSTREAM_IMAP_PORTT", "1143"));
        assertThat(v).containsExactly("imap-service: MAILSTREAM_IMAP_PORTT (ConfigMap imap-service-config) is not a"
                + " configuration key of imap-service");
        assertThat(afterBreaking(m -> ContainerEnv.container(deployment(m, "store-service")).getEnv()
                .add(new EnvVar("MAILSTREAM_ADMIN_TOKN", "x", null))))
                .containsExactly("store-service: MAILSTREAM_ADMIN_TOKN (Deployment/store-service env) is not a"
                        + " configuration key of store-service");
    }

    @Test
    void aContainerPortTheServiceIsNotConfiguredForFails() {
        assertThat(afterBreaking(m -> ContainerEnv.container(deployment(m, "imap-service")).getPorts().stream()
                .filter(p -> p.getName().equals("imap")).forEach(p -> p.setContainerPort(1144))))
                .anyMatch(v -> v.contains("container port imap is 1144 but MAILSTREAM_IMAP_PORT is 1143"));
    }

    @Test
    void aTargetPortNoContainerHasFails() {
        assertThat(afterBreaking(m -> get(m, Service.class, "pop3-service").getSpec().getPorts().get(1)
                .setTargetPort(new IntOrString("pop3-tls"))))
                .anyMatch(v -> v.contains("targetPort pop3-tls (port 995) is no container port of Deployment/pop3-service"));
    }

    @Test
    void aProbeOnAPathThatIsNotTheHealthEndpointFails() {
        assertThat(afterBreaking(m -> ContainerEnv.container(deployment(m, "lmtp-service")).getReadinessProbe()
                .getHttpGet().setPath("/health")))
                .anyMatch(v -> v.contains("lmtp-service readinessProbe: path /health is not /q/health/ready"));
        assertThat(afterBreaking(m -> ContainerEnv.container(deployment(m, "lmtp-service")).getLivenessProbe()
                .getHttpGet().setPort(new IntOrString("lmtp"))))
                .anyMatch(v -> v.contains("lmtp-service livenessProbe: port lmtp is not the HTTP port 8083"));
        assertThat(afterBreaking(m -> get(m, ConfigMap.class, "store-service-config").getData()
                .put("QUARKUS_MICROMETER_EXPORT_PROMETHEUS_PATH", "/prometheus")))
                .anyMatch(v -> v.contains("store-service: QUARKUS_MICROMETER_EXPORT_PROMETHEUS_PATH is /prometheus"));
    }

    @Test
    void anAutoscalerOrNetworkPolicyAimedAtNothingFails() {
        assertThat(afterBreaking(m -> get(m, HorizontalPodAutoscaler.class, "imap-service").getSpec().getScaleTargetRef()
                .setName("imap")))
                .anyMatch(v -> v.contains("scaleTargetRef Deployment/imap is no Deployment here"));
        assertThat(afterBreaking(m -> get(m, NetworkPolicy.class, "store-service").getSpec().getIngress().get(0)
                .getFrom().get(0).setPodSelector(new LabelSelector(null, Map.of("app.kubernetes.io/name", "imap")))))
                .anyMatch(v -> v.contains("NetworkPolicy/store-service: peer podSelector"));
    }

    @Test
    void servicesWiredToADifferentTopicKafkaOrSecretFail() {
        Function<Consumer<Manifests>, List<String>> broken = DeliberateMismatchTest::afterBreaking;
        assertThat(broken.apply(m -> get(m, ConfigMap.class, "store-service-config").getData()
                .put("MAILSTREAM_EVENTS_TOPIC", "mailbox-events")))
                .anyMatch(v -> v.contains("MAILSTREAM_EVENTS_TOPIC mailbox-events is no KafkaTopic"))
                .anyMatch(v -> v.contains("different topics"));
        assertThat(broken.apply(m -> get(m, ConfigMap.class, "imap-service-config").getData()
                .put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")))
                .anyMatch(v -> v.contains("KAFKA_BOOTSTRAP_SERVERS kafka:9092 is no plaintext listener"));
        assertThat(broken.apply(m -> ContainerEnv.container(deployment(m, "pop3-service")).getEnv().stream()
                .filter(e -> e.getName().equals("MAILSTREAM_STORE_SECRET"))
                .forEach(e -> e.getValueFrom().getSecretKeyRef().setKey("admin-token"))))
                .anyMatch(v -> v.contains("share one service secret"));
    }

    @Test
    void aPodThatMayRunAsRootOrWriteItsRootFilesystemFails() {
        assertThat(afterBreaking(m -> deployment(m, "store-service").getSpec().getTemplate().getSpec().getSecurityContext()
                .setRunAsNonRoot(null)))
                .anyMatch(v -> v.contains("Deployment/store-service: pod must run as non-root"));
        assertThat(afterBreaking(m -> ContainerEnv.container(deployment(m, "imap-service")).getSecurityContext()
                .setReadOnlyRootFilesystem(false)))
                .anyMatch(v -> v.contains("Deployment/imap-service: container must have a read-only root filesystem"));
    }

    @Test
    void aMisspeltFieldInAManifestIsFound() throws IOException {
        Map<String, Object> doc = Yamls.load(Manifests.k8s().resolve("base/imap-service/deployment.yaml")).get(0);
        Map<String, Object> container = Yamls.map(Yamls.list(Yamls.at(doc, false, "spec", "template", "spec")
                .get("containers")).get(0));
        assertThat(UnknownFields.of(Manifests.typed(doc))).isEmpty();
        container.put("readinesProbe", container.remove("readinessProbe"));
        assertThat(UnknownFields.of(Manifests.typed(doc))).containsExactly(".spec.template.spec.containers[0].readinesProbe");
    }
}
