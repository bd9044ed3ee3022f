package io.mailstream.store.mime;

/**
 * A range {@code [start, end)} of octets of the raw message holding a FETCH section, so the store
 * can stream it from storage without loading the whole message. Empty for a nonexistent part.
 */
public record SectionSlice(long start, long end) {

    public static final SectionSlice EMPTY = new SectionSlice(0, 0);

    public SectionSlice {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad slice [" + start + ", " + end + ")");
        }
    }

    public long length() {
        return end - start;
    }

    public boolean empty() {
        return end == start;
    }
}
