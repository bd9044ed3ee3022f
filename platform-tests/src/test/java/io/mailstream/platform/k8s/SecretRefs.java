package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The secrets a rendered set can rely on, with their keys: those it contains, those operators
 * create from its resources (cert-manager from a Certificate, the MongoDB Community operator for
 * each user), and those an overlay documents as created out of band.
 */
final class SecretRefs {
    /** Secrets the production overlay expects to exist before it is applied (README, "Run on Kubernetes"). */
    static final Map<String, Set<String>> CREATED_BY_OPERATOR_OF_THE_CLUSTER = Map.of(
            "mailstream-secrets", Set.of("store-secret", "admin-token"),
            "mailstream-mongodb-password", Set.of("password"));

    private SecretRefs() {
    }

    static Set<String> keys(Secret s) {
        Set<String> keys = new TreeSet<>();
        if (s.getData() != null) {
            keys.addAll(s.getData().keySet());
        }
        if (s.getStringData() != null) {
            keys.addAll(s.getStringData().keySet());
        }
        return keys;
    }

    /** Secret name to keys, for every secret the set may reference. */
    static Map<String, Set<String>> available(Manifests m, Map<String, Set<String>> external) {
        Map<String, Set<String>> out = new HashMap<>(external);
        for (Secret s : m.all(Secret.class)) {
            out.put(s.getMetadata().getName(), keys(s));
        }
        for (GenericKubernetesResource cert : m.custom("Certificate")) {
            out.put(cert.get("spec", "secretName"), Set.of("tls.crt", "tls.key", "ca.crt"));
        }
        for (GenericKubernetesResource mdb : m.custom("MongoDBCommunity")) {
            List<Map<String, Object>> users = mdb.get("spec", "users");
            for (Map<String, Object> u : users == null ? List.<Map<String, Object>>of() : users) {
                Object name = u.get("connectionStringSecretName");
                if (name == null) {
                    name = mdb.getMetadata().getName() + "-" + u.get("db") + "-" + u.get("name");
                }
                out.put(String.valueOf(name), Set.of("connectionString.standard", "connectionString.standardSrv",
                        "username", "password"));
            }
        }
        return out;
    }
}
