package io.mailstream.store.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * One message of {@link MailStore#appendAll} (RFC 3502 MULTIAPPEND).
 *
 * @param flags        flags to set (may be empty)
 * @param internalDate null for "now"
 * @param message      the raw RFC 5322 octets
 */
public record AppendItem(Set<String> flags, Instant internalDate, byte[] message) {
    public AppendItem {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppendItem a && flags.equals(a.flags) && Objects.equals(internalDate, a.internalDate)
                && Arrays.equals(message, a.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, internalDate, Arrays.hashCode(message));
    }

    @Override
    public String toString() {
        return "AppendItem[flags=" + flags + ", internalDate=" + internalDate + ", message=" + message.length
                + " octets]";
    }
}
