package io.mailstream.imap.proto.types;

/** Character classes of RFC 9051 9 (all 7-bit; 8-bit never qualifies). */
public final class Chars {
    private Chars() {
    }

    /** ATOM-CHAR: any CHAR except atom-specials {@code ( ) { SP CTL % * " \ ]}. */
    public static boolean isAtomChar(int c) {
        return c > 0x20 && c < 0x7f && c != '(' && c != ')' && c != '{' && c != '%' && c != '*'
                && c != '"' && c != '\\' && c != ']';
    }

    /** ASTRING-CHAR = ATOM-CHAR / resp-specials ("]"). */
    public static boolean isAstringChar(int c) {
        return isAtomChar(c) || c == ']';
    }

    /** list-char = ATOM-CHAR / list-wildcards / resp-specials. */
    public static boolean isListChar(int c) {
        return isAstringChar(c) || c == '%' || c == '*';
    }

    /** tagged-label-fchar / tagged-label-char of RFC 9051 9 (tagged-ext-label). */
    public static boolean isTaggedLabelChar(int c, boolean first) {
        boolean f = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.';
        return first ? f : f || (c >= '0' && c <= '9') || c == ':';
    }
}
