package io.mailstream.imap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Shutdown drain ({@code mailstream.imap.drain.*}; env {@code MAILSTREAM_IMAP_DRAIN_*}). On
 * SIGTERM the listeners refuse new connections, readiness turns DOWN, and sessions are told
 * BYE spread over {@code spread}; a running command finishes first (its tagged response goes
 * out before the BYE), within {@code grace} after the spread. Spread + grace must fit in the
 * pod's terminationGracePeriodSeconds minus its preStop sleep (k8s: 60 - 10 = 50 > 40 + 5).
 */
@ConfigMapping(prefix = "mailstream.imap.drain")
public interface DrainConfig {
    /** Window over which sessions between commands or in IDLE are told BYE. */
    @WithDefault("PT40S")
    Duration spread();

    /** After the window, how long a command still running may take before its connection is closed. */
    @WithDefault("PT5S")
    Duration grace();

    /** Text of the {@code * BYE} line. */
    @WithDefault("Server shutting down, please reconnect")
    String message();
}
