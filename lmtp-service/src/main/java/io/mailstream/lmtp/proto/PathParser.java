package io.mailstream.lmtp.proto;

/**
 * Parses the path of MAIL FROM and RCPT TO (RFC 5321 4.1.2):
 * <pre>
 *   Path     = "&lt;" [ A-d-l ":" ] Mailbox "&gt;"
 *   Mailbox  = Local-part "@" ( Domain / address-literal )
 *   Local-part = Dot-string / Quoted-string
 * </pre>
 * Lenient where MTAs are known to be: consecutive dots in a Dot-string, underscores in domains,
 * a missing domain (RFC 5321 4.1.1.3 {@code <Postmaster>}) and a path without angle brackets.
 * The source route (A-d-l) is accepted and ignored (RFC 5321 C). Only US-ASCII: SMTPUTF8 is not
 * offered.
 */
public final class PathParser {

    /** A parsed path; {@code address} is null for the null reverse-path {@code <>}. */
    public record Parsed(MailAddress address, int end) {
    }

    /** The path is malformed; the message says why. */
    public static final class PathException extends Exception {
        PathException(String message) {
            super(message, null, false, false);
        }
    }

    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private PathParser() {
    }

    /** Parses the path starting at {@code pos} of {@code s}. */
    public static Parsed parse(String s, int pos) throws PathException {
        if (pos >= s.length()) {
            throw new PathException("missing address");
        }
        boolean bracketed = s.charAt(pos) == '<';
        int i = bracketed ? pos + 1 : pos;
        if (bracketed && i < s.length() && s.charAt(i) == '>') {
            return new Parsed(null, i + 1);
        }
        if (bracketed && i < s.length() && s.charAt(i) == '@') {
            // RFC 5321 4.1.2 / C: a source route "@a,@b:" is accepted and ignored.
            int colon = s.indexOf(':', i);
            if (colon < 0) {
                throw new PathException("malformed source route");
            }
            i = colon + 1;
        }
        StringBuilder local = new StringBuilder();
        i = localPart(s, i, local);
        String domain = null;
        if (i < s.length() && s.charAt(i) == '@') {
            int start = ++i;
            i = domain(s, i);
            domain = s.substring(start, i);
        }
        if (bracketed) {
            if (i >= s.length() || s.charAt(i) != '>') {
                throw new PathException("expected '>' at position " + i);
            }
            i++;
        }
        return new Parsed(new MailAddress(local.toString(), domain), i);
    }

    private static int localPart(String s, int i, StringBuilder out) throws PathException {
        if (i < s.length() && s.charAt(i) == '"') {
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    c = s.charAt(++i);
                }
                if (c < 32 || c > 126) {
                    throw new PathException("invalid character in quoted local part");
                }
                out.append(c);
                i++;
            }
            if (i >= s.length()) {
                throw new PathException("unterminated quoted local part");
            }
            if (out.length() == 0) {
                throw new PathException("empty local part");
            }
            return i + 1;
        }
        int start = i;
        while (i < s.length() && (isAtext(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i == start) {
            throw new PathException("missing local part");
        }
        out.append(s, start, i);
        return i;
    }

    private static int domain(String s, int i) throws PathException {
        int start = i;
        if (i < s.length() && s.charAt(i) == '[') {
            // RFC 5321 4.1.3 address literal: IPv4, "IPv6:..." or a general literal.
            int close = s.indexOf(']', i);
            if (close < 0) {
                throw new PathException("unterminated address literal");
            }
            for (int k = i + 1; k < close; k++) {
                char c = s.charAt(k);
                if (!(isLetDig(c) || c == '.' || c == ':' || c == '-')) {
                    throw new PathException("invalid address literal");
                }
            }
            return close + 1;
        }
        while (i < s.length() && (isLetDig(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '.'
                || s.charAt(i) == '_')) {
            i++;
        }
        if (i == start || s.charAt(start) == '.' || s.charAt(start) == '-') {
            throw new PathException("invalid domain");
        }
        return i;
    }

    /** RFC 5321 4.1.2 Dot-string (RFC 5322 atext and dots, leniently). */
    public static boolean isDotString(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAtext(c) && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** RFC 5321 4.1.2 Quoted-string. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    private static boolean isAtext(char c) {
        return isLetDig(c) || ATEXT_SPECIALS.indexOf(c) >= 0;
    }

    private static boolean isLetDig(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
