package io.mailstream.store.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SaslPlainTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesRfc4616Messages() {
        assertThat(SaslPlain.parseBase64(b64("\0tim\0tanstaaftanstaaf")))
                .isEqualTo(new SaslPlain("", "tim", "tanstaaftanstaaf"));
        SaslPlain withAuthz = SaslPlain.parseBase64(b64("Ursel\0Kurt\0xipj3plmq"));
        assertThat(withAuthz.authcid()).isEqualTo("Kurt");
        assertThat(withAuthz.impersonates()).isTrue();
        assertThat(SaslPlain.parseBase64(b64("kurt\0Kurt\0pw")).impersonates()).isFalse();
        assertThat(SaslPlain.parseBase64(b64("\0jürgen\0pässword")).password()).isEqualTo("pässword");
    }

    @Test
    void rejectsMalformedMessages() {
        assertThat(SaslPlain.parseBase64("not base64!")).isNull();
        assertThat(SaslPlain.parseBase64(b64("user\0pass"))).isNull();
        assertThat(SaslPlain.parseBase64(b64("a\0b\0c\0d"))).isNull();
        assertThat(SaslPlain.parseBase64(b64("\0\0pass"))).isNull();
        assertThat(SaslPlain.parseBase64(b64("\0user\0"))).isNull();
    }
}
