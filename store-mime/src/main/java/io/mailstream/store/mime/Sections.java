package io.mailstream.store.mime;

import io.mailstream.store.api.SectionSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * Cuts FETCH BODY[section] (RFC 9051 6.4.5) and BINARY[section] (RFC 3516) out of a stored
 * message using its {@link PartIndex}. A nonexistent part yields an empty result, not an error.
 *
 * <p>RFC 9051 6.4.5 numbering: the body of a non-multipart message is part 1; the parts of a
 * multipart are numbered from 1; the parts of a message/rfc822 part are numbered within it.
 * MIME is the header of a part; HEADER, HEADER.FIELDS[.NOT] and TEXT apply to the message (empty
 * part path) or to a message/rfc822 part, and are empty for any other part.
 */
public final class Sections {

    private static final byte[] CRLF = {'\r', '\n'};

    private Sections() {
    }

    /**
     * The part addressed by {@code path}, or null when there is none. An empty path is the
     * message itself; part 1 of a non-multipart message is that message (its body).
     */
    public static PartIndex find(PartIndex message, List<Integer> path) {
        PartIndex context = message;
        boolean contextIsMessage = true;
        PartIndex part = message;
        for (int n : path) {
            if (context == null) {
                return null;
            }
            if (context.multipart()) {
                if (n < 1 || n > context.parts().size()) {
                    return null;
                }
                part = context.parts().get(n - 1);
            } else if (contextIsMessage && n == 1) {
                part = context;
            } else {
                return null;
            }
            if (part.multipart() && part != context) {
                context = part;
                contextIsMessage = false;
            } else if (part.message() != null) {
                context = part.message();
                contextIsMessage = true;
            } else {
                context = null;
            }
        }
        return part;
    }

    /**
     * The raw range of a section. For FULL, HEADER, TEXT and MIME it is exactly the section; for
     * HEADER.FIELDS / HEADER.FIELDS.NOT it is the header the fields are taken from (pass those
     * bytes to {@link #headerFields}). Empty for a nonexistent part.
     */
    public static SectionSlice locate(PartIndex message, SectionSpec spec) {
        SectionSlice s = target(message, spec);
        return s == null ? SectionSlice.EMPTY : s;
    }

    /** The bytes of any section, HEADER.FIELDS and HEADER.FIELDS.NOT included. */
    public static byte[] extract(byte[] raw, PartIndex message, SectionSpec spec) {
        SectionSlice s = target(message, spec);
        if (s == null) {
            return new byte[0];
        }
        byte[] bytes = Arrays.copyOfRange(raw, (int) Math.min(s.start(), raw.length),
                (int) Math.min(s.end(), raw.length));
        return switch (spec.text()) {
            case HEADER_FIELDS, HEADER_FIELDS_NOT -> headerFields(bytes, spec);
            default -> bytes;
        };
    }

    private static SectionSlice target(PartIndex message, SectionSpec spec) {
        if (spec.part().isEmpty()) {
            return switch (spec.text()) {
                case FULL -> new SectionSlice(message.headerStart(), message.bodyEnd());
                case HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT ->
                        new SectionSlice(message.headerStart(), message.bodyStart());
                case TEXT -> new SectionSlice(message.bodyStart(), message.bodyEnd());
                case MIME -> null; // RFC 9051 6.4.5: MIME needs a part number
            };
        }
        PartIndex part = find(message, spec.part());
        if (part == null) {
            return null;
        }
        return switch (spec.text()) {
            case FULL -> new SectionSlice(part.bodyStart(), part.bodyEnd());
            case MIME -> new SectionSlice(part.headerStart(), part.bodyStart());
            case HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT -> part.message() == null ? null
                    : new SectionSlice(part.message().headerStart(), part.message().bodyStart());
            case TEXT -> part.message() == null ? null
                    : new SectionSlice(part.message().bodyStart(), part.message().bodyEnd());
        };
    }

    /**
     * HEADER.FIELDS / HEADER.FIELDS.NOT (RFC 9051 6.4.5): the field lines of {@code header} whose
     * names are (or are not) in {@code spec.fields()}, compared case-insensitively, as written
     * (folding kept), followed by the blank line that ends a header. Any other section type gets
     * {@code header} back unchanged.
     */
    public static byte[] headerFields(byte[] header, SectionSpec spec) {
        boolean not = spec.text() == SectionSpec.Text.HEADER_FIELDS_NOT;
        if (!not && spec.text() != SectionSpec.Text.HEADER_FIELDS) {
            return header;
        }
        Set<String> names = new HashSet<>();
        for (String f : spec.fields()) {
            names.add(f.toLowerCase(Locale.ROOT));
        }
        HeaderParser.Header parsed = HeaderParser.parse(header, 0, header.length, true, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HeaderParser.Field f : parsed.fields()) {
            if (names.contains(f.name().toLowerCase(Locale.ROOT)) != not) {
                out.write(header, f.start(), f.end() - f.start());
                if (header[f.end() - 1] != '\n') {
                    out.write(CRLF, 0, 2);
                }
            }
        }
        int blank = blankLineLength(header, parsed);
        if (blank > 0) {
            out.write(header, header.length - blank, blank);
        } else {
            out.write(CRLF, 0, 2);
        }
        return out.toByteArray();
    }

    /** Length of the blank line ending {@code header} (1 or 2), 0 if it has none. */
    private static int blankLineLength(byte[] header, HeaderParser.Header parsed) {
        int n = header.length;
        if (parsed.bodyStart() != n || n == 0 || header[n - 1] != '\n') {
            return 0;
        }
        int eol = Bytes.eolBefore(header, n, 0);
        int lineStart = n - eol;
        return lineStart == 0 || header[lineStart - 1] == '\n' ? eol : 0;
    }

    /**
     * RFC 3516 BINARY: the part body with its transfer encoding removed (base64 and
     * quoted-printable decoded leniently, 7bit/8bit/binary as is).
     *
     * @throws UnknownTransferEncodingException for any other encoding (the IMAP layer answers
     *         RFC 3516 [UNKNOWN-CTE])
     */
    public static byte[] decodeBinary(byte[] partBody, String transferEncoding) {
        String enc = transferEncoding == null ? "" : transferEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (enc) {
            case "", "7bit", "8bit", "binary" -> partBody;
            case "base64" -> drain(new Base64InputStream(new ByteArrayInputStream(partBody), DecodeMonitor.SILENT));
            case "quoted-printable" -> drain(new QuotedPrintableInputStream(
                    new ByteArrayInputStream(partBody), DecodeMonitor.SILENT));
            default -> throw new UnknownTransferEncodingException(transferEncoding);
        };
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory decoding failed", e); // cannot happen
        }
    }
}
