package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.Map;

/** Label selector semantics of the Kubernetes API (matchLabels and matchExpressions). */
final class Selectors {
    private Selectors() {
    }

    /** A Service-style selector: a non-empty map whose every entry the labels carry. */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** A LabelSelector: null selects nothing, an empty one selects everything. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> have = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null && !selector.getMatchLabels().entrySet().stream()
                .allMatch(e -> e.getValue().equals(have.get(e.getKey())))) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = have.get(r.getKey());
                boolean ok;
                switch (r.getOperator()) {
                    case "In":
                        ok = value != null && r.getValues().contains(value);
                        break;
                    case "NotIn":
                        ok = value == null || !r.getValues().contains(value);
                        break;
                    case "Exists":
                        ok = value != null;
                        break;
                    case "DoesNotExist":
                        ok = value == null;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown selector operator " + r.getOperator());
                }
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
