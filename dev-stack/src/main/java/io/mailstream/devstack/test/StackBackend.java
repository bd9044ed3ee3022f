package io.mailstream.devstack.test;

import java.util.Locale;

/** Which servers the test stack runs. */
public enum StackBackend {
    /** In-process Kafka and embedded MongoDB: no Docker needed (the default). */
    EMBEDDED,
    /** Testcontainers {@code mongo:7} and {@code apache/kafka}. */
    CONTAINERS;

    public static final String PROPERTY = "mailstream.test.backend";
    public static final String ENV = "MAILSTREAM_TEST_BACKEND";

    /** From the system property, else the environment variable, else {@link #EMBEDDED}. */
    public static StackBackend fromEnvironment() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENV);
        }
        return parse(value);
    }

    static StackBackend parse(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "embedded":
                return EMBEDDED;
            case "containers":
                return CONTAINERS;
            default:
                throw new IllegalArgumentException(PROPERTY + " / " + ENV + " must be 'embedded' or 'containers', not '"
                        + value + "'");
        }
    }
}
