package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The manifests against the services' configuration: every variable set is a key the service
 * declares, the container ports are the ports the service is configured to listen on, and the
 * addresses, topic, database, secrets and TLS files it is given lead to what the manifests create.
 */
final class ConfigChecks {
    /** Container port name to the setting that opens that listener. */
    static final Map<String, String> PORT_KEYS = Map.of("http", "QUARKUS_HTTP_PORT", "imap", "MAILSTREAM_IMAP_PORT",
            "imaps", "MAILSTREAM_IMAP_TLS_PORT", "pop3", "MAILSTREAM_POP3_PORT", "pop3s", "MAILSTREAM_POP3_TLS_PORT",
            "lmtp", "MAILSTREAM_LMTP_PORT");
    /** Container port name to the setting of the address that listener binds (loopback by default). */
    static final Map<String, String> HOST_KEYS = Map.of("http", "QUARKUS_HTTP_HOST", "imap", "MAILSTREAM_IMAP_HOST",
            "imaps", "MAILSTREAM_IMAP_HOST", "pop3", "MAILSTREAM_POP3_HOST", "pop3s", "MAILSTREAM_POP3_HOST",
            "lmtp", "MAILSTREAM_LMTP_HOST");
    /** What each service must be given in a cluster (beyond its ports and hosts). */
    static final Map<String, Set<String>> REQUIRED = Map.of(
            "store-service", Set.of("QUARKUS_MONGODB_CONNECTION_STRING", "MAILSTREAM_STORE_DATABASE",
                    "KAFKA_BOOTSTRAP_SERVERS", "MAILSTREAM_EVENTS_TOPIC", "MAILSTREAM_STORE_SECRET",
                    "MAILSTREAM_ADMIN_TOKEN"),
            "imap-service", Set.of("MAILSTREAM_STORE_URL", "MAILSTREAM_STORE_SECRET", "KAFKA_BOOTSTRAP_SERVERS",
                    "MAILSTREAM_EVENTS_TOPIC", "MAILSTREAM_TLS_CERT_FILE", "MAILSTREAM_TLS_KEY_FILE",
                    "MAILSTREAM_INSTANCE_ID"),
            "pop3-service", Set.of("MAILSTREAM_STORE_URL", "MAILSTREAM_STORE_SECRET", "MAILSTREAM_TLS_CERT_FILE",
                    "MAILSTREAM_TLS_KEY_FILE", "MAILSTREAM_INSTANCE_ID"),
            "lmtp-service", Set.of("MAILSTREAM_STORE_URL", "MAILSTREAM_STORE_SECRET", "MAILSTREAM_TLS_CERT_FILE",
                    "MAILSTREAM_TLS_KEY_FILE", "MAILSTREAM_INSTANCE_ID"));
    /** Settings that must come from a Secret, never a literal. */
    static final Set<String> SECRET_KEYS = Set.of("MAILSTREAM_STORE_SECRET", "MAILSTREAM_ADMIN_TOKEN",
            "QUARKUS_MONGODB_CONNECTION_STRING");

    private ConfigChecks() {
    }

    /** Variables a manifest sets that are not configuration keys of the service (strict). */
    static List<String> undeclared(Manifests m, ServiceKeys keys) {
        List<String> v = new ArrayList<>();
        for (Deployment d : m.all(Deployment.class)) {
            String module = d.getMetadata().getName();
            Set<String> declared = keys.envNames(module);
            for (ContainerEnv.Var var : ContainerEnv.of(m, d, v).values()) {
                if (!declared.contains(var.name())) {
                    v.add(module + ": " + var.name() + " (" + var.origin() + ") is not a configuration key of " + module
                            + (declared.isEmpty() ? " (it declares none: no application.properties)" : ""));
                }
            }
        }
        return v;
    }

    /** The env names the manifests set, per service: what the services must declare. */
    static Map<String, Set<String>> used(Manifests m) {
        Map<String, Set<String>> out = new java.util.TreeMap<>();
        for (Deployment d : m.all(Deployment.class)) {
            out.put(d.getMetadata().getName(), new TreeSet<>(ContainerEnv.of(m, d, new ArrayList<>()).keySet()));
        }
        return out;
    }

