package io.mailstream.platform.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The kustomizations under k8s/, rendered once per test run. */
final class Rendered {
    static final List<String> KUSTOMIZATIONS = List.of("base", "overlays/dev", "overlays/production");
    private static final Map<String, Manifests> CACHE = new ConcurrentHashMap<>();

    private Rendered() {
    }

    /** A fresh copy of the rendered set, safe to mutate. */
    static Manifests of(String kustomization) {
        return CACHE.computeIfAbsent(kustomization, k -> {
            try {
                return Manifests.render(k);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).copy();
    }

    /** Secrets a kustomization expects the cluster's operator to create before it is applied. */
    static Map<String, Set<String>> externalSecrets(String kustomization) {
        return kustomization.equals("overlays/production") ? SecretRefs.CREATED_BY_OPERATOR_OF_THE_CLUSTER : Map.of();
    }

    /** Every check except the strict configuration-key one. */
    static List<String> violations(Manifests m, String kustomization, ServiceKeys keys) {
        List<String> v = new java.util.ArrayList<>();
        v.addAll(WiringChecks.all(m));
        v.addAll(OperatorChecks.all(m, externalSecrets(kustomization)));
        v.addAll(ConfigChecks.wiring(m, keys, externalSecrets(kustomization)));
        v.addAll(SecurityChecks.all(m));
        return v;
    }
}
