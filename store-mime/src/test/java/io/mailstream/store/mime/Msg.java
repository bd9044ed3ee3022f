package io.mailstream.store.mime;

import io.mailstream.store.api.SectionSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: CRLF messages from text blocks, section specs from IMAP-like strings. */
final class Msg {

    private Msg() {
    }

    /** The text with every LF turned into CRLF, as UTF-8 bytes. */
    static byte[] crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static String slice(byte[] raw, long start, long end) {
        return new String(raw, (int) start, (int) (end - start), StandardCharsets.UTF_8);
    }

    /**
     * A section spec from RFC 9051 section syntax without brackets: "", "1.2", "HEADER",
     * "3.TEXT", "1.MIME", "HEADER.FIELDS (FROM SUBJECT)", "2.HEADER.FIELDS.NOT (TO)".
     */
    static SectionSpec spec(String s) {
        List<String> fields = List.of();
        int paren = s.indexOf('(');
        if (paren >= 0) {
            fields = Arrays.asList(s.substring(paren + 1, s.indexOf(')')).trim().split("\\s+"));
            s = s.substring(0, paren).trim();
        }
        List<Integer> part = new ArrayList<>();
        String rest = s;
        while (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
            int dot = rest.indexOf('.');
            part.add(Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot)));
            rest = dot < 0 ? "" : rest.substring(dot + 1);
        }
        SectionSpec.Text text = switch (rest) {
            case "" -> SectionSpec.Text.FULL;
            case "HEADER" -> SectionSpec.Text.HEADER;
            case "TEXT" -> SectionSpec.Text.TEXT;
            case "MIME" -> SectionSpec.Text.MIME;
            case "HEADER.FIELDS" -> SectionSpec.Text.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> SectionSpec.Text.HEADER_FIELDS_NOT;
            default -> throw new IllegalArgumentException(rest);
        };
        return new SectionSpec(part, text, fields);
    }
}
