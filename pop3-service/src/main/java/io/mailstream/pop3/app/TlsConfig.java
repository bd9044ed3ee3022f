package io.mailstream.pop3.app;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** PEM certificate chain and key ({@code MAILSTREAM_TLS_CERT_FILE} / {@code MAILSTREAM_TLS_KEY_FILE}). */
@ConfigMapping(prefix = "mailstream.tls")
public interface TlsConfig {
    Optional<Path> certFile();

    Optional<Path> keyFile();
}
