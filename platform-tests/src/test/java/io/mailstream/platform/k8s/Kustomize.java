package io.mailstream.platform.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kustomize renderer for the subset of kustomize the manifests in {@code k8s/} use, so the
 * build renders the overlays without installing a binary: {@code resources} (files and
 * directories), {@code patches} (strategic merge / merge, by the patch's kind and name, and
 * {@code $patch: delete}), {@code namespace}, {@code labels}, {@code images} and {@code replicas},
 * applied in that order as kustomize does. Any other field or option fails loudly, so a manifest
 * cannot silently depend on something rendered differently here than by kubectl.
 */
final class Kustomize {
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "replicas", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterIssuer", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition", "PriorityClass", "StorageClass", "PersistentVolume");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet");

    private Kustomize() {
    }

    static List<Map<String, Object>> render(Path dir) throws IOException {
        Path file = dir.resolve("kustomization.yaml");
        List<Map<String, Object>> docs = Yamls.load(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one document");
        }
        Map<String, Object> k = docs.get(0);
        for (String field : k.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new UnsupportedOperationException(file + ": field '" + field + "' is not supported");
            }
        }
        if (!"kustomize.config.k8s.io/v1beta1".equals(k.get("apiVersion")) || !"Kustomization".equals(k.get("kind"))) {
            throw new IllegalArgumentException(file + ": not a kustomize.config.k8s.io/v1beta1 Kustomization");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : Yamls.list(k.get("resources"))) {
            Path p = dir.resolve(String.valueOf(r)).normalize();
            out.addAll(Files.isDirectory(p) ? render(p) : Yamls.load(p));
        }
        checkUniqueIds(out, file);
        for (Object entry : Yamls.list(k.get("patches"))) {
            patch(out, dir, Yamls.map(entry), file);
        }
        if (k.get("namespace") != null) {
            namespace(out, String.valueOf(k.get("namespace")));
        }
        for (Object entry : Yamls.list(k.get("labels"))) {
            labels(out, Yamls.map(entry), file);
        }
        for (Object entry : Yamls.list(k.get("images"))) {
            Images.apply(out, Yamls.map(entry));
        }
        for (Object entry : Yamls.list(k.get("replicas"))) {
            replicas(out, Yamls.map(entry), file);
        }
        checkUniqueIds(out, file);
        return out;
    }

    static String id(Map<String, Object> r) {
        return r.get("kind") + "/" + Yamls.str(r, "metadata", "name");
    }

    private static void checkUniqueIds(List<Map<String, Object>> resources, Path file) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> r : resources) {
            String id = id(r) + " in " + Yamls.str(r, "metadata", "namespace");
            if (!seen.add(id)) {
                throw new IllegalArgumentException(file + ": duplicate resource " + id);
            }
        }
    }

    private static void patch(List<Map<String, Object>> resources, Path dir, Map<String, Object> entry, Path file)
            throws IOException {
        if (!entry.keySet().equals(Set.of("path"))) {
            throw new UnsupportedOperationException(file + ": only 'path' patches are supported: " + entry);
        }
        for (Map<String, Object> p : Yamls.load(dir.resolve(String.valueOf(entry.get("path"))))) {
            Map<String, Object> target = target(resources, p, file);
            if (Patches.isDelete(p)) {
                resources.removeIf(r -> r == target);
            } else {
                Patches.apply(target, p);
            }
        }
    }

    /** The one resource a patch document names by kind, name (and namespace if it gives one). */
    private static Map<String, Object> target(List<Map<String, Object>> resources, Map<String, Object> patch,
            Path file) {
        String ns = Yamls.str(patch, "metadata", "namespace");
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Map<String, Object> r : resources) {
            if (id(r).equals(id(patch)) && (ns == null || ns.equals(Yamls.str(r, "metadata", "namespace")))) {
                matches.add(r);
            }
        }
        if (matches.size() != 1) {
            throw new IllegalArgumentException(file + ": patch of " + id(patch) + " matches " + matches.size()
                    + " resources");
        }
        return matches.get(0);
    }

    private static void namespace(List<Map<String, Object>> resources, String namespace) {
        for (Map<String, Object> r : resources) {
            if ("Namespace".equals(r.get("kind"))) {
                // kustomize renames Namespace objects to the namespace it sets (kustomize#4979).
                Yamls.at(r, true, "metadata").put("name", namespace);
                continue;
            }
            if (CLUSTER_SCOPED.contains(String.valueOf(r.get("kind")))) {
                continue;
            }
            Yamls.at(r, true, "metadata").put("namespace", namespace);
            if (String.valueOf(r.get("kind")).endsWith("RoleBinding")) {
                for (Object s : Yamls.list(r.get("subjects"))) {
                    Map<String, Object> subject = Yamls.map(s);
                    Object subjectNs = subject.get("namespace");
                    if ("ServiceAccount".equals(subject.get("kind")) && (subjectNs == null || "default".equals(subjectNs))) {
                        subject.put("namespace", namespace);
                    }
                }
            }
        }
    }

    private static void labels(List<Map<String, Object>> resources, Map<String, Object> entry, Path file) {
        for (String option : entry.keySet()) {
            if (!Set.of("pairs", "includeSelectors", "includeTemplates").contains(option)) {
                throw new UnsupportedOperationException(file + ": labels option '" + option + "' is not supported");
            }
        }
        if (Boolean.TRUE.equals(entry.get("includeSelectors"))) {
            throw new UnsupportedOperationException(file + ": labels with includeSelectors are not supported");
        }
        Map<String, Object> pairs = Yamls.map(entry.get("pairs"));
        boolean templates = Boolean.TRUE.equals(entry.get("includeTemplates"));
        for (Map<String, Object> r : resources) {
            Yamls.at(r, true, "metadata", "labels").putAll(pairs);
            if (templates && WORKLOADS.contains(String.valueOf(r.get("kind")))) {
                Yamls.at(r, true, "spec", "template", "metadata", "labels").putAll(pairs);
            }
        }
    }

    private static void replicas(List<Map<String, Object>> resources, Map<String, Object> entry, Path file) {
        boolean found = false;
        for (Map<String, Object> r : resources) {
            if (WORKLOADS.contains(String.valueOf(r.get("kind")))
                    && entry.get("name").equals(Yamls.str(r, "metadata", "name"))) {
                Yamls.at(r, true, "spec").put("replicas", ((Number) entry.get("count")).intValue());
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException(file + ": replicas for unknown workload " + entry.get("name"));
        }
    }
}
