package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The listeners of a Strimzi Kafka cluster. Strimzi writes one NetworkPolicy per cluster: each
 * listener's port is open to its networkPolicyPeers, or to everyone when it lists none.
 */
final class KafkaListeners {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KafkaListeners() {
    }

    /** @param peers the networkPolicyPeers' pod selectors; null when the listener lists none */
    record Listener(String name, int port, boolean tls, List<LabelSelector> peers) {
    }

    static List<Listener> of(GenericKubernetesResource kafka) {
        List<Listener> out = new ArrayList<>();
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        for (Map<String, Object> l : listeners == null ? List.<Map<String, Object>>of() : listeners) {
            List<LabelSelector> peers = null;
            if (l.get("networkPolicyPeers") != null) {
                peers = new ArrayList<>();
                for (Object peer : Yamls.list(l.get("networkPolicyPeers"))) {
                    Map<String, Object> p = Yamls.map(peer);
                    if (p.keySet().size() != 1 || !p.containsKey("podSelector")) {
                        throw new IllegalArgumentException("only podSelector peers are modelled: " + p);
                    }
                    peers.add(SERIALIZATION.convertValue(p.get("podSelector"), LabelSelector.class));
                }
            }
            out.add(new Listener(String.valueOf(l.get("name")), ((Number) l.get("port")).intValue(),
                    Boolean.TRUE.equals(l.get("tls")), peers));
        }
        return out;
    }

    /** The bootstrap address Strimzi gives a listener: {@code <cluster>-kafka-bootstrap:<port>}. */
    static String bootstrap(GenericKubernetesResource kafka, Listener listener) {
        return kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.port();
    }
}
