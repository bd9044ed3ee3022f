package io.mailstream.store.api;

import java.util.List;

/**
 * A FETCH section (RFC 9051 6.4.5 section-spec): a part path ({@code []} = the whole message,
 * {@code [1, 2]} = part 1.2) and what of it.
 *
 * @param fields header field names for HEADER_FIELDS / HEADER_FIELDS_NOT, else empty
 */
public record SectionSpec(List<Integer> part, Text text, List<String> fields) {

    /** The section-msgtext / section-text variants; FULL is the whole part (e.g. BODY[1]). */
    public enum Text {
        FULL,
        HEADER,
        HEADER_FIELDS,
        HEADER_FIELDS_NOT,
        TEXT,
        MIME
    }

    public static SectionSpec whole() {
        return new SectionSpec(List.of(), Text.FULL, List.of());
    }
}
