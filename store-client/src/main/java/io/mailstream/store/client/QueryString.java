package io.mailstream.store.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** URL encoding of query strings and path segments. */
final class QueryString {
    private QueryString() {
    }

    static String of(Map<String, ?> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        query.forEach((k, v) -> {
            if (v instanceof Iterable<?> many) {
                many.forEach(item -> append(sb, k, item));
            } else if (v != null) {
                append(sb, k, v);
            }
        });
        return sb.toString();
    }

    private static void append(StringBuilder sb, String k, Object v) {
        sb.append(sb.length() == 0 ? '?' : '&').append(encode(k)).append('=').append(encode(String.valueOf(v)));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A path segment (user and mailbox ids are hex today; encode anyway). */
    static String segment(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        return encode(s);
    }
}
