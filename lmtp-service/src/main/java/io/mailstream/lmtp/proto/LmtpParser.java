package io.mailstream.lmtp.proto;

import io.mailstream.lmtp.proto.LmtpCommand.BodyType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parses one command line (without its CRLF) into an {@link LmtpCommand}. Pure: no I/O, no
 * state; what a command means in the current session is for the session to decide. Verbs and
 * parameter keywords are case-insensitive (RFC 5321 2.4).
 */
public final class LmtpParser {
    private static final int MAX_SIZE_DIGITS = 18;

    private LmtpParser() {
    }

    public static ParseResult parse(byte[] line) {
        for (byte b : line) {
            if ((b >= 0 && b < 32 && b != '\t') || b == 127) {
                return error(Replies.syntax("control character in command line"));
            }
        }
        // Octets above 127 stay visible as U+0080..U+00FF and fail the US-ASCII checks below.
        String s = new String(line, StandardCharsets.ISO_8859_1);
        int sp = s.indexOf(' ');
        String verb = (sp < 0 ? s : s.substring(0, sp)).toUpperCase(Locale.ROOT);
        String rest = sp < 0 ? "" : s.substring(sp + 1);
        switch (verb) {
            case "LHLO":
                return lhlo(rest.trim());
            case "MAIL":
                return MailParser.mail(rest);
            case "RCPT":
                return MailParser.rcpt(rest);
            case "DATA":
                return noArgs(rest, new LmtpCommand.Data(), "DATA");
            case "BDAT":
                return bdat(rest);
            case "RSET":
                return noArgs(rest, new LmtpCommand.Rset(), "RSET");
            case "NOOP":
                // RFC 5321 4.1.1.9: a parameter string is allowed and ignored.
                return ok(new LmtpCommand.Noop());
            case "QUIT":
                return noArgs(rest, new LmtpCommand.Quit(), "QUIT");
            case "VRFY":
                return rest.isBlank() ? error(Replies.syntax("VRFY needs an argument"))
                        : ok(new LmtpCommand.Vrfy(rest.trim()));
            case "STARTTLS":
                return noArgs(rest, new LmtpCommand.StartTls(), "STARTTLS");
            case "HELO":
            case "EHLO":
                return error(Replies.useLhlo(verb));
            case "EXPN":
            case "HELP":
            case "TURN":
            case "ETRN":
            case "AUTH":
                return error(Replies.notImplemented(verb));
            default:
                return error(Replies.unknownCommand());
        }
    }

    private static ParseResult lhlo(String arg) {
        // RFC 5321 4.1.1.1: the argument is a domain or an address literal; only its shape is
        // checked (it ends up in the Received header), not whether it resolves.
        if (arg.isEmpty() || arg.indexOf(' ') >= 0) {
            return error(Replies.syntax("LHLO <domain>"));
        }
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c > 126 || "()<>\"\\;,".indexOf(c) >= 0) {
                return error(Replies.syntax("invalid character in LHLO domain"));
            }
        }
        return ok(new LmtpCommand.Lhlo(arg));
    }

    private static ParseResult bdat(String rest) {
        // RFC 3030 2: bdat-cmd ::= "BDAT" SP chunk-size [ SP end-marker ] CR LF
        String[] parts = rest.split(" ", -1);
        if (parts.length < 1 || parts.length > 2 || !isDigits(parts[0]) || parts[0].length() > MAX_SIZE_DIGITS) {
            return error(Replies.syntax("BDAT <chunk-size> [LAST]"));
        }
        boolean last = parts.length == 2;
        if (last && !parts[1].equalsIgnoreCase("LAST")) {
            return error(Replies.syntax("BDAT <chunk-size> [LAST]"));
        }
        return ok(new LmtpCommand.Bdat(Long.parseLong(parts[0]), last));
    }

    private static ParseResult noArgs(String rest, LmtpCommand command, String verb) {
        return rest.isBlank() ? ok(command) : error(Replies.syntax(verb + " takes no parameters"));
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static ParseResult ok(LmtpCommand c) {
        return new ParseResult.Ok(c);
    }

    static ParseResult error(Reply r) {
        return new ParseResult.Error(r);
    }

    /** Parses the BODY parameter value (RFC 6152 2, RFC 3030 3); null if unknown. */
    static BodyType bodyType(String value) {
        switch (value.toUpperCase(Locale.ROOT)) {
            case "7BIT":
                return BodyType.SEVEN_BIT;
            case "8BITMIME":
                return BodyType.EIGHT_BIT_MIME;
            case "BINARYMIME":
                return BodyType.BINARY_MIME;
            default:
                return null;
        }
    }
}
