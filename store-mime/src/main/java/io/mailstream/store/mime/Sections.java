package io.mailstream.store.mime;

import io.mailstream.store.api.SectionSpec;
import java.util.List;

/**
 * Cuts FETCH BODY[section] (RFC 9051 6.4.5) and BINARY[section] (RFC 3516) out of a stored
 * message using its {@link PartIndex}. A nonexistent part yields an empty result, not an error.
 */
public final class Sections {

    private Sections() {
    }

    /**
     * The part addressed by {@code path} (RFC 9051 6.4.5 numbering), or null when there is none.
     * An empty path is the message itself.
     */
    public static PartIndex find(PartIndex message, List<Integer> path) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The raw range of a section. For FULL, HEADER, TEXT and MIME it is exactly the section; for
     * HEADER.FIELDS / HEADER.FIELDS.NOT it is the header the fields are taken from (pass those
     * bytes to {@link #headerFields}). Empty for a nonexistent part.
     */
    public static SectionSlice locate(PartIndex message, SectionSpec spec) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The bytes of any section, HEADER.FIELDS and HEADER.FIELDS.NOT included. */
    public static byte[] extract(byte[] raw, PartIndex message, SectionSpec spec) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * HEADER.FIELDS / HEADER.FIELDS.NOT: the field lines of {@code header} whose names are (or are
     * not) in {@code spec.fields()}, case-insensitively, followed by the blank line.
     */
    public static byte[] headerFields(byte[] header, SectionSpec spec) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * RFC 3516 BINARY: the part body with its transfer encoding removed.
     *
     * @throws UnknownTransferEncodingException for an encoding other than 7bit, 8bit, binary,
     *         base64 or quoted-printable (the IMAP layer answers [UNKNOWN-CTE])
     */
    public static byte[] decodeBinary(byte[] partBody, String transferEncoding) {
        throw new UnsupportedOperationException("not yet");
    }
}
