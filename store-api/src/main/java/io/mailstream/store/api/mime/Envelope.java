package io.mailstream.store.api.mime;

import java.util.List;

/**
 * ENVELOPE of RFC 9051 7.5.2: header values as found in the message, unfolded, encoded words
 * left encoded; {@code null} means NIL. Address lists are empty lists when the header is
 * absent (encoded as NIL).
 */
public record Envelope(
        String date,
        String subject,
        List<Address> from,
        List<Address> sender,
        List<Address> replyTo,
        List<Address> to,
        List<Address> cc,
        List<Address> bcc,
        String inReplyTo,
        String messageId) {
}
