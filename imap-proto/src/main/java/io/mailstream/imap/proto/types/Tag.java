package io.mailstream.imap.proto.types;

/** RFC 9051 9: {@code tag = 1*<any ASTRING-CHAR except "+">}. */
public final class Tag {
    private Tag() {
    }

    public static boolean isValid(String tag) {
        if (tag == null || tag.isEmpty()) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c == '+' || !Chars.isAstringChar(c)) {
                return false;
            }
        }
        return true;
    }
}
