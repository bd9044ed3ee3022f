package io.mailstream.pop3.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Shutdown drain ({@code mailstream.pop3.drain.*}; env {@code MAILSTREAM_POP3_DRAIN_*}). On
 * SIGTERM new connections are refused, readiness turns DOWN, sessions between commands are
 * closed and running commands answered first, for at most {@code timeout}; it must fit in the
 * pod's terminationGracePeriodSeconds minus its preStop sleep (k8s: 60 - 10 = 50 > 45).
 */
@ConfigMapping(prefix = "mailstream.pop3.drain")
public interface DrainConfig {
    /** How long running commands (a RETR of a large message) may take before their connections are closed. */
    @WithDefault("PT45S")
    Duration timeout();

    /** Text of the {@code -ERR [SYS/TEMP]} line. */
    @WithDefault("server shutting down, please reconnect")
    String message();
}
