package io.mailstream.store.mime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What SEARCH (RFC 9051 6.4.4) needs from a message without reading it again.
 *
 * @param headers   the top-level header fields in message order: lower-case name and the
 *                  unfolded value with RFC 2047 encoded words decoded; bounded in total size
 *                  ({@link MessageAnalyzer#MAX_SEARCH_HEADER_CHARS})
 * @param sentDate  the day of the Date: field as written in the message, disregarding time and
 *                  zone (SENTBEFORE/SENTON/SENTSINCE); null when absent or unparseable
 * @param sentAt    the instant of the Date: field when it also has a valid time, else null
 * @param bodyText  charset- and transfer-decoded text of the text/* parts (including those of
 *                  encapsulated messages), separated by newlines, for BODY/TEXT substring search;
 *                  bounded ({@link MessageAnalyzer#MAX_SEARCH_TEXT_CHARS})
 */
public record SearchFields(List<HeaderValue> headers, LocalDate sentDate, Instant sentAt, String bodyText) {

    /** One header field occurrence: lower-case field name and decoded, unfolded value. */
    public record HeaderValue(String name, String value) {
    }

    public SearchFields {
        headers = headers == null ? List.of() : List.copyOf(headers);
        bodyText = bodyText == null ? "" : bodyText;
    }

    /** The values of every occurrence of a field (name case-insensitive), in message order. */
    public List<String> values(String fieldName) {
        String name = fieldName.toLowerCase(Locale.ROOT);
        return headers.stream().filter(h -> h.name().equals(name)).map(HeaderValue::value).toList();
    }
}
