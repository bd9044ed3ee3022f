package io.mailstream.imap.proto.encode;

import io.mailstream.imap.proto.response.ImapResponse;

/** Encodes responses to their exact wire form (RFC 9051 7 and 9). Stateless and thread-safe. */
public final class ImapEncoder {
    private ImapEncoder() {
    }

    /** The response's octets, CRLF included, with streamed literals as separate segments. */
    public static EncodedResponse encode(ImapResponse response, EncoderContext ctx) {
        ResponseWriter w = new ResponseWriter(ctx);
        ResponseEncoders.write(response, w);
        return w.finish();
    }

    /**
     * The response's octets, for responses without streamed literals.
     *
     * @throws IllegalStateException if the response has a streamed literal
     */
    public static byte[] encodeBytes(ImapResponse response, EncoderContext ctx) {
        return encode(response, ctx).toBytes();
    }
}
