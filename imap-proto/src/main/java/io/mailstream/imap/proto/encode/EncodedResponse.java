package io.mailstream.imap.proto.encode;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The wire form of one response: octets, interrupted where a streamed literal's octets go.
 * The connection writes each {@link Segment.Bytes} as is and, for each {@link Segment.Stream},
 * exactly {@code size} octets from {@code source} (the literal header is already in the
 * preceding bytes; the trailing CRLF is in the last segment).
 */
public record EncodedResponse(List<Segment> segments) {

    public EncodedResponse {
        segments = List.copyOf(segments);
    }

    /** A piece of the response. */
    public sealed interface Segment {
        record Bytes(byte[] octets) implements Segment {
        }

        record Stream(long size, Object source) implements Segment {
        }
    }

    /** Whether the response needs streaming (has a {@link Segment.Stream}). */
    public boolean isStreamed() {
        for (Segment s : segments) {
            if (s instanceof Segment.Stream) {
                return true;
            }
        }
        return false;
    }

    /**
     * All octets, for responses without streamed literals.
     *
     * @throws IllegalStateException if the response has a streamed literal
     */
    public byte[] toBytes() {
        if (segments.size() == 1 && segments.get(0) instanceof Segment.Bytes b) {
            return b.octets();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Segment s : segments) {
            if (s instanceof Segment.Bytes b) {
                out.writeBytes(b.octets());
            } else {
                throw new IllegalStateException("response has a streamed literal");
            }
        }
        return out.toByteArray();
    }
}
