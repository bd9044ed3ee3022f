package io.mailstream.imap.proto.parse;

import io.mailstream.store.api.SectionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * section = "[" [section-spec] "]"; section-spec = section-msgtext / (section-part ["."
 * section-text]); section-binary = "[" [section-part] "]" (RFC 9051 9).
 */
final class SectionParser {
    private SectionParser() {
    }

    static SectionSpec section(Reader r) {
        r.expect('[');
        List<Integer> part = new ArrayList<>();
        SectionSpec.Text text = SectionSpec.Text.FULL;
        List<String> fields = List.of();
        if (!r.peekIs(']')) {
            if (isDigit(r.peek())) {
                part = part(r);
                if (r.peekIs('.')) {
                    r.expect('.');
                    String t = r.until(" ]").toUpperCase(java.util.Locale.ROOT);
                    if (t.equals("MIME")) {
                        text = SectionSpec.Text.MIME;
                    } else {
                        text = msgtext(t);
                    }
                }
            } else {
                text = msgtext(r.until(" ]").toUpperCase(java.util.Locale.ROOT));
            }
            if (text == SectionSpec.Text.HEADER_FIELDS || text == SectionSpec.Text.HEADER_FIELDS_NOT) {
                r.sp();
                fields = headerList(r);
            }
        }
        r.expect(']');
        return new SectionSpec(List.copyOf(part), text, List.copyOf(fields));
    }

    static List<Integer> binaryPart(Reader r) {
        r.expect('[');
        List<Integer> part = r.peekIs(']') ? List.of() : part(r);
        r.expect(']');
        return List.copyOf(part);
    }

    /** section-part = nz-number *("." nz-number). */
    private static List<Integer> part(Reader r) {
        List<Integer> part = new ArrayList<>();
        while (true) {
            long n = r.nzNumber();
            if (n > Integer.MAX_VALUE) {
                throw new SyntaxException("section part number too large");
            }
            part.add((int) n);
            if (r.peekIs('.') && isDigitAfterDot(r)) {
                r.expect('.');
            } else {
                return part;
            }
        }
    }

    private static boolean isDigitAfterDot(Reader r) {
        // "1.2" continues the part; "1.HEADER" starts a section-text
        return r.peekAt(1) >= '0' && r.peekAt(1) <= '9';
    }

    private static SectionSpec.Text msgtext(String t) {
        return switch (t) {
            case "HEADER" -> SectionSpec.Text.HEADER;
            case "HEADER.FIELDS" -> SectionSpec.Text.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> SectionSpec.Text.HEADER_FIELDS_NOT;
            case "TEXT" -> SectionSpec.Text.TEXT;
            default -> throw new SyntaxException("invalid section " + CommandParser.shorten(t));
        };
    }

    /** header-list = "(" header-fld-name *(SP header-fld-name) ")". */
    private static List<String> headerList(Reader r) {
        List<String> names = new ArrayList<>();
        r.open();
        do {
            String name = r.astring();
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                // RFC 5322 2.2 field-name: printable US-ASCII except ":"
                if (c <= 0x20 || c >= 0x7f || c == ':') {
                    throw new SyntaxException("invalid header field name");
                }
            }
            names.add(name);
        } while (r.trySp());
        r.close();
        return names;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
