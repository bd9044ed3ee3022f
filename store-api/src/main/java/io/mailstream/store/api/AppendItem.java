package io.mailstream.store.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * One message of {@link MailStore#appendAll} (RFC 3502 MULTIAPPEND).
 *
 * @param flags        flags to set (may be empty)
 * @param internalDate null for "now"
 * @param message      the raw RFC 5322 octets
 * @param internalDateOffset the zone the internal date was given in (RFC 9051 2.3.3), kept and
 *                     returned by FETCH INTERNALDATE; null: +0000
 */
public record AppendItem(Set<String> flags, Instant internalDate, byte[] message, ZoneOffset internalDateOffset) {
    public AppendItem {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        Objects.requireNonNull(message, "message");
    }

    /** Compatibility constructor (before the zone was kept): the zone is +0000. */
    public AppendItem(Set<String> flags, Instant internalDate, byte[] message) {
        this(flags, internalDate, message, null);
    }

    /** A message with an internal date and its zone ({@code internalDate} null for "now"). */
    public static AppendItem at(Set<String> flags, OffsetDateTime internalDate, byte[] message) {
        return new AppendItem(flags, internalDate == null ? null : internalDate.toInstant(), message,
                internalDate == null ? null : internalDate.getOffset());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppendItem a && flags.equals(a.flags) && Objects.equals(internalDate, a.internalDate)
                && Arrays.equals(message, a.message) && Objects.equals(internalDateOffset, a.internalDateOffset);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, internalDate, Arrays.hashCode(message), internalDateOffset);
    }

    @Override
    public String toString() {
        return "AppendItem[flags=" + flags + ", internalDate=" + internalDate + " " + internalDateOffset + ", message=" + message.length
                + " octets]";
    }
}
