package io.mailstream.store.mime;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.util.CharsetUtil;

/** Builds {@link SearchFields}: decoded header values and decoded text of text/* parts, bounded. */
final class SearchExtractor {

    private SearchExtractor() {
    }

    static SearchFields extract(Entity message) {
        List<SearchFields.HeaderValue> headers = new ArrayList<>();
        int budget = MessageAnalyzer.MAX_SEARCH_HEADER_CHARS;
        for (HeaderParser.Field f : message.header.fields()) {
            if (budget <= 0) {
                break;
            }
            String value = decodeWords(f.value(message.buf));
            if (value.length() > budget) {
                value = value.substring(0, budget);
            }
            budget -= value.length() + f.name().length();
            headers.add(new SearchFields.HeaderValue(f.name().toLowerCase(Locale.ROOT), value));
        }
        HeaderParser.Field date = message.header.first("Date");
        SentDate sent = date == null ? null : SentDate.parse(date.value(message.buf));
        StringBuilder text = new StringBuilder();
        appendText(message, text);
        return new SearchFields(headers, sent == null ? null : sent.date(),
                sent == null ? null : sent.instant(), text.toString());
    }

    /** RFC 2047 decoding of a header value (mime4j), lenient: bad words stay as written. */
    static String decodeWords(String value) {
        try {
            return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return value;
        }
    }

    private static void appendText(Entity e, StringBuilder out) {
        int room = MessageAnalyzer.MAX_SEARCH_TEXT_CHARS - out.length();
        if (room <= 0) {
            return;
        }
        if (!e.children.isEmpty()) {
            for (Entity child : e.children) {
                appendText(child, out);
            }
            return;
        }
        if (e.encapsulated() != null) {
            appendText(e.encapsulated(), out);
            return;
        }
        if (!e.content.isText() || e.bodyEnd <= e.bodyStart()) {
            return;
        }
        byte[] body = java.util.Arrays.copyOfRange(e.buf, e.bodyStart(), e.bodyEnd);
        try {
            body = Sections.decodeBinary(body, e.content.encoding());
        } catch (UnknownTransferEncodingException ex) {
            // search the octets as they are
        }
        String text = decodeCharset(body, e.content.param("charset"));
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(text, 0, Math.min(text.length(), Math.max(0, room - 1)));
    }

    /** Charset decoding; unknown or us-ascii with 8-bit octets falls back to UTF-8/ISO-8859-1. */
    static String decodeCharset(byte[] body, String charsetName) {
        Charset cs = charsetName == null ? null : CharsetUtil.lookup(charsetName.strip());
        if (cs == null || cs.name().equals("US-ASCII")) {
            return Bytes.headerText(body, 0, body.length);
        }
        return new String(body, cs);
    }
}
