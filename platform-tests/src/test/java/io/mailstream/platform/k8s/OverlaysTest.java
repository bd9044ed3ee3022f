package io.mailstream.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The overlays render, and each changes what it says it changes. */
class OverlaysTest {

    @Test
    void everyKustomizationRendersTheFourServicesAndTheirInfrastructure() {
        for (String k : Rendered.KUSTOMIZATIONS) {
            Manifests m = Rendered.of(k);
            assertThat(m.names("Deployment")).as(k).containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
            assertThat(m.names("PodDisruptionBudget")).as(k).containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
            assertThat(m.names("ServiceMonitor")).as(k).containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
            assertThat(m.names("NetworkPolicy")).as(k).containsAll(Manifests.SERVICES).contains("mongodb");
            assertThat(m.names("ConfigMap")).as(k).hasSize(4);
            assertThat(m.names("Kafka")).as(k).containsExactly("mailstream-kafka");
            assertThat(m.names("KafkaTopic")).as(k).containsExactly("mailstream-mailbox-events");
            assertThat(m.names("MongoDBCommunity")).as(k).containsExactly("mailstream-mongodb");
            assertThat(m.names("Certificate")).as(k).containsExactly("mailstream-tls");
            for (HasMetadata r : m.all()) {
                assertThat(r.getMetadata().getLabels()).as("%s %s", k, r.getMetadata().getName())
                        .containsEntry("app.kubernetes.io/part-of", "mailstream");
            }
        }
    }

    @Test
    void servicesExposeTheMailPortsAsTheIssueAsks() {
        Manifests m = Rendered.of("overlays/production");
        assertThat(ports(m, "store-service")).isEqualTo(Map.of(8080, "http"));
        assertThat(ports(m, "imap-service")).isEqualTo(Map.of(143, "imap", 993, "imaps"));
        assertThat(ports(m, "pop3-service")).isEqualTo(Map.of(110, "pop3", 995, "pop3s"));
        assertThat(ports(m, "lmtp-service")).isEqualTo(Map.of(24, "lmtp", 8083, "http"));
        assertThat(type(m, "store-service")).isEqualTo("ClusterIP");
        assertThat(type(m, "lmtp-service")).isEqualTo("ClusterIP");
        for (String lb : List.of("imap-service", "pop3-service")) {
            Service s = m.find(Service.class, lb).orElseThrow();
            assertThat(s.getSpec().getType()).isEqualTo("LoadBalancer");
            assertThat(s.getSpec().getExternalTrafficPolicy()).as("client addresses preserved").isEqualTo("Local");
            assertThat(type(m, lb + "-http")).as("metrics stay internal").isEqualTo("ClusterIP");
        }
    }

    @Test
    void devRunsOneFixedReplicaOfEachOnOneKafkaNodeAndOneMongoMember() {
        Manifests dev = Rendered.of("overlays/dev");
        for (Deployment d : dev.all(Deployment.class)) {
            assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isEqualTo(1);
            assertThat(ContainerEnv.container(d).getImage()).endsWith(":dev");
            assertThat(d.getMetadata().getLabels()).containsEntry("mailstream.io/environment", "dev");
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("mailstream.io/environment", "dev");
        }
        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(dev.all(PodDisruptionBudget.class)).allMatch(b -> b.getSpec().getMaxUnavailable() != null,
                "a budget that still lets a single-replica node drain");
        assertThat((Number) spec(dev, "KafkaNodePool", "replicas")).isEqualTo(1);
        assertThat((Number) spec(dev, "KafkaTopic", "replicas")).isEqualTo(1);
        assertThat((Number) spec(dev, "MongoDBCommunity", "members")).isEqualTo(1);
        assertThat(dev.names("Secret")).as("placeholders so dev applies as is")
                .containsExactlyInAnyOrder("mailstream-secrets", "mailstream-mongodb-password");
    }

    @Test
    void productionPinsImagesGrowsPodsLeavesReplicasToAutoscalersAndShipsNoSecrets() {
        Manifests base = Rendered.of("base");
        Manifests prod = Rendered.of("overlays/production");
        for (Deployment d : prod.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            assertThat(d.getSpec().getReplicas()).as(name).isNull();
            assertThat(ContainerEnv.container(d).getImage()).isEqualTo("mailstream/" + name + ":0.1.0");
            Deployment b = base.find(Deployment.class, name).orElseThrow();
            for (String r : List.of("cpu", "memory")) {
                assertThat(bytes(ContainerEnv.container(d).getResources().getRequests().get(r)))
                        .as("%s %s request", name, r)
                        .isGreaterThan(bytes(ContainerEnv.container(b).getResources().getRequests().get(r)));
            }
            HorizontalPodAutoscaler h = prod.find(HorizontalPodAutoscaler.class, name).orElseThrow();
            assertThat(h.getSpec().getMinReplicas()).as(name).isGreaterThanOrEqualTo(2);
        }
        assertThat(prod.all(Secret.class)).as("real secrets are created out of band").isEmpty();
        assertThat(prod.names("Issuer")).as("no self-signed issuer in production").isEmpty();
        assertThat((String) spec(prod, "Certificate", "issuerRef", "kind")).isEqualTo("ClusterIssuer");
        assertThat((Number) spec(prod, "KafkaNodePool", "replicas")).isEqualTo(3);
        assertThat((Number) spec(prod, "KafkaTopic", "replicas")).isEqualTo(3);
        assertThat((Number) spec(prod, "MongoDBCommunity", "members")).isEqualTo(3);
        assertThat(prod.find(HorizontalPodAutoscaler.class, "imap-service").orElseThrow().getSpec().getMetrics())
                .anyMatch(metric -> "Pods".equals(metric.getType())
                        && "mailstream_imap_sessions".equals(metric.getPods().getMetric().getName()));
    }

    private static BigDecimal bytes(Quantity q) {
        return Quantity.getAmountInBytes(q);
    }

    private static Object spec(Manifests m, String kind, String... path) {
        GenericKubernetesResource r = m.custom(kind).get(0);
        Object[] full = new Object[path.length + 1];
        full[0] = "spec";
        System.arraycopy(path, 0, full, 1, path.length);
        return r.get(full);
    }

    private static Map<Integer, String> ports(Manifests m, String service) {
        return m.find(Service.class, service).orElseThrow().getSpec().getPorts().stream()
                .collect(Collectors.toMap(p -> p.getPort(), p -> WiringChecks.intOrString(p.getTargetPort())));
    }

    private static String type(Manifests m, String service) {
        return m.find(Service.class, service).orElseThrow().getSpec().getType();
    }
}
