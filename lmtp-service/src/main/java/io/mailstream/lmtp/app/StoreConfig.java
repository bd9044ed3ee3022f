package io.mailstream.lmtp.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where the store API is and the service secret presented to it ({@code MAILSTREAM_STORE_URL} / {@code _SECRET}). */
@ConfigMapping(prefix = "mailstream.store")
public interface StoreConfig {
    @WithDefault("http://127.0.0.1:8080")
    String url();

    /** The shared service secret (DESIGN invariant 8); required. */
    Optional<String> secret();

    /** HTTP connections kept open to the store. */
    @WithDefault("32")
    int poolSize();
}
