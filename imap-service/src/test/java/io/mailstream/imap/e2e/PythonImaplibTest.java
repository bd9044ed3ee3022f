package io.mailstream.imap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** End to end with Python's imaplib (src/test/resources/e2e/imaplib_session.py); skipped without python3. */
class PythonImaplibTest {

    private static boolean python3() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void imaplibSession() throws Exception {
        Assumptions.assumeTrue(python3(), "python3 is not installed");
        Path script = Files.createTempFile("imaplib_session", ".py");
        try (InputStream in = getClass().getResourceAsStream("/e2e/imaplib_session.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (TestServer server = TestServer.start()) {
            UserRef u = server.newUser();
            Process p = new ProcessBuilder("python3", script.toString(), "127.0.0.1", String.valueOf(server.port()),
                    u.username(), "secret").redirectErrorStream(true).start();
            boolean finished = p.waitFor(60, TimeUnit.SECONDS);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                p.destroyForcibly();
            }
            assertThat(finished).as(output).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("ALL OK");
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** RFC 4978 COMPRESS=DEFLATE with imaplib over a zlib-wrapped socket (src/test/resources/e2e/imaplib_compress.py). */
    @Test
    void imaplibCompressDeflate() throws Exception {
        Assumptions.assumeTrue(python3(), "python3 is not installed");
        Path script = Files.createTempFile("imaplib_compress", ".py");
        try (InputStream in = getClass().getResourceAsStream("/e2e/imaplib_compress.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (TestServer server = TestServer.start()) {
            UserRef u = server.newUser();
            Process p = new ProcessBuilder("python3", script.toString(), "127.0.0.1", String.valueOf(server.port()),
                    u.username(), "secret").redirectErrorStream(true).start();
            boolean finished = p.waitFor(60, TimeUnit.SECONDS);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                p.destroyForcibly();
            }
            assertThat(finished).as(output).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("ALL OK");
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
