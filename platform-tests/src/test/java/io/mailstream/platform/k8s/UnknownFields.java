package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fields the typed model did not recognise. fabric8 keeps anything it cannot bind (a misspelt
 * field, a value of the wrong type) in {@code additionalProperties} instead of failing, so a typo
 * such as {@code readinesProbe} parses; this walk finds every such field.
 */
final class UnknownFields {
    private UnknownFields() {
    }

    /** Paths of the unrecognised fields in a typed object (the spec of a custom resource is not typed). */
    static List<String> of(Object typed) {
        List<String> out = new ArrayList<>();
        if (typed instanceof GenericKubernetesResource g) {
            walk(g.getMetadata(), "metadata", out);
        } else {
            walk(typed, "", out);
        }
        return out;
    }

    private static void walk(Object node, String path, List<String> out) {
        if (node == null) {
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", out);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", out));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(m.toString(), e);
            }
            String field = path + "." + Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> out.add(path + "." + k));
                }
            } else {
                walk(value, field, out);
            }
        }
    }
}
