package io.mailstream.pop3.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SaslPlainTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesTheRfc5034Example() throws Exception {
        // RFC 5034 6: "AUTH PLAIN dGVzdAB0ZXN0AHRlc3Q=" is test\0test\0test.
        assertThat(SaslPlain.decode("dGVzdAB0ZXN0AHRlc3Q="))
                .isEqualTo(new SaslPlain.Credentials("test", "test", "test"));
    }

    @Test
    void decodesWithoutAuthzidAndWithUtf8() throws Exception {
        assertThat(SaslPlain.decode(b64("\u0000j\u00f6rg\u0000p\u00e4ss word")))
                .isEqualTo(new SaslPlain.Credentials("", "j\u00f6rg", "p\u00e4ss word"));
    }

    @Test
    void rejectsBadResponses() {
        for (String bad : new String[] {"=", "=AAA", "AAA=BBB", "dGVzdAB0ZXN0AHRlc3Q", "!!!!", b64("no nuls"),
                b64("a\u0000b"), b64("\u0000\u0000pw"), b64("\u0000user\u0000"), b64("a\u0000b\u0000c\u0000d"),
                b64("\u0000" + "u".repeat(256) + "\u0000pw"),
                Base64.getEncoder().encodeToString(new byte[] {0, 'u', 0, (byte) 0xff})}) {
            assertThatThrownBy(() -> SaslPlain.decode(bad)).as(bad).isInstanceOf(SaslPlain.InvalidResponse.class);
        }
    }
}
