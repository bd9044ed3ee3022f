package io.mailstream.store.api;

/**
 * A body section to read from one message.
 *
 * @param binary  RFC 3516 BINARY[]: decode the part's content-transfer-encoding
 * @param offset  partial fetch start octet (RFC 9051 6.4.5 {@code <offset.length>}), 0 for none
 * @param length  partial length, or -1 for "to the end"
 */
public record SectionRequest(long uid, SectionSpec section, boolean binary, long offset, long length) {
}
