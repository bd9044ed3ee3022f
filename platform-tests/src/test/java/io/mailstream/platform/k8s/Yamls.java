package io.mailstream.platform.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** YAML documents as plain, mutable maps and lists: what kustomize works on before anything is typed. */
final class Yamls {
    private Yamls() {
    }

    /** Every non-empty document of a (multi-document) YAML file; each must be a mapping. */
    static List<Map<String, Object>> load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml(options).loadAll(r)) {
                if (doc == null) {
                    continue;
                }
                if (!(doc instanceof Map)) {
                    throw new IllegalArgumentException(file + ": a document is not a mapping: " + doc);
                }
                docs.add(map(copy(doc)));
            }
        }
        return docs;
    }

    /** A deep copy in which every mapping is a LinkedHashMap and every sequence an ArrayList. */
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /** The mapping at a path of keys, created on the way when {@code create}; null if absent otherwise. */
    static Map<String, Object> at(Map<String, Object> root, boolean create, String... keys) {
        Map<String, Object> cur = root;
        for (String k : keys) {
            Object next = cur.get(k);
            if (next == null) {
                if (!create) {
                    return null;
                }
                next = new LinkedHashMap<String, Object>();
                cur.put(k, next);
            }
            cur = map(next);
        }
        return cur;
    }

    static String str(Map<String, Object> root, String... keys) {
        Map<String, Object> parent = keys.length == 1 ? root
                : at(root, false, java.util.Arrays.copyOf(keys, keys.length - 1));
        Object v = parent == null ? null : parent.get(keys[keys.length - 1]);
        return v == null ? null : String.valueOf(v);
    }
}
