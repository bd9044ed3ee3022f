package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who may open a connection to a pod's port under the rendered NetworkPolicies (ingress), with
 * the semantics of the API: a pod no policy selects accepts everything; a selected pod accepts
 * what at least one rule of one selecting policy allows. Strimzi's generated policy is modelled
 * from each Kafka listener's networkPolicyPeers.
 */
final class NetworkPolicyModel {

    /** Where a connection comes from: a pod (namespace + labels, namespace labels) or outside the cluster. */
    record Source(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels) {
        static Source pod(String namespace, Map<String, String> labels) {
            return new Source(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels);
        }

        static Source external() {
            return new Source(null, null, null);
        }

        boolean isExternal() {
            return namespace == null;
        }
    }

    private record Rule(String namespace, LabelSelector podSelector, NetworkPolicyIngressRule ingress) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<LabelSelector> isolating = new ArrayList<>();
    private final List<String> isolatingNamespaces = new ArrayList<>();

    NetworkPolicyModel(Manifests m) {
        for (NetworkPolicy np : m.all(NetworkPolicy.class)) {
            isolating.add(np.getSpec().getPodSelector());
            isolatingNamespaces.add(np.getMetadata().getNamespace());
            for (NetworkPolicyIngressRule r : WiringChecks.nullSafe(np.getSpec().getIngress())) {
                rules.add(new Rule(np.getMetadata().getNamespace(), np.getSpec().getPodSelector(), r));
            }
        }
        for (GenericKubernetesResource kafka : m.custom("Kafka")) {
            LabelSelector brokers = new LabelSelector(null, Map.of("strimzi.io/cluster", kafka.getMetadata().getName(),
                    "strimzi.io/kind", "Kafka"));
            isolating.add(brokers);
            isolatingNamespaces.add(kafka.getMetadata().getNamespace());
            for (KafkaListeners.Listener l : KafkaListeners.of(kafka)) {
                NetworkPolicyIngressRule rule = new NetworkPolicyIngressRule();
                rule.setPorts(List.of(new NetworkPolicyPort(null, new io.fabric8.kubernetes.api.model.IntOrString(l.port()), "TCP")));
                if (l.peers() != null) {
                    List<NetworkPolicyPeer> peers = new ArrayList<>();
                    l.peers().forEach(p -> peers.add(new NetworkPolicyPeer(null, null, p)));
                    rule.setFrom(peers);
                }
                rules.add(new Rule(kafka.getMetadata().getNamespace(), brokers, rule));
            }
        }
    }

    boolean allows(Source from, PodShape to, int port) {
        boolean isolated = false;
        for (int i = 0; i < isolating.size(); i++) {
            isolated |= isolatingNamespaces.get(i).equals(to.namespace()) && Selectors.matches(isolating.get(i), to.labels());
        }
        if (!isolated) {
            return true;
        }
        for (Rule r : rules) {
            if (r.namespace().equals(to.namespace()) && Selectors.matches(r.podSelector(), to.labels())
                    && portMatches(r.ingress(), to, port) && peerMatches(r, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(NetworkPolicyIngressRule rule, PodShape to, int port) {
        if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
            return true;
        }
        return rule.getPorts().stream().anyMatch(p -> p.getPort() == null
                || Integer.valueOf(port).equals(to.resolve(WiringChecks.intOrString(p.getPort()))));
    }

    private static boolean peerMatches(Rule r, Source from) {
        List<NetworkPolicyPeer> peers = r.ingress().getFrom();
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer p : peers) {
            if (p.getIpBlock() != null) {
                // Only modelled for sources outside the cluster (pod addresses are implementation-defined).
                if (from.isExternal() && "0.0.0.0/0".equals(p.getIpBlock().getCidr())) {
                    return true;
                }
                continue;
            }
            if (from.isExternal()) {
                continue;
            }
            boolean namespaceOk = p.getNamespaceSelector() == null ? r.namespace().equals(from.namespace())
                    : Selectors.matches(p.getNamespaceSelector(), from.namespaceLabels());
            boolean podOk = p.getPodSelector() == null || Selectors.matches(p.getPodSelector(), from.podLabels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }
}
