package io.mailstream.imap.proto.encode;

/**
 * Per-session encoding choices: IMAP4rev2 (enabled with ENABLE IMAP4rev2, RFC 9051 6.3.1) and
 * UTF8=ACCEPT (RFC 6855) let strings carry UTF-8 and mailbox names go out as UTF-8; an
 * IMAP4rev1 session gets modified UTF-7 names and literals for 8-bit strings.
 */
public record EncoderContext(boolean rev2, boolean utf8Accept) {

    public static final EncoderContext REV1 = new EncoderContext(false, false);
    public static final EncoderContext REV2 = new EncoderContext(true, false);

    /** Whether UTF-8 may appear in quoted strings and mailbox names. */
    public boolean utf8() {
        return rev2 || utf8Accept;
    }
}
