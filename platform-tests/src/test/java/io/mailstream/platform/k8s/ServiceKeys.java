package io.mailstream.platform.k8s;

import java.lang.reflect.Method;
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
        return (Path) invoke(null, "repoRoot");
    }

    /** Keys from each module's src/main/resources/application.properties, through ServiceConfig. */
    static ServiceKeys fromApplicationProperties() {
        return new ServiceKeys() {
            @Override
            @SuppressWarnings("unchecked")
            public Set<String> envNames(String module) {
                Object config = load(module);
                return config == null ? Set.of() : (Set<String>) invoke(config, "envNames");
            }

            @Override
            public String defaultOf(String module, String env) {
                Object config = load(module);
                return config == null ? null : (String) invoke(config, "valueOfEnv", env);
            }
        };
    }

    /** ServiceConfig of a module, or null when the module has no application.properties yet. */
    private static Object load(String module) {
        if (!Files.exists(repoRoot().resolve(module).resolve("src/main/resources/application.properties"))) {
            return null;
        }
        return invoke(null, "load", module);
    }

    // ServiceConfig is package-private in io.mailstream.platform; this module's tests share one
    // class loader and no module boundary, so reflection reaches it without copying its logic.
    private static Object invoke(Object target, String method, String... args) {
        try {
            Class<?> type = Class.forName("io.mailstream.platform.ServiceConfig");
            Class<?>[] params = new Class<?>[args.length];
            java.util.Arrays.fill(params, String.class);
            Method m = type.getDeclaredMethod(method, params);
            m.setAccessible(true);
            return m.invoke(target, (Object[]) args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ServiceConfig." + method, e);
        }
    }
}