    static List<String> wiring(Manifests m, ServiceKeys keys, Map<String, Set<String>> externalSecrets) {
        List<String> v = new ArrayList<>();
        Map<String, Set<String>> secrets = SecretRefs.available(m, externalSecrets);
        Set<List<String>> serviceSecrets = new HashSet<>();
        Set<String> topics = new HashSet<>();
        for (Deployment d : m.all(Deployment.class)) {
            String module = d.getMetadata().getName();
            Map<String, ContainerEnv.Var> env = ContainerEnv.of(m, d, v);
            for (String required : REQUIRED.getOrDefault(module, Set.of())) {
                if (!env.containsKey(required)) {
                    v.add(module + ": " + required + " is not set");
                }
            }
            for (var port : ContainerEnv.container(d).getPorts()) {
                String portKey = PORT_KEYS.get(port.getName());
                if (portKey == null) {
                    v.add(module + ": no setting is known for container port " + port.getName());
                    continue;
                }
                String configured = effective(env, keys, module, portKey);
                if (!String.valueOf(port.getContainerPort()).equals(configured)) {
                    v.add(module + ": container port " + port.getName() + " is " + port.getContainerPort() + " but "
                            + portKey + " is " + configured);
                }
                String host = effective(env, keys, module, HOST_KEYS.get(port.getName()));
                if (!"0.0.0.0".equals(host)) {
                    v.add(module + ": " + HOST_KEYS.get(port.getName()) + " is " + host
                            + ", unreachable from outside the pod (bind 0.0.0.0)");
                }
            }
            for (ContainerEnv.Var var : env.values()) {
                if (var.secret() != null && !secrets.getOrDefault(var.secret(), Set.of()).contains(var.secretKey())) {
                    v.add(module + ": " + var.name() + " refers to secret " + var.secret() + " key " + var.secretKey()
                            + ", which nothing here provides");
                }
                if (SECRET_KEYS.contains(var.name()) && var.secret() == null) {
                    v.add(module + ": " + var.name() + " must come from a Secret");
                }
            }
            if (env.containsKey("MAILSTREAM_STORE_SECRET")) {
                serviceSecrets.add(List.of(String.valueOf(env.get("MAILSTREAM_STORE_SECRET").secret()),
                        String.valueOf(env.get("MAILSTREAM_STORE_SECRET").secretKey())));
            }
            if (env.containsKey("MAILSTREAM_INSTANCE_ID")
                    && !"metadata.name".equals(env.get("MAILSTREAM_INSTANCE_ID").fieldPath())) {
                v.add(module + ": MAILSTREAM_INSTANCE_ID must be the pod name (fieldRef metadata.name), unique per replica");
            }
            endpoints(module, env, keys, v);
            storeUrl(m, module, env, v);
            kafka(m, module, env, topics, v);
            mongodb(m, module, env, keys, v);
            TlsFiles.check(m, d, env, v);
        }
        if (serviceSecrets.size() > 1) {
            v.add("the store and the front-ends must share one service secret, found " + serviceSecrets);
        }
        if (topics.size() > 1) {
            v.add("the store publishes and the IMAP service consumes different topics: " + topics);
        }
        return v;
    }

    /** The value a service will run with: the manifests' literal, else the declared default. */
    static String effective(Map<String, ContainerEnv.Var> env, ServiceKeys keys, String module, String envName) {
        ContainerEnv.Var var = env.get(envName);
        return var != null ? var.literal() : keys.defaultOf(module, envName);
    }

    /** Probes and ServiceMonitors use the Quarkus default paths: the service must not move them. */
    private static void endpoints(String module, Map<String, ContainerEnv.Var> env, ServiceKeys keys, List<String> v) {
        Map<String, Set<String>> expected = Map.of("QUARKUS_HTTP_ROOT_PATH", Set.of("/"),
                "QUARKUS_HTTP_NON_APPLICATION_ROOT_PATH", Set.of("q", "/q"),
                "QUARKUS_SMALLRYE_HEALTH_ROOT_PATH", Set.of("health", "/q/health"),
                "QUARKUS_MICROMETER_EXPORT_PROMETHEUS_PATH", Set.of("metrics", "/q/metrics"));
        expected.forEach((key, paths) -> {
            String value = effective(env, keys, module, key);
            if (value != null && !paths.contains(value)) {
                v.add(module + ": " + key + " is " + value + ", the probes and ServiceMonitors expect " + paths);
            }
        });
    }

