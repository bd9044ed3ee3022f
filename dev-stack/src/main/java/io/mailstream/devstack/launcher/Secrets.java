package io.mailstream.devstack.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The dev platform's shared secrets, generated once and kept in {@code DATA/secrets.properties}
 * so that restarts keep the same admin token (scripts and tests hold on to it).
 */
public record Secrets(String serviceSecret, String adminToken) {

    public static final String FILE = "secrets.properties";
    private static final String SERVICE_SECRET = "service-secret";
    private static final String ADMIN_TOKEN = "admin-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the secrets of {@code dataDir}, creating any that are missing. */
    public static Secrets loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties props = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        boolean changed = false;
        for (String key : new String[] {SERVICE_SECRET, ADMIN_TOKEN}) {
            if (props.getProperty(key, "").isBlank()) {
                props.setProperty(key, randomToken());
                changed = true;
            }
        }
        if (changed) {
            write(file, props);
        }
        return new Secrets(props.getProperty(SERVICE_SECRET), props.getProperty(ADMIN_TOKEN));
    }

    /** 256 random bits, URL-safe Base64 without padding. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, Properties props) {
        try {
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            ownerOnly(tmp);
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(writer, "Mailstream dev secrets (generated; delete to rotate)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own protection applies.
        }
    }
}
