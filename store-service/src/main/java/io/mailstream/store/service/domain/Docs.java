package io.mailstream.store.service.domain;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Small BSON helpers (numbers may come back as Integer or Long). */
public final class Docs {
    private Docs() {
    }

    public static long getLong(Document d, String key, long dflt) {
        Object v = d.get(key);
        return v instanceof Number n ? n.longValue() : dflt;
    }

    /** Reads a dotted path such as {@code lease.token}. */
    public static Object path(Document d, String dotted) {
        Object cur = d;
        for (String part : dotted.split("\\.")) {
            if (!(cur instanceof Document doc)) {
                return null;
            }
            cur = doc.get(part);
        }
        return cur;
    }

    public static List<String> strings(Document d, String key) {
        List<?> raw = d.get(key, List.class);
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (Object o : raw) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }
}
