package io.mailstream.platform.k8s;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** kustomize's images transformer: rewrites the name, tag or digest of matching container images. */
final class Images {
    private static final Set<String> OPTIONS = Set.of("name", "newName", "newTag", "digest");

    private Images() {
    }

    static void apply(List<Map<String, Object>> resources, Map<String, Object> entry) {
        for (String option : entry.keySet()) {
            if (!OPTIONS.contains(option)) {
                throw new UnsupportedOperationException("images option '" + option + "' is not supported");
            }
        }
        for (Map<String, Object> r : resources) {
            walk(r, entry);
        }
    }

    private static void walk(Object node, Map<String, Object> entry) {
        if (node instanceof Map<?, ?>) {
            Map<String, Object> m = Yamls.map(node);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if ((e.getKey().equals("containers") || e.getKey().equals("initContainers"))
                        && e.getValue() instanceof List<?>) {
                    for (Object c : Yamls.list(e.getValue())) {
                        rewrite(Yamls.map(c), entry);
                    }
                }
                walk(e.getValue(), entry);
            }
        } else if (node instanceof List<?>) {
            for (Object v : Yamls.list(node)) {
                walk(v, entry);
            }
        }
    }

    private static void rewrite(Map<String, Object> container, Map<String, Object> entry) {
        Object image = container.get("image");
        if (image == null) {
            return;
        }
        Ref ref = Ref.parse(String.valueOf(image));
        if (!ref.name().equals(entry.get("name"))) {
            return;
        }
        String name = entry.get("newName") == null ? ref.name() : String.valueOf(entry.get("newName"));
        String tag = entry.get("newTag") == null ? ref.tag() : String.valueOf(entry.get("newTag"));
        String digest = entry.get("digest") == null ? ref.digest() : String.valueOf(entry.get("digest"));
        if (entry.get("digest") != null) {
            tag = null;
        } else if (entry.get("newTag") != null) {
            digest = null;
        }
        container.put("image", new Ref(name, tag, digest).toString());
    }

    /** An image reference: name (with registry), optional tag, optional digest. */
    record Ref(String name, String tag, String digest) {
        static Ref parse(String image) {
            String digest = null;
            int at = image.indexOf('@');
            if (at >= 0) {
                digest = image.substring(at + 1);
                image = image.substring(0, at);
            }
            int colon = image.lastIndexOf(':');
            if (colon > image.lastIndexOf('/')) {
                return new Ref(image.substring(0, colon), image.substring(colon + 1), digest);
            }
            return new Ref(image, null, digest);
        }

        @Override
        public String toString() {
            return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
        }
    }
}
