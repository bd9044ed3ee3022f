package io.mailstream.devstack.launcher;

import java.util.List;

/**
 * One row of the service table: a Quarkus module the launcher can run.
 *
 * @param module     Maven module; its {@code target/quarkus-app/quarkus-run.jar} is started
 * @param key        READY-line key of the first instance (and instance id prefix)
 * @param role       what configuration it gets
 * @param httpBase   HTTP port (health, metrics, admin) of the first instance
 * @param envPrefix  prefix of its protocol settings, e.g. {@code MAILSTREAM_IMAP_}
 * @param endpoints  protocol ports, in READY-line order
 */
public record ServiceSpec(String module, String key, Role role, int httpBase, String envPrefix,
                          List<Endpoint> endpoints) {

    /** Extra instances take the next ports: IMAP 1143, 1144; IMAPS 1993, 1994; POP3 1110, 1111... */
    public static final int INSTANCE_PORT_STRIDE = 1;

    public enum Role {
        /** The store: MongoDB, Kafka publisher, admin API. Started first, alone. */
        STORE,
        /** A protocol front-end: talks to the store, consumes Kafka, serves TCP (and TLS). */
        FRONT_END
    }

    public static ServiceSpec store(String module, int httpPort) {
        return new ServiceSpec(module, "store", Role.STORE, httpPort, "", List.of());
    }

    public static ServiceSpec frontEnd(String module, String key, int httpBase, String envPrefix,
                                       Endpoint... endpoints) {
        return new ServiceSpec(module, key, Role.FRONT_END, httpBase, envPrefix, List.of(endpoints));
    }

    /** Instance {@code index} (1-based) of this service. */
    public ServiceInstance instance(int index) {
        if (index < 1) {
            throw new IllegalArgumentException("instances are numbered from 1");
        }
        String name = index == 1 ? module : module + "-" + index;
        return new ServiceInstance(this, index, name, httpBase + index - 1);
    }

    /** The port of {@code endpoint} for instance {@code index}. */
    public static int port(Endpoint endpoint, int index) {
        return endpoint.basePort() + INSTANCE_PORT_STRIDE * (index - 1);
    }

    /**
     * READY key of {@code endpointKey} for instance {@code index}: {@code imap2}, {@code imaps2};
     * {@code pop3-2}, {@code pop3s-2} (a dash when the service's key ends in a digit).
     */
    public String readyKey(String endpointKey, int index) {
        if (index == 1) {
            return endpointKey;
        }
        return Character.isDigit(key.charAt(key.length() - 1)) ? endpointKey + "-" + index : endpointKey + index;
    }
}
