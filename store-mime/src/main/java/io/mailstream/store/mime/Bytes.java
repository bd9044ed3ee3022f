package io.mailstream.store.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Byte-level helpers shared by the parser and the section cutter. */
final class Bytes {

    private Bytes() {
    }

    /** Position just after the LF ending the line that starts at {@code pos}, or {@code limit}. */
    static int lineEnd(byte[] buf, int pos, int limit) {
        for (int i = pos; i < limit; i++) {
            if (buf[i] == '\n') {
                return i + 1;
            }
        }
        return limit;
    }

    /** Length of the line break (CRLF = 2, bare LF = 1, none = 0) right before {@code pos}. */
    static int eolBefore(byte[] buf, int pos, int floor) {
        if (pos - 1 < floor || buf[pos - 1] != '\n') {
            return 0;
        }
        return pos - 2 >= floor && buf[pos - 2] == '\r' ? 2 : 1;
    }

    /** True when the line starting at {@code pos} is empty (CRLF or LF only). */
    static boolean isBlankLine(byte[] buf, int pos, int limit) {
        if (pos < limit && buf[pos] == '\n') {
            return true;
        }
        return pos + 1 < limit && buf[pos] == '\r' && buf[pos + 1] == '\n';
    }

    /**
     * Lines of a body for BODYSTRUCTURE body-fld-lines: the line breaks (LF, so CRLF and bare LF
     * both count once) plus a final line that has no line break.
     */
    static long countLines(byte[] buf, int start, int end) {
        long lines = 0;
        for (int i = start; i < end; i++) {
            if (buf[i] == '\n') {
                lines++;
            }
        }
        if (end > start && buf[end - 1] != '\n') {
            lines++;
        }
        return lines;
    }

    static boolean startsWith(byte[] buf, int pos, int limit, byte[] prefix) {
        if (limit - pos < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Header text as a Java string: US-ASCII as is, raw 8-bit octets as UTF-8 when they are valid
     * UTF-8 (RFC 6532), else as ISO-8859-1 so that no octet is lost.
     */
    static String headerText(byte[] buf, int start, int end) {
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            if (buf[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(buf, start, end - start, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Re-reads as header text a string whose chars stand for octets, as mime4j's byte parsers
     * produce them ({@code (char) byte}: 8-bit octets become U+FF80..U+FFFF, so keep the low 8 bits).
     */
    static String octetsToHeaderText(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return headerText(b, 0, b.length);
    }

    static boolean isWsp(byte b) {
        return b == ' ' || b == '\t';
    }
}
