package io.mailstream.store.mime;

import io.mailstream.store.api.mime.Address;
import io.mailstream.store.api.mime.Envelope;
import java.util.ArrayList;
import java.util.List;

/**
 * ENVELOPE (RFC 9051 7.5.2) from a header: values unfolded and trimmed, encoded words left
 * encoded, raw 8-bit octets read as UTF-8 (else ISO-8859-1). Single-valued fields take the first
 * occurrence; repeated address fields (e.g. three Cc lines) are concatenated.
 */
final class EnvelopeBuilder {

    private EnvelopeBuilder() {
    }

    static Envelope build(byte[] buf, HeaderParser.Header header) {
        List<Address> from = addresses(buf, header, "From");
        List<Address> sender = addresses(buf, header, "Sender");
        List<Address> replyTo = addresses(buf, header, "Reply-To");
        // RFC 9051 7.5.2: "If the Sender or Reply-To lines are absent in the [RFC-5322] header, or
        // are present but empty, the server sets the corresponding member of the envelope to be
        // the same value as the from member".
        return new Envelope(
                text(buf, header, "Date"),
                text(buf, header, "Subject"),
                from,
                sender.isEmpty() ? from : sender,
                replyTo.isEmpty() ? from : replyTo,
                addresses(buf, header, "To"),
                addresses(buf, header, "Cc"),
                addresses(buf, header, "Bcc"),
                text(buf, header, "In-Reply-To"),
                text(buf, header, "Message-ID"));
    }

    private static String text(byte[] buf, HeaderParser.Header header, String name) {
        HeaderParser.Field f = header.first(name);
        return f == null ? null : f.value(buf);
    }

    private static List<Address> addresses(byte[] buf, HeaderParser.Header header, String name) {
        List<Address> out = new ArrayList<>();
        for (HeaderParser.Field f : header.all(name)) {
            out.addAll(AddressParser.parse(f.value(buf)));
            if (out.size() >= AddressParser.MAX_ADDRESSES) {
                break;
            }
        }
        return List.copyOf(out);
    }
}
