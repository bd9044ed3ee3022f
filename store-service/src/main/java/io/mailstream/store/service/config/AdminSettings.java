package io.mailstream.store.service.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code mailstream.admin.*} (env {@code MAILSTREAM_ADMIN_*}). */
@ConfigMapping(prefix = "mailstream.admin")
public interface AdminSettings {

    /** Bearer token of the admin REST API; empty refuses every admin call. */
    Optional<String> token();
}
