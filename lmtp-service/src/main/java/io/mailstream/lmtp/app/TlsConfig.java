package io.mailstream.lmtp.app;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** PEM certificate chain and key for STARTTLS ({@code MAILSTREAM_TLS_CERT_FILE} / {@code MAILSTREAM_TLS_KEY_FILE}). */
@ConfigMapping(prefix = "mailstream.tls")
public interface TlsConfig {
    Optional<String> certFile();

    Optional<String> keyFile();
}
