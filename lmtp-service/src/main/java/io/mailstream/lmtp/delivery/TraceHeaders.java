package io.mailstream.lmtp.delivery;

import io.mailstream.lmtp.proto.MailAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The header fields prepended per recipient, in Dovecot's order: {@code Return-Path} (RFC 5321
 * 4.4: the reverse-path, added by the final delivery), {@code Delivered-To} (the envelope
 * recipient, as Dovecot and Postfix write it) and the {@code Received} trace field (RFC 5321
 * 4.4, protocol LMTP or LMTPS per RFC 3848).
 */
public final class TraceHeaders {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    /** What every recipient's trace shares. */
    public record Context(String clientName, String clientAddress, String hostname, String sessionId,
            boolean tls) {
    }

    private TraceHeaders() {
    }

    public static byte[] build(Context c, MailAddress sender, MailAddress rcpt, ZonedDateTime now) {
        String s = "Return-Path: <" + (sender == null ? "" : sender) + ">\r\n"
                + "Delivered-To: " + rcpt + "\r\n"
                + "Received: from " + c.clientName() + " ([" + c.clientAddress() + "])\r\n"
                + "\tby " + c.hostname() + " (Mailstream) with " + (c.tls() ? "LMTPS" : "LMTP")
                + " id " + c.sessionId() + "\r\n"
                + "\tfor <" + rcpt + ">; " + DATE.format(now) + "\r\n";
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
