package io.mailstream.store.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a header block into fields (RFC 5322 2.2, with the obsolete syntax of 4.5: whitespace
 * before the colon, 8-bit octets). Works on raw bytes so that field line ranges are exact.
 *
 * <p>Decisions for malformed input (written down because parsers disagree):
 * <ul>
 *   <li>A line that is neither a field nor a continuation ends the header and starts the body
 *       (no blank line between header and body, or no header at all).</li>
 *   <li>A first line {@code "From "} (mbox separator) is skipped as part of the header.</li>
 *   <li>A UTF-8 byte order mark before the first field name is ignored.</li>
 *   <li>Inside a multipart, a delimiter line ends the header (and the part).</li>
 * </ul>
 */
final class HeaderParser {

    /** Tells whether the line at a position is a multipart delimiter of an enclosing part. */
    interface DelimiterCheck {
        boolean isDelimiter(int lineStart);
    }

    /** One field: name (as written, trimmed), raw line range, unfolded value bytes range. */
    record Field(String name, int start, int end, int valueStart) {

        /** The unfolded value (line breaks removed), trimmed, as header text. */
        String value(byte[] buf) {
            return unfold(buf, valueStart, end).strip();
        }

        /** The unfolded value as octets (each char one byte), for mime4j's byte parsers. */
        byte[] valueBytes(byte[] buf) {
            byte[] out = new byte[end - valueStart];
            int n = 0;
            for (int i = valueStart; i < end; i++) {
                if (buf[i] != '\r' && buf[i] != '\n') {
                    out[n++] = buf[i];
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }
    }

    /**
     * A parsed header.
     *
     * @param bodyStart     where the body starts (after the blank line, if any)
     * @param delimiterLine start of the multipart delimiter line that ended the header (the part
     *                      then has no body; its header excludes the line break that belongs to
     *                      the delimiter), or -1
     */
    record Header(List<Field> fields, int bodyStart, int delimiterLine) {

        boolean endsAtDelimiter() {
            return delimiterLine >= 0;
        }

        Field first(String name) {
            for (Field f : fields) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            return null;
        }

        List<Field> all(String name) {
            List<Field> out = new ArrayList<>();
            for (Field f : fields) {
                if (f.name().equalsIgnoreCase(name)) {
                    out.add(f);
                }
            }
            return out;
        }
    }

    private HeaderParser() {
    }

    static Header parse(byte[] buf, int start, int limit, boolean topLevel, DelimiterCheck delimiters) {
        List<Field> fields = new ArrayList<>();
        int pos = start;
        int fieldStart = -1;
        int valueStart = -1;
        String name = null;
        boolean first = true;
        while (pos < limit) {
            if (delimiters != null && delimiters.isDelimiter(pos)) {
                int end = Math.max(start, pos - Bytes.eolBefore(buf, pos, start));
                addField(fields, name, fieldStart, end, valueStart);
                return new Header(fields, end, pos);
            }
            int next = Bytes.lineEnd(buf, pos, limit);
            if (Bytes.isBlankLine(buf, pos, limit)) {
                addField(fields, name, fieldStart, pos, valueStart);
                return new Header(fields, next, -1);
            }
            if (Bytes.isWsp(buf[pos]) && name != null) {
                pos = next; // RFC 5322 2.2.3: continuation of a folded field
                continue;
            }
            int nameStart = pos;
            if (first && topLevel && hasBom(buf, pos, limit)) {
                nameStart = pos + 3;
            }
            int colon = fieldColon(buf, nameStart, next);
            if (colon < 0) {
                if (first && topLevel && Bytes.startsWith(buf, nameStart, limit, MBOX_FROM)) {
                    first = false;
                    pos = next;
                    continue;
                }
                // Not a field: the header ends here and the body starts (no separator line).
                addField(fields, name, fieldStart, pos, valueStart);
                return new Header(fields, pos, -1);
            }
            addField(fields, name, fieldStart, pos, valueStart);
            name = nameOf(buf, nameStart, colon);
            fieldStart = pos;
            valueStart = colon + 1;
            first = false;
            pos = next;
        }
        addField(fields, name, fieldStart, limit, valueStart);
        return new Header(fields, limit, -1);
    }

    private static final byte[] MBOX_FROM = {'F', 'r', 'o', 'm', ' '};

    private static boolean hasBom(byte[] buf, int pos, int limit) {
        return limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB
                && buf[pos + 2] == (byte) 0xBF;
    }

    /** Position of the colon ending a field name on this line, or -1 if it is not a field. */
    private static int fieldColon(byte[] buf, int pos, int lineEnd) {
        int i = pos;
        while (i < lineEnd && buf[i] != ':' && (buf[i] & 0xff) > ' ' && buf[i] != 127) {
            i++;
        }
        if (i == pos) {
            return -1;
        }
        while (i < lineEnd && Bytes.isWsp(buf[i])) {
            i++; // RFC 5322 4.5.3 obs-optional: WSP between name and colon
        }
        return i < lineEnd && buf[i] == ':' ? i : -1;
    }

    private static String nameOf(byte[] buf, int start, int colon) {
        int end = colon;
        while (end > start && Bytes.isWsp(buf[end - 1])) {
            end--;
        }
        return Bytes.headerText(buf, start, end);
    }

    private static void addField(List<Field> fields, String name, int start, int end, int valueStart) {
        if (name != null && start >= 0) {
            fields.add(new Field(name, start, end, valueStart));
        }
    }

    /** RFC 5322 2.2.3 unfolding: drop CR and LF octets, keep the folding whitespace. */
    static String unfold(byte[] buf, int start, int end) {
        byte[] out = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            if (buf[i] != '\r' && buf[i] != '\n') {
                out[n++] = buf[i];
            }
        }
        return Bytes.headerText(out, 0, n);
    }
}
