package io.mailstream.store.mime;

/**
 * The part's Content-Transfer-Encoding is not one this server can decode for BINARY; the IMAP
 * layer answers with the RFC 3516 4.3 {@code [UNKNOWN-CTE]} response code.
 */
public final class UnknownTransferEncodingException extends RuntimeException {

    private final String encoding;

    public UnknownTransferEncodingException(String encoding) {
        super("unknown content-transfer-encoding: " + encoding);
        this.encoding = encoding;
    }

    public String encoding() {
        return encoding;
    }
}
