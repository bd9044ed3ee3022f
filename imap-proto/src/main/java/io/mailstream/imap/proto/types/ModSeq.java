package io.mailstream.imap.proto.types;

/**
 * A mod-sequence value of RFC 7162 3.1.1 ({@code mod-sequence-valzer}: 0 to 2^63-1; 0 only
 * where the grammar allows {@code mod-sequence-valzer}).
 */
public record ModSeq(long value) {
    public ModSeq {
        if (value < 0) {
            throw new IllegalArgumentException("negative mod-sequence");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
