package io.mailstream.platform.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real-client scripts under {@code src/test/resources/e2e} with python3. */
final class Python {
    private Python() {
    }

    static void assumeAvailable() {
        boolean ok;
        try {
            ok = new ProcessBuilder("python3", "--version").start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        assumeTrue(ok, "python3 is not installed: the real-client tests need it");
    }

    /** Runs {@code script} with {@code args}; returns its stdout, failing with its stderr. */
    static String run(Path workDir, String script, String... args) {
        try {
            Path file = workDir.resolve(script);
            try (InputStream in = Python.class.getResourceAsStream("/e2e/" + script)) {
                Files.write(file, in.readAllBytes());
            }
            List<String> cmd = new ArrayList<>(List.of("python3", file.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectError(workDir.resolve(script + ".err").toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(script + " failed: " + Files.readString(workDir.resolve(script + ".err"))
                        + "\nstdout: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