    private static void storeUrl(Manifests m, String module, Map<String, ContainerEnv.Var> env, List<String> v) {
        ContainerEnv.Var url = env.get("MAILSTREAM_STORE_URL");
        if (url == null) {
            return;
        }
        URI uri = URI.create(String.valueOf(url.literal()));
        String host = uri.getHost() == null ? "" : uri.getHost();
        String serviceName = host.split("\\.")[0];
        boolean ok = "http".equals(uri.getScheme()) && (host.equals(serviceName)
                || host.startsWith(serviceName + "." + Manifests.NAMESPACE + ".svc"));
        Service s = m.find(Service.class, serviceName).orElse(null);
        ServicePort port = s == null ? null : s.getSpec().getPorts().stream()
                .filter(p -> p.getPort() == uri.getPort()).findFirst().orElse(null);
        PodShape store = m.pods().stream().filter(p -> "Deployment/store-service".equals(p.owner())).findFirst().orElse(null);
        if (!ok || port == null || store == null || !Selectors.matches(s.getSpec().getSelector(), store.labels())
                || !Objects.equals(store.resolve(WiringChecks.intOrString(port.getTargetPort())), store.namedPorts().get("http"))) {
            v.add(module + ": MAILSTREAM_STORE_URL " + url.literal() + " does not reach the store's HTTP port through a Service");
        }
    }

    private static void kafka(Manifests m, String module, Map<String, ContainerEnv.Var> env, Set<String> topics,
            List<String> v) {
        ContainerEnv.Var servers = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (servers == null) {
            return;
        }
        GenericKubernetesResource cluster = null;
        for (GenericKubernetesResource k : m.custom("Kafka")) {
            for (KafkaListeners.Listener l : KafkaListeners.of(k)) {
                if (!l.tls() && KafkaListeners.bootstrap(k, l).equals(servers.literal())) {
                    cluster = k;
                }
            }
        }
        if (cluster == null) {
            v.add(module + ": KAFKA_BOOTSTRAP_SERVERS " + servers.literal() + " is no plaintext listener of a Kafka here");
            return;
        }
        ContainerEnv.Var topic = env.get("MAILSTREAM_EVENTS_TOPIC");
        String name = topic == null ? null : topic.literal();
        topics.add(String.valueOf(name));
        String clusterName = cluster.getMetadata().getName();
        boolean exists = m.custom("KafkaTopic").stream().anyMatch(t ->
                clusterName.equals(t.getMetadata().getLabels().get("strimzi.io/cluster"))
                        && Objects.equals(name, Objects.requireNonNullElse(t.get("spec", "topicName"), t.getMetadata().getName())));
        if (!exists) {
            v.add(module + ": MAILSTREAM_EVENTS_TOPIC " + name + " is no KafkaTopic of " + clusterName
                    + " (the cluster does not create topics on demand)");
        }
    }

    private static void mongodb(Manifests m, String module, Map<String, ContainerEnv.Var> env, ServiceKeys keys,
            List<String> v) {
        ContainerEnv.Var conn = env.get("QUARKUS_MONGODB_CONNECTION_STRING");
        if (conn == null || conn.secret() == null) {
            return;
        }
        String database = effective(env, keys, module, "MAILSTREAM_STORE_DATABASE");
        for (GenericKubernetesResource mdb : m.custom("MongoDBCommunity")) {
            List<Map<String, Object>> users = mdb.get("spec", "users");
            for (Map<String, Object> u : users) {
                if (conn.secret().equals(u.get("connectionStringSecretName"))) {
                    boolean canWrite = Yamls.list(u.get("roles")).stream().map(Yamls::map).anyMatch(r ->
                            Objects.equals(database, r.get("db")) && Set.of("readWrite", "dbOwner").contains(r.get("name")));
                    if (!canWrite) {
                        v.add(module + ": MongoDB user " + u.get("name") + " cannot write database " + database);
                    }
                    return;
                }
            }
        }
        v.add(module + ": QUARKUS_MONGODB_CONNECTION_STRING comes from " + conn.secret()
                + ", which is no connection string secret of a MongoDBCommunity user");
    }
}
