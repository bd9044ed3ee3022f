package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pod as far as selectors and ports go: the labels and container ports of a Deployment's pod
 * template, or of the pods an operator creates for a custom resource (labels as Strimzi and the
 * MongoDB Community operator set them).
 *
 * @param owner      kind/name of what creates the pod
 * @param namedPorts container port name to number
 * @param ports      every container port number
 */
record PodShape(String owner, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts,
        Set<Integer> ports) {

    static List<PodShape> of(Manifests m) {
        List<PodShape> out = new ArrayList<>();
        for (Deployment d : m.all(Deployment.class)) {
            Map<String, Integer> named = new HashMap<>();
            Set<Integer> numbers = new HashSet<>();
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
                    numbers.add(p.getContainerPort());
                    if (p.getName() != null) {
                        named.put(p.getName(), p.getContainerPort());
                    }
                }
            }
            out.add(new PodShape("Deployment/" + d.getMetadata().getName(), d.getMetadata().getNamespace(),
                    d.getSpec().getTemplate().getMetadata().getLabels(), named, numbers));
        }
        for (GenericKubernetesResource pool : m.custom("KafkaNodePool")) {
            String cluster = pool.getMetadata().getLabels().get("strimzi.io/cluster");
            List<String> roles = pool.get("spec", "roles");
            Map<String, String> labels = new HashMap<>(Map.of("strimzi.io/cluster", cluster,
                    "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka",
                    "strimzi.io/pool-name", pool.getMetadata().getName()));
            Set<Integer> ports = new HashSet<>(Set.of(9090, 9091));
            for (String role : roles) {
                labels.put("strimzi.io/" + role + "-role", "true");
            }
            m.custom("Kafka").stream().filter(k -> k.getMetadata().getName().equals(cluster))
                    .forEach(k -> KafkaListeners.of(k).forEach(l -> ports.add(l.port())));
            out.add(new PodShape("KafkaNodePool/" + pool.getMetadata().getName(), pool.getMetadata().getNamespace(),
                    labels, Map.of(), ports));
        }
        for (GenericKubernetesResource mdb : m.custom("MongoDBCommunity")) {
            out.add(new PodShape("MongoDBCommunity/" + mdb.getMetadata().getName(), mdb.getMetadata().getNamespace(),
                    Map.of("app", mdb.getMetadata().getName() + "-svc"), Map.of("mongodb", 27017), Set.of(27017)));
        }
        return out;
    }

    /** The number of a port given by name or number, or null when this pod has no such port. */
    Integer resolve(String nameOrNumber) {
        if (nameOrNumber.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(nameOrNumber);
            return ports.contains(n) ? n : null;
        }
        return namedPorts.get(nameOrNumber);
    }

    String module() {
        return owner.startsWith("Deployment/") ? owner.substring("Deployment/".length()) : null;
    }
}
