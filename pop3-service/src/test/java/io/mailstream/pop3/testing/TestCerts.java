package io.mailstream.pop3.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for tests, made with the JDK's keytool and written as a PEM pair
 * (cert.pem, key.pem), the form mailstream.tls.cert-file / key-file take.
 */
public final class TestCerts {
    private static Path dir;

    private TestCerts() {
    }

    /** The PEM pair, generated once per JVM. */
    public static synchronized Path[] pemPair() {
        if (dir == null) {
            try {
                dir = generate();
            } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException("could not generate a test certificate", e);
            }
        }
        return new Path[] {dir.resolve("cert.pem"), dir.resolve("key.pem")};
    }

    private static Path generate() throws IOException, InterruptedException, java.security.GeneralSecurityException {
        Path d = Files.createTempDirectory("pop3-tls");
        d.toFile().deleteOnExit();
        Path p12 = d.resolve("test.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "pop3", "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        Key key = ks.getKey("pop3", "changeit".toCharArray());
        Certificate cert = ks.getCertificate("pop3");
        Files.writeString(d.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        Files.writeString(d.resolve("cert.pem"), pem("CERTIFICATE", cert.getEncoded()));
        for (String f : new String[] {"key.pem", "cert.pem", "test.p12"}) {
            d.resolve(f).toFile().deleteOnExit();
        }
        return d;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
