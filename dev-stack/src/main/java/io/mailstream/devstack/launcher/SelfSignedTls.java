package io.mailstream.devstack.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed TLS pair for IMAPS and POP3S, made once under {@code DATA/tls/}: {@code cert.pem}
 * (X.509) and {@code key.pem} (PKCS#8), valid for {@code localhost} and {@code 127.0.0.1}.
 * The JDK's keytool makes the pair; {@link KeyStore} turns it into PEM.
 */
public final class SelfSignedTls {

    public static final String CERT_FILE = "cert.pem";
    public static final String KEY_FILE = "key.pem";
    private static final String ALIAS = "mailstream-dev";

    private SelfSignedTls() {
    }

    /** The pair in {@code tlsDir}, generated if either file is missing. */
    public static Path[] ensure(Path tlsDir) {
        Path cert = tlsDir.resolve(CERT_FILE);
        Path key = tlsDir.resolve(KEY_FILE);
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            return new Path[] {cert, key};
        }
        try {
            Files.createDirectories(tlsDir);
            Path keystore = tlsDir.resolve("keystore.p12.tmp");
            Files.deleteIfExists(keystore);
            char[] password = Secrets.randomToken().toCharArray();
            runKeytool(keystore, new String(password));
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
            Key privateKey = store.getKey(ALIAS, password);
            Certificate certificate = store.getCertificate(ALIAS);
            Files.delete(keystore);
            writePem(key, "PRIVATE KEY", privateKey.getEncoded(), true);
            writePem(cert, "CERTIFICATE", certificate.getEncoded(), false);
            return new Path[] {cert, key};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the TLS pair in " + tlsDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the TLS pair keytool made", e);
        }
    }

    /** PEM text: Base64 in 64-character lines between BEGIN and END markers. */
    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void runKeytool(Path keystore, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair",
                "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=localhost, O=Mailstream dev",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", password, "-keypass", password);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): " + output.trim());
        }
    }

    private static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        if (secret) {
            Secrets.ownerOnly(tmp);
        }
        Files.writeString(tmp, pem(type, der), StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
