package io.mailstream.imap.proto.response;

/**
 * The value of a FETCH body item: NIL, octets the encoder writes as a quoted string or literal,
 * or a literal whose octets the server streams itself after the encoder wrote {@code {size}CRLF}.
 */
public sealed interface NString {

    NString NIL = new Nil();

    record Nil() implements NString {
    }

    /** Octets in memory; quoted when they allow it, otherwise a literal. */
    record Bytes(byte[] octets) implements NString {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && java.util.Arrays.equals(octets, b.octets);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(octets);
        }

        @Override
        public String toString() {
            return "Bytes[" + octets.length + " octets]";
        }
    }

    /**
     * A literal of {@code size} octets that the server streams: the encoder emits the literal
     * header and an {@code EncodedResponse.Segment.Stream} carrying {@code source} (an opaque
     * handle, e.g. the store's SectionBody) in its place.
     *
     * @param literal8 write {@code ~{size}} (RFC 3516 / RFC 9051 BINARY with NUL octets)
     */
    record Streamed(long size, boolean literal8, Object source) implements NString {
        public Streamed {
            if (size < 0) {
                throw new IllegalArgumentException("negative size");
            }
        }
    }
}
