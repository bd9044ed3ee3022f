package io.mailstream.imap.proto.types;

/**
 * A mailbox name as the user sees it (Unicode). RFC 9051 5.1: INBOX is case-insensitive, so
 * any case variant of INBOX becomes {@code "INBOX"}. On the wire it is modified UTF-7 for
 * IMAP4rev1 clients (RFC 3501 5.1.3) and UTF-8 for IMAP4rev2 / UTF8=ACCEPT clients.
 */
public record MailboxName(String name) {
    public static final String INBOX = "INBOX";

    public MailboxName {
        if (name == null) {
            throw new IllegalArgumentException("null mailbox name");
        }
        if (name.equalsIgnoreCase(INBOX)) {
            name = INBOX;
        }
    }

    /**
     * The name a client sent: modified UTF-7 decoded unless {@code utf8}.
     *
     * @throws IllegalArgumentException when a rev1 name is not valid modified UTF-7
     */
    public static MailboxName fromWire(String wire, boolean utf8) {
        return new MailboxName(utf8 ? wire : ModifiedUtf7.decode(wire));
    }

    /** The wire form: modified UTF-7 unless {@code utf8}. */
    public String toWire(boolean utf8) {
        return utf8 ? name : ModifiedUtf7.encode(name);
    }

    public boolean isInbox() {
        return INBOX.equals(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
