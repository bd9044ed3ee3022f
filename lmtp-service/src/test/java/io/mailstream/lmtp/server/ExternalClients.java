package io.mailstream.lmtp.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs real LMTP clients installed on the machine; a test skips when one is missing. */
final class ExternalClients {
    private ExternalClients() {
    }

    /** Skips the test unless {@code command --version}-like probing works. */
    static void assumeInstalled(String... probe) {
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, probe[0] + " does not run");
        } catch (IOException | InterruptedException e) {
            assumeTrue(false, probe[0] + " is not installed");
        }
    }

    /** Runs a command to completion and returns its standard output (stderr appended). */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ExternalClients.class.getResource("/" + name).toURI());
    }
}
