package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The custom resources the operators act on: apiVersion, kind and the fields each operator
 * requires, and their consistency (node pools and topics belong to an existing Kafka cluster,
 * replication fits the brokers, issuers and password secrets exist).
 */
final class OperatorChecks {
    private OperatorChecks() {
    }

    static List<String> all(Manifests m, Map<String, Set<String>> externalSecrets) {
        List<String> v = new ArrayList<>();
        for (GenericKubernetesResource r : m.all(GenericKubernetesResource.class)) {
            String expected = Manifests.CUSTOM_KINDS.get(r.getKind());
            if (expected == null || !expected.equals(r.getApiVersion())) {
                v.add(r.getApiVersion() + " " + r.getKind() + "/" + r.getMetadata().getName()
                        + ": not a known custom resource version (" + expected + ")");
            }
        }
        kafka(m, v);
        mongodb(m, v, externalSecrets);
        certificates(m, v);
        return v;
    }

    private static void kafka(Manifests m, List<String> v) {
        for (GenericKubernetesResource k : m.custom("Kafka")) {
            String where = "Kafka/" + k.getMetadata().getName();
            Map<String, String> annotations = k.getMetadata().getAnnotations();
            if (annotations == null || !"enabled".equals(annotations.get("strimzi.io/kraft"))
                    || !"enabled".equals(annotations.get("strimzi.io/node-pools"))) {
                v.add(where + ": must run in KRaft mode with node pools (strimzi.io/kraft, strimzi.io/node-pools)");
            }
            if (KafkaListeners.of(k).isEmpty()) {
                v.add(where + ": has no listener");
            }
            if (!m.custom("KafkaTopic").isEmpty() && k.get("spec", "entityOperator", "topicOperator") == null) {
                v.add(where + ": KafkaTopics need the topic operator (spec.entityOperator.topicOperator)");
            }
            int brokers = 0;
            boolean controllers = false;
            for (GenericKubernetesResource pool : poolsOf(m, k.getMetadata().getName())) {
                List<String> roles = pool.get("spec", "roles");
                Number replicas = pool.get("spec", "replicas");
                if (roles == null || replicas == null || pool.get("spec", "storage", "type") == null) {
                    v.add("KafkaNodePool/" + pool.getMetadata().getName() + ": needs replicas, roles and storage");
                    continue;
                }
                brokers += roles.contains("broker") ? replicas.intValue() : 0;
                controllers |= roles.contains("controller") && replicas.intValue() > 0;
            }
            if (brokers == 0 || !controllers) {
                v.add(where + ": its node pools must provide brokers and controllers");
            }
            Map<String, Object> config = k.get("spec", "kafka", "config");
            for (String rf : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                    "default.replication.factor")) {
                if (config != null && config.get(rf) != null && ((Number) config.get(rf)).intValue() > brokers) {
                    v.add(where + ": " + rf + " " + config.get(rf) + " exceeds its " + brokers + " brokers");
                }
            }
            for (GenericKubernetesResource t : m.custom("KafkaTopic")) {
                if (k.getMetadata().getName().equals(t.getMetadata().getLabels().get("strimzi.io/cluster"))) {
                    topic(t, brokers, config, v);
                }
            }
        }
        for (GenericKubernetesResource pool : m.custom("KafkaNodePool")) {
            requireCluster(m, pool, v);
        }
        for (GenericKubernetesResource topic : m.custom("KafkaTopic")) {
            requireCluster(m, topic, v);
        }
    }

    private static void topic(GenericKubernetesResource t, int brokers, Map<String, Object> cluster, List<String> v) {
        String where = "KafkaTopic/" + t.getMetadata().getName();
        Number partitions = t.get("spec", "partitions");
        Number replicas = t.get("spec", "replicas");
        if (partitions == null || partitions.intValue() < 1 || replicas == null || replicas.intValue() < 1) {
            v.add(where + ": needs partitions and replicas");
            return;
        }
        if (replicas.intValue() > brokers) {
            v.add(where + ": " + replicas + " replicas on " + brokers + " brokers");
        }
        Object minIsr = t.get("spec", "config", "min.insync.replicas");
        if (minIsr == null && cluster != null) {
            minIsr = cluster.get("min.insync.replicas");
        }
        int isr = minIsr == null ? 1 : ((Number) minIsr).intValue();
        if (isr > replicas.intValue() || (replicas.intValue() > 1 && isr == replicas.intValue())) {
            v.add(where + ": min.insync.replicas " + isr + " with " + replicas
                    + " replicas (acks=all writes would stop when one broker is down)");
        }
        if (t.get("spec", "config", "retention.ms") == null) {
            v.add(where + ": no retention.ms");
        }
    }

    private static List<GenericKubernetesResource> poolsOf(Manifests m, String cluster) {
        return m.custom("KafkaNodePool").stream()
                .filter(p -> cluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster"))).toList();
    }

    private static void requireCluster(Manifests m, GenericKubernetesResource r, List<String> v) {
        String cluster = r.getMetadata().getLabels() == null ? null : r.getMetadata().getLabels().get("strimzi.io/cluster");
        if (cluster == null || !m.names("Kafka").contains(cluster)) {
            v.add(r.getKind() + "/" + r.getMetadata().getName() + ": strimzi.io/cluster " + cluster + " is no Kafka here");
        }
    }

    private static void mongodb(Manifests m, List<String> v, Map<String, Set<String>> externalSecrets) {
        Map<String, Set<String>> secrets = SecretRefs.available(m, externalSecrets);
        for (GenericKubernetesResource mdb : m.custom("MongoDBCommunity")) {
            String where = "MongoDBCommunity/" + mdb.getMetadata().getName();
            Number members = mdb.get("spec", "members");
            String version = mdb.get("spec", "version");
            if (!"ReplicaSet".equals(mdb.get("spec", "type")) || members == null || members.intValue() < 1) {
                v.add(where + ": must be a ReplicaSet with at least one member");
            }
            if (version == null || !version.startsWith("7.")) {
                v.add(where + ": MongoDB " + version + ", the platform targets MongoDB 7");
            }
            List<Map<String, Object>> users = mdb.get("spec", "users");
            if (users == null || users.isEmpty()) {
                v.add(where + ": no users");
                continue;
            }
            for (Map<String, Object> u : users) {
                Map<String, Object> ref = Yamls.map(u.get("passwordSecretRef"));
                String secret = ref == null ? null : String.valueOf(ref.get("name"));
                String key = ref == null || ref.get("key") == null ? "password" : String.valueOf(ref.get("key"));
                if (secret == null || !secrets.getOrDefault(secret, Set.of()).contains(key)) {
                    v.add(where + ": user " + u.get("name") + " needs password secret " + secret + " with key " + key);
                }
                if (u.get("scramCredentialsSecretName") == null || u.get("db") == null || u.get("roles") == null) {
                    v.add(where + ": user " + u.get("name") + " needs db, roles and scramCredentialsSecretName");
                }
            }
        }
    }

    private static void certificates(Manifests m, List<String> v) {
        for (GenericKubernetesResource c : m.custom("Certificate")) {
            String where = "Certificate/" + c.getMetadata().getName();
            List<String> dnsNames = c.get("spec", "dnsNames");
            if (c.get("spec", "secretName") == null || dnsNames == null || dnsNames.isEmpty()) {
                v.add(where + ": needs secretName and dnsNames");
            }
            if (!"PKCS8".equals(c.get("spec", "privateKey", "encoding"))) {
                v.add(where + ": the services read a PKCS#8 PEM key (privateKey.encoding: PKCS8)");
            }
            String kind = c.get("spec", "issuerRef", "kind");
            String issuer = c.get("spec", "issuerRef", "name");
            if ("Issuer".equals(kind) ? !m.names("Issuer").contains(issuer) : !"ClusterIssuer".equals(kind)) {
                v.add(where + ": issuerRef " + kind + "/" + issuer + " does not exist here (ClusterIssuers are the cluster's)");
            }
        }
        for (GenericKubernetesResource i : m.custom("Issuer")) {
            Map<String, Object> spec = i.get("spec");
            if (spec == null || spec.keySet().stream().noneMatch(Set.of("selfSigned", "ca", "acme", "vault")::contains)) {
                v.add("Issuer/" + i.getMetadata().getName() + ": no issuer type (selfSigned, ca, acme, vault)");
            }
        }
    }
}
