package io.mailstream.imap.command;

/** Looks at a message's header section (RFC 5322 2.1: up to the first empty line) as octets. */
final class HeaderOctets {
    private HeaderOctets() {
    }

    /** Whether the header section holds an octet above 127 (RFC 6855 4). */
    static boolean has8Bit(byte[] message) {
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (b < 0) {
                return true;
            }
            // the empty line ends the header: CRLF CRLF, or a bare LF LF from a sloppy client
            if (b == '\n' && i + 1 < message.length
                    && (message[i + 1] == '\n' || message[i + 1] == '\r' && i + 2 < message.length
                            && message[i + 2] == '\n')) {
                return false;
            }
        }
        return false;
    }
}
