package io.mailstream.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configuration keys a service really reads: those declared in its
 * {@code application.properties} (every setting is declared there with its default), and the
 * environment-variable form of each as Quarkus/SmallRye Config derives it (upper case, every
 * character that is not a letter or digit replaced by {@code _}).
 */
public record ServiceConfig(String module, Properties properties) {

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docker-compose.yml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root (with docker-compose.yml) not found");
        }
        return p;
    }

    public static ServiceConfig load(String module) throws IOException {
        Path file = repoRoot().resolve(module).resolve("src/main/resources/application.properties");
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        }
        return new ServiceConfig(module, props);
    }

    public static String envForm(String key) {
        StringBuilder sb = new StringBuilder();
        for (char c : key.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }

    /** Env-var forms of the declared keys; profile-specific keys ({@code %dev.x}) count as {@code x}. */
    public Set<String> envNames() {
        Set<String> out = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String k = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            out.add(envForm(k));
        }
        return out;
    }

    /** The default value of a key, or null. */
    public String value(String key) {
        return properties.getProperty(key);
    }

    public String valueOfEnv(String env) {
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%") && envForm(key).equals(env.toUpperCase(Locale.ROOT))) {
                return properties.getProperty(key);
            }
        }
        return null;
    }
}
