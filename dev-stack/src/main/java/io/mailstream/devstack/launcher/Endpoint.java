package io.mailstream.devstack.launcher;

/**
 * A TCP port a front-end serves: READY key, environment variable suffix after the service's
 * prefix (e.g. {@code PORT} in {@code MAILSTREAM_IMAP_PORT}), and the first instance's port.
 */
public record Endpoint(String key, String envSuffix, int basePort) {
}
