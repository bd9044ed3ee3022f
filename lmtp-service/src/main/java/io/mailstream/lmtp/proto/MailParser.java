package io.mailstream.lmtp.proto;

import io.mailstream.lmtp.proto.LmtpCommand.BodyType;
import java.util.Locale;

/** MAIL FROM and RCPT TO with their ESMTP parameters (RFC 5321 4.1.1.2, 4.1.1.3, 4.1.2). */
final class MailParser {
    private MailParser() {
    }

    static ParseResult mail(String rest) {
        int start = prefix(rest, "FROM:");
        if (start < 0) {
            return LmtpParser.error(Replies.syntax("MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME|BINARYMIME]"));
        }
        PathParser.Parsed path;
        try {
            path = PathParser.parse(rest, start);
        } catch (PathParser.PathException e) {
            return LmtpParser.error(Replies.badSender(e.getMessage()));
        }
        if (junkAfter(rest, path.end())) {
            return LmtpParser.error(Replies.badSender("unexpected text after the address"));
        }
        long size = -1;
        BodyType body = BodyType.SEVEN_BIT;
        for (String param : params(rest, path.end())) {
            int eq = param.indexOf('=');
            String key = (eq < 0 ? param : param.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? null : param.substring(eq + 1);
            if (key.equals("SIZE") && value != null && LmtpParser.isDigits(value) && value.length() <= 18) {
                // RFC 1870 3: SIZE=<decimal octets>.
                size = Long.parseLong(value);
            } else if (key.equals("SIZE")) {
                return LmtpParser.error(Replies.syntax("SIZE=<octets>"));
            } else if (key.equals("BODY") && value != null && LmtpParser.bodyType(value) != null) {
                body = LmtpParser.bodyType(value);
            } else if (key.equals("BODY")) {
                return LmtpParser.error(Replies.syntax("BODY=7BIT|8BITMIME|BINARYMIME"));
            } else {
                return LmtpParser.error(Replies.unsupportedParameter(param));
            }
        }
        return LmtpParser.ok(new LmtpCommand.MailFrom(path.address(), size, body));
    }

    static ParseResult rcpt(String rest) {
        int start = prefix(rest, "TO:");
        if (start < 0) {
            return LmtpParser.error(Replies.syntax("RCPT TO:<address>"));
        }
        PathParser.Parsed path;
        try {
            path = PathParser.parse(rest, start);
        } catch (PathParser.PathException e) {
            return LmtpParser.error(Replies.badRecipient(e.getMessage()));
        }
        if (path.address() == null) {
            return LmtpParser.error(Replies.badRecipient("empty forward-path"));
        }
        if (junkAfter(rest, path.end())) {
            return LmtpParser.error(Replies.badRecipient("unexpected text after the address"));
        }
        String[] params = params(rest, path.end());
        if (params.length > 0) {
            // No RCPT parameters are offered (no DSN): RFC 5321 4.1.1.11 answers 555.
            return LmtpParser.error(Replies.unsupportedParameter(params[0]));
        }
        return LmtpParser.ok(new LmtpCommand.RcptTo(path.address()));
    }

    /**
     * Position after {@code keyword} (case-insensitive); spaces around the colon are tolerated,
     * as Postfix and Dovecot tolerate them, though RFC 5321 4.1.1.2 has none. -1 if absent.
     */
    private static int prefix(String rest, String keyword) {
        String colonless = keyword.substring(0, keyword.length() - 1);
        if (!rest.regionMatches(true, 0, colonless, 0, colonless.length())) {
            return -1;
        }
        int i = colonless.length();
        while (i < rest.length() && rest.charAt(i) == ' ') {
            i++;
        }
        if (i >= rest.length() || rest.charAt(i) != ':') {
            return -1;
        }
        i++;
        while (i < rest.length() && rest.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The space-separated esmtp-params after the path (RFC 5321 4.1.2 Mail-parameters). */
    private static String[] params(String rest, int end) {
        String tail = rest.substring(end).trim();
        return tail.isEmpty() ? new String[0] : tail.split(" +");
    }

    private static boolean junkAfter(String rest, int end) {
        return end < rest.length() && rest.charAt(end) != ' ';
    }
}
