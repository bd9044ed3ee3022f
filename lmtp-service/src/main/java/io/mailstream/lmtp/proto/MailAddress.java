package io.mailstream.lmtp.proto;

import java.util.Locale;

/**
 * A mailbox of an SMTP path (RFC 5321 4.1.2): local part and domain. The local part is kept
 * unquoted; {@link #toString()} gives the RFC 5321 form, quoting it when it is not a Dot-string.
 *
 * @param domain null for a bare local part (RFC 5321 4.1.1.3 {@code <Postmaster>}, and
 *               local-delivery clients that omit the domain)
 */
public record MailAddress(String localPart, String domain) {

    public MailAddress {
        if (localPart == null || localPart.isEmpty()) {
            throw new IllegalArgumentException("empty local part");
        }
    }

    /** The domain lower-cased (RFC 5321 2.4: domains are case-insensitive), or null. */
    public String normalizedDomain() {
        return domain == null ? null : domain.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        String local = PathParser.isDotString(localPart) ? localPart : PathParser.quote(localPart);
        return domain == null ? local : local + "@" + domain;
    }
}
