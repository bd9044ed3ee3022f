package io.mailstream.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsAndTlsTest {

    @TempDir
    Path dataDir;

    @Test
    void secretsAreGeneratedOnceAndKeptPrivate() throws Exception {
        Secrets first = Secrets.loadOrCreate(dataDir);
        Secrets again = Secrets.loadOrCreate(dataDir);

        assertThat(again).isEqualTo(first);
        assertThat(first.serviceSecret()).hasSize(43).isNotEqualTo(first.adminToken());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(Secrets.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void tlsPairIsAMatchingPemCertificateAndPkcs8KeyForLocalhost() throws Exception {
        Path[] pair = SelfSignedTls.ensure(dataDir.resolve("tls"));
        String certPem = Files.readString(pair[0]);
        String keyPem = Files.readString(pair[1]);

        assertThat(certPem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(certPem.lines()).allMatch(line -> line.length() <= 64);

        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certPem.getBytes()));
        assertThat(cert.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(der(keyPem)));
        assertThat(key.getModulus()).isEqualTo(((RSAPublicKey) cert.getPublicKey()).getModulus());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pair[1]))).isEqualTo("rw-------");
        try (var files = Files.list(dataDir.resolve("tls"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("cert.pem", "key.pem");
        }

        assertThat(SelfSignedTls.ensure(dataDir.resolve("tls"))[0]).hasContent(certPem);
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
