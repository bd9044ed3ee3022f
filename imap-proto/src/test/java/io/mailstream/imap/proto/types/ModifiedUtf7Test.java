package io.mailstream.imap.proto.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModifiedUtf7Test {

    @Test
    void rfc3501Example() {
        // RFC 3501 5.1.3
        assertThat(ModifiedUtf7.encode("~peter/mail/台北/日本語")).isEqualTo("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        assertThat(ModifiedUtf7.decode("~peter/mail/&U,BTFw-/&ZeVnLIqe-")).isEqualTo("~peter/mail/台北/日本語");
    }

    @Test
    void ampersandAndAscii() {
        assertThat(ModifiedUtf7.encode("Tom & Jerry")).isEqualTo("Tom &- Jerry");
        assertThat(ModifiedUtf7.decode("Tom &- Jerry")).isEqualTo("Tom & Jerry");
        assertThat(ModifiedUtf7.encode("INBOX.Sent")).isEqualTo("INBOX.Sent");
        assertThat(ModifiedUtf7.encode("Entwürfe")).isEqualTo("Entw&APw-rfe");
        assertThat(ModifiedUtf7.encode("☺")).isEqualTo("&Jjo-");
        assertThat(ModifiedUtf7.encode("😀")).isEqualTo("&2D3eAA-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"&", "&Jjo", "&AGE-", "&Jj-", "&2D0-", "&3gA-", "&Jjo!-", "a\u00e9", "&ZeVnLIqe", "&U,BTF-",
            "\u0001"})
    void rejectsInvalid(String s) {
        assertThatThrownBy(() -> ModifiedUtf7.decode(s)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 1000)
    void roundTrip(@ForAll String name) {
        String encoded = ModifiedUtf7.encode(name);
        assertThat(encoded.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (isWellFormed(name)) {
            assertThat(ModifiedUtf7.decode(encoded)).isEqualTo(name);
        }
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
