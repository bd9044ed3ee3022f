package io.mailstream.store.mime;

import java.util.List;

/**
 * Byte offsets of one entity (the message, a MIME part, or the message encapsulated in a
 * message/rfc822 part) inside the raw message: a tree of plain records (lists, longs, strings),
 * so it maps directly to JSON/BSON.
 *
 * <p>Offsets are absolute octet positions in the raw message. The header is
 * {@code [headerStart, bodyStart)} (including the blank line that ends it, when present) and the
 * body is {@code [bodyStart, bodyEnd)}. For a part of a multipart, {@code headerStart} is right
 * after the delimiter line and {@code bodyEnd} is before the line break that precedes the next
 * delimiter (RFC 2046 5.1.1: that CRLF belongs to the delimiter).
 *
 * @param contentType       effective media type, lower case {@code type/subtype} (defaults
 *                          applied: text/plain, or message/rfc822 inside multipart/digest)
 * @param transferEncoding  Content-Transfer-Encoding, lower case, {@code 7bit} when absent
 * @param parts             the children of a multipart (RFC 9051 6.4.5 numbering: part N is
 *                          {@code parts.get(N - 1)}); empty for any other entity
 * @param message           for a message/rfc822 (or message/global) part: the encapsulated
 *                          message, whose {@code headerStart} is this part's {@code bodyStart};
 *                          null otherwise (also when the part's transfer encoding hides it)
 */
public record PartIndex(
        long headerStart,
        long bodyStart,
        long bodyEnd,
        String contentType,
        String transferEncoding,
        List<PartIndex> parts,
        PartIndex message) {

    public PartIndex {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /**
     * True for a multipart/* entity (its body is split into {@link #parts}). Not named isX so that
     * bean-style serializers do not take it for a stored property.
     */
    public boolean multipart() {
        return contentType.startsWith("multipart/");
    }

    /** Size in octets of the body as stored (BODYSTRUCTURE body-fld-octets). */
    public long bodySize() {
        return bodyEnd - bodyStart;
    }
}
