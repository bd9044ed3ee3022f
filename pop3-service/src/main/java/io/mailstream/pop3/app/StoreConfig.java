package io.mailstream.pop3.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The store API ({@code MAILSTREAM_STORE_URL}, {@code MAILSTREAM_STORE_SECRET}). */
@ConfigMapping(prefix = "mailstream.store")
public interface StoreConfig {
    @WithDefault("http://127.0.0.1:8080")
    String url();

    /** The shared service secret (DESIGN invariant 8); required to reach the store. */
    Optional<String> secret();

    /** HTTP connections kept open to the store. */
    @WithDefault("32")
    int poolSize();
}
