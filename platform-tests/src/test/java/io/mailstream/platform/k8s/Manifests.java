package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A rendered set of manifests as typed fabric8 objects (custom resources as GenericKubernetesResource). */
final class Manifests {
    /** The custom resources the manifests use, from Strimzi, cert-manager, MongoDB and Prometheus operators. */
    static final Map<String, String> CUSTOM_KINDS = Map.of(
            "Kafka", "kafka.strimzi.io/v1beta2",
            "KafkaNodePool", "kafka.strimzi.io/v1beta2",
            "KafkaTopic", "kafka.strimzi.io/v1beta2",
            "Certificate", "cert-manager.io/v1",
            "Issuer", "cert-manager.io/v1",
            "MongoDBCommunity", "mongodbcommunity.mongodb.com/v1",
            "ServiceMonitor", "monitoring.coreos.com/v1");
    /** The modules that run as Deployments; each Deployment and its container carry the module's name. */
    static final List<String> SERVICES = List.of("store-service", "imap-service", "pop3-service", "lmtp-service");
    static final String NAMESPACE = "mailstream";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> resources;

    Manifests(List<HasMetadata> resources) {
        this.resources = resources;
    }

    static Path k8s() {
        return ServiceKeys.repoRoot().resolve("k8s");
    }

    /** Renders a kustomization under k8s/ ("base", "overlays/dev", ...) and types every resource. */
    static Manifests render(String kustomization) throws IOException {
        List<HasMetadata> typed = new ArrayList<>();
        for (Map<String, Object> doc : Kustomize.render(k8s().resolve(kustomization))) {
            typed.add(typed(doc));
        }
        return new Manifests(typed);
    }

    /** The registered fabric8 model class of a document's apiVersion and kind, or null for a custom resource. */
    static Class<? extends KubernetesResource> modelClass(Map<String, Object> doc) {
        return SERIALIZATION.getRegisteredKubernetesResource(String.valueOf(doc.get("apiVersion")),
                String.valueOf(doc.get("kind")));
    }

    static HasMetadata typed(Map<String, Object> doc) {
        Class<? extends KubernetesResource> type = modelClass(doc);
        if (type == null) {
            return SERIALIZATION.convertValue(doc, GenericKubernetesResource.class);
        }
        return (HasMetadata) SERIALIZATION.convertValue(doc, type);
    }

    /** A deep copy, for tests that mutate manifests. */
    Manifests copy() {
        return new Manifests(resources.stream().map(SERIALIZATION::clone).collect(Collectors.toCollection(ArrayList::new)));
    }

    List<HasMetadata> all() {
        return resources;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind()))
                .collect(Collectors.toList());
    }

    Set<String> names(String kind) {
        return resources.stream().filter(r -> kind.equals(r.getKind())).map(r -> r.getMetadata().getName())
                .collect(Collectors.toSet());
    }

    void remove(HasMetadata r) {
        resources.remove(r);
    }

    /** Every pod these manifests lead to: from Deployments, and from the operators' resources. */
    List<PodShape> pods() {
        return PodShape.of(this);
    }
}
