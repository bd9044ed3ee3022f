package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment a service's container gets, variable by variable, with where each value comes
 * from: a literal (in the Deployment or a ConfigMap it imports with envFrom), a Secret key, or a
 * field of the pod. Later definitions win, as in Kubernetes ({@code env} over {@code envFrom}).
 */
final class ContainerEnv {

    /**
     * @param literal    the value, when known from the manifests
     * @param secret     the secret name, for a secretKeyRef (or an envFrom secretRef)
     * @param secretKey  the key in that secret
     * @param fieldPath  the pod field, for a fieldRef
     * @param origin     where the variable is set, for messages
     */
    record Var(String name, String literal, String secret, String secretKey, String fieldPath, String origin) {
    }

    private ContainerEnv() {
    }

    static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** The variables of the service container of a Deployment; unresolvable references are reported. */
    static Map<String, Var> of(Manifests m, Deployment d, List<String> violations) {
        String where = "Deployment/" + d.getMetadata().getName();
        Container c = container(d);
        Map<String, Var> out = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
            if (from.getPrefix() != null) {
                violations.add(where + ": envFrom with a prefix is not supported by these checks");
            }
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                Optional<ConfigMap> cm = m.find(ConfigMap.class, name);
                if (cm.isEmpty()) {
                    violations.add(where + ": envFrom ConfigMap " + name + " does not exist");
                    continue;
                }
                Map<String, String> data = cm.get().getData() == null ? Map.of() : cm.get().getData();
                data.forEach((k, v) -> out.put(k, new Var(k, v, null, null, null, "ConfigMap " + name)));
            }
            if (from.getSecretRef() != null) {
                String name = from.getSecretRef().getName();
                Optional<Secret> s = m.find(Secret.class, name);
                if (s.isEmpty()) {
                    violations.add(where + ": envFrom Secret " + name + " must exist to check its keys");
                    continue;
                }
                SecretRefs.keys(s.get()).forEach(k -> out.put(k, new Var(k, null, name, k, null, "Secret " + name)));
            }
        }
        for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
            String origin = where + " env";
            if (e.getValueFrom() == null) {
                out.put(e.getName(), new Var(e.getName(), e.getValue(), null, null, null, origin));
            } else if (e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                out.put(e.getName(), new Var(e.getName(), null, ref.getName(), ref.getKey(), null, origin));
            } else if (e.getValueFrom().getFieldRef() != null) {
                out.put(e.getName(), new Var(e.getName(), null, null, null,
                        e.getValueFrom().getFieldRef().getFieldPath(), origin));
            } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                String value = m.find(ConfigMap.class, ref.getName()).map(cm -> cm.getData().get(ref.getKey()))
                        .orElse(null);
                if (value == null) {
                    violations.add(where + ": " + e.getName() + " refers to missing ConfigMap key " + ref.getName()
                            + "/" + ref.getKey());
                }
                out.put(e.getName(), new Var(e.getName(), value, null, null, null, "ConfigMap " + ref.getName()));
            } else {
                violations.add(where + ": " + e.getName() + " uses an unsupported valueFrom");
            }
        }
        return out;
    }
}
