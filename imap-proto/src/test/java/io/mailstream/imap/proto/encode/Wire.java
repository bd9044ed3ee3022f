package io.mailstream.imap.proto.encode;

import io.mailstream.imap.proto.response.ImapResponse;
import java.nio.charset.StandardCharsets;

/** Encodes to a string (UTF-8) for exact comparisons. */
final class Wire {
    private Wire() {
    }

    static String rev1(ImapResponse r) {
        return new String(ImapEncoder.encodeBytes(r, EncoderContext.REV1), StandardCharsets.UTF_8);
    }

    static String rev2(ImapResponse r) {
        return new String(ImapEncoder.encodeBytes(r, EncoderContext.REV2), StandardCharsets.UTF_8);
    }
}
