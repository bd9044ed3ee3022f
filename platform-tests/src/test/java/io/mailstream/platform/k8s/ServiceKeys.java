package io.mailstream.platform.k8s;

import io.mailstream.platform.ServiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The configuration keys each service really reads, in env-var form. The real source is
 * {@code io.mailstream.platform.ServiceConfig} (the services' application.properties, shared with
 * the docker-compose checks); a test can supply a fixed table instead.
 */
interface ServiceKeys {

    /** Env-var forms of the keys the module declares; empty when it declares none yet. */
    Set<String> envNames(String module);

    /** The declared default of a key given in env-var form, or null. */
    String defaultOf(String module, String env);

    static Path repoRoot() {
        return ServiceConfig.repoRoot();
    }

    /** Keys from each module's src/main/resources/application.properties, through ServiceConfig. */
    static ServiceKeys fromApplicationProperties() {
        return new ServiceKeys() {
            @Override
            public Set<String> envNames(String module) {
                ServiceConfig config = load(module);
                return config == null ? Set.of() : config.envNames();
            }

            @Override
            public String defaultOf(String module, String env) {
                ServiceConfig config = load(module);
                return config == null ? null : config.valueOfEnv(env);
            }
        };
    }

    /** ServiceConfig of a module, or null when the module has no application.properties yet. */
    private static ServiceConfig load(String module) {
        if (!Files.exists(repoRoot().resolve(module).resolve("src/main/resources/application.properties"))) {
            return null;
        }
        try {
            return ServiceConfig.load(module);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
