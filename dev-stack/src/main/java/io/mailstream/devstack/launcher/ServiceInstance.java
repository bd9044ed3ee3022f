package io.mailstream.devstack.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One process the launcher runs: a service module and its instance number. */
public record ServiceInstance(ServiceSpec spec, int index, String name, int httpPort) {

    /** Every port this instance will listen on, HTTP first. */
    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        ports.add(httpPort);
        for (Endpoint endpoint : spec.endpoints()) {
            ports.add(ServiceSpec.port(endpoint, index));
        }
        return ports;
    }

    /** {@code imap-1}, {@code pop3-2}: what the instance reports itself as. */
    public String instanceId() {
        return spec.key() + "-" + index;
    }

    /** The READY-line entries this instance contributes, in order. */
    public Map<String, String> readyEntries() {
        Map<String, String> entries = new LinkedHashMap<>();
        if (spec.role() == ServiceSpec.Role.STORE) {
            String url = "http://" + DevEnvironment.HOST + ":" + httpPort;
            entries.put(spec.readyKey("store", index), url);
            entries.put(spec.readyKey("admin", index), url);
        }
        for (Endpoint endpoint : spec.endpoints()) {
            entries.put(spec.readyKey(endpoint.key(), index),
                    DevEnvironment.HOST + ":" + ServiceSpec.port(endpoint, index));
        }
        return entries;
    }

    /** The environment variables that configure this instance. */
    public Map<String, String> environment(DevEnvironment env) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        vars.put("QUARKUS_HTTP_HOST", DevEnvironment.HOST);
        vars.put("KAFKA_BOOTSTRAP_SERVERS", env.kafkaBootstrapServers());
        vars.put("MAILSTREAM_STORE_SECRET", env.serviceSecret());
        vars.put("MAILSTREAM_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        if (spec.role() == ServiceSpec.Role.STORE) {
            vars.put("QUARKUS_MONGODB_CONNECTION_STRING", env.mongoConnectionString());
            vars.put("MAILSTREAM_STORE_DATABASE", DevEnvironment.DATABASE);
            vars.put("MAILSTREAM_ADMIN_TOKEN", env.adminToken());
        } else {
            vars.put(spec.envPrefix() + "HOST", DevEnvironment.HOST);
            for (Endpoint endpoint : spec.endpoints()) {
                vars.put(spec.envPrefix() + endpoint.envSuffix(), String.valueOf(ServiceSpec.port(endpoint, index)));
            }
            vars.put("MAILSTREAM_TLS_CERT_FILE", env.tlsCertFile().toString());
            vars.put("MAILSTREAM_TLS_KEY_FILE", env.tlsKeyFile().toString());
            vars.put("MAILSTREAM_STORE_URL", env.storeUrl());
            vars.put("MAILSTREAM_INSTANCE_ID", instanceId());
            // A short shutdown drain: Ctrl-C stops everything within the launcher's grace period.
            if (spec.envPrefix().equals("MAILSTREAM_IMAP_")) {
                vars.put("MAILSTREAM_IMAP_DRAIN_SPREAD", "PT2S");
                vars.put("MAILSTREAM_IMAP_DRAIN_GRACE", "PT3S");
            } else if (spec.envPrefix().equals("MAILSTREAM_POP3_")) {
                vars.put("MAILSTREAM_POP3_DRAIN_TIMEOUT", "PT5S");
            }
        }
        return vars;
    }
}
