package io.mailstream.imap.testing;

import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A self-signed certificate for localhost, made with the JDK's keytool, written as a PEM pair. */
public final class TestCerts {
    private static Path dir;

    private TestCerts() {
    }

    /** {cert.pem, key.pem}, created once per JVM. */
    public static synchronized Path[] pemPair() throws Exception {
        if (dir == null) {
            dir = Files.createTempDirectory("imap-tls");
            dir.toFile().deleteOnExit();
            Path p12 = dir.resolve("server.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "imap", "-keyalg", "RSA", "-keysize",
                    "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "changeit", "-keypass",
                    "changeit").redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(p.getInputStream().readAllBytes()));
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (FileInputStream in = new FileInputStream(p12.toFile())) {
                ks.load(in, "changeit".toCharArray());
            }
            PrivateKey key = (PrivateKey) ks.getKey("imap", "changeit".toCharArray());
            Certificate cert = ks.getCertificate("imap");
            Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", cert.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        }
        return new Path[] {dir.resolve("cert.pem"), dir.resolve("key.pem")};
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A client context that trusts any certificate (the test's own self-signed one). */
    public static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }
}
