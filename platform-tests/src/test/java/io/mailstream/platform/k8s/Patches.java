package io.mailstream.platform.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The patch semantics kustomize applies: strategic merge for built-in kinds (lists of containers,
 * env, volumes, mounts and ports merge by their key, other lists are replaced) and, for custom
 * resources whose schema kustomize does not know, plain merge semantics (maps merge, lists are
 * replaced, null deletes). Only what the manifests use; any other {@code $} directive is refused
 * rather than guessed.
 */
final class Patches {
    /** API groups whose kinds have strategic-merge metadata (patchMergeKey) in their schema. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "autoscaling", "policy",
            "networking.k8s.io", "rbac.authorization.k8s.io");

    private Patches() {
    }

    static boolean isBuiltIn(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return BUILT_IN_GROUPS.contains(group);
    }

    /** True when the patch document asks to delete the resource ({@code $patch: delete}). */
    static boolean isDelete(Map<String, Object> patch) {
        Object directive = patch.get("$patch");
        if (directive == null) {
            return false;
        }
        if (!"delete".equals(directive)) {
            throw new UnsupportedOperationException("$patch: " + directive + " is not supported");
        }
        return true;
    }

    /** Applies a patch document to a resource in place. */
    static void apply(Map<String, Object> resource, Map<String, Object> patch) {
        mergeMap(resource, patch, isBuiltIn(resource), "");
    }

    private static void mergeMap(Map<String, Object> target, Map<String, Object> patch, boolean strategic,
            String path) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("$")) {
                throw new UnsupportedOperationException("patch directive " + key + " at " + path + " is not supported");
            }
            Object value = e.getValue();
            if (value == null) {
                target.remove(key);
            } else {
                target.put(key, merge(target.get(key), value, strategic, path + "/" + key));
            }
        }
    }

    private static Object merge(Object target, Object patch, boolean strategic, String path) {
        if (patch instanceof Map<?, ?> && target instanceof Map<?, ?>) {
            mergeMap(Yamls.map(target), Yamls.map(patch), strategic, path);
            return target;
        }
        if (patch instanceof List<?> && target instanceof List<?> && strategic) {
            String mergeKey = mergeKey(path);
            if (mergeKey != null) {
                return mergeList(Yamls.list(target), Yamls.list(patch), mergeKey, path);
            }
        }
        return Yamls.copy(patch);
    }

    private static List<Object> mergeList(List<Object> target, List<Object> patch, String mergeKey, String path) {
        List<Object> out = new ArrayList<>(target);
        for (Object p : patch) {
            Map<String, Object> element = Yamls.map(p);
            Object key = element.get(mergeKey);
            if (key == null) {
                throw new IllegalArgumentException("patch element at " + path + " lacks its merge key " + mergeKey);
            }
            Map<String, Object> existing = null;
            for (Object t : out) {
                if (Objects.equals(String.valueOf(Yamls.map(t).get(mergeKey)), String.valueOf(key))) {
                    existing = Yamls.map(t);
                }
            }
            if (existing == null) {
                out.add(Yamls.copy(element));
            } else {
                mergeMap(existing, element, true, path + "[" + key + "]");
            }
        }
        return out;
    }

    /** The patchMergeKey of a list in the Kubernetes schema, for the lists the manifests patch. */
    static String mergeKey(String path) {
        String field = path.substring(path.lastIndexOf('/') + 1);
        switch (field) {
            case "containers":
            case "initContainers":
            case "volumes":
            case "env":
            case "imagePullSecrets":
                return "name";
            case "volumeMounts":
                return "mountPath";
            case "ports":
                if (path.contains("/containers[")) {
                    return "containerPort";
                }
                return path.equals("/spec/ports") ? "port" : null;
            default:
                return null;
        }
    }
}
