package io.mailstream.imap.proto.command;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One message of APPEND (RFC 9051 6.3.12; several with MULTIAPPEND, RFC 3502).
 *
 * @param flags        canonical flags from the flag-list, possibly empty
 * @param internalDate null when absent
 * @param content      the literal's octets
 * @param literal8     sent as {@code ~{n}} (RFC 3516 4.4: may contain NUL / binary data)
 * @param utf8         sent as {@code UTF8 (~{n})} (RFC 6855 4: headers may carry UTF-8)
 */
public record AppendMessage(List<String> flags, OffsetDateTime internalDate, byte[] content, boolean literal8,
        boolean utf8) {
    public AppendMessage {
        flags = List.copyOf(flags);
    }

    public AppendMessage(List<String> flags, OffsetDateTime internalDate, byte[] content, boolean literal8) {
        this(flags, internalDate, content, literal8, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppendMessage m && flags.equals(m.flags) && Objects.equals(internalDate, m.internalDate)
                && Arrays.equals(content, m.content) && literal8 == m.literal8 && utf8 == m.utf8;
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, internalDate, Arrays.hashCode(content), literal8, utf8);
    }

    @Override
    public String toString() {
        return "AppendMessage[flags=" + flags + ", internalDate=" + internalDate + ", content=" + content.length
                + " octets, literal8=" + literal8 + ", utf8=" + utf8 + "]";
    }
}
