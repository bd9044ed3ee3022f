package io.mailstream.devstack.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one line {@code ./mailstream dev} prints on stdout once everything answers:
 * space-separated {@code key=value} pairs, front-end instances first (extra instances right
 * after their first), then store, admin, kafka, mongodb, the demo account and the admin token.
 */
public final class ReadyLine {

    private ReadyLine() {
    }

    public static String format(List<ServiceInstance> instances, String kafka, String mongodb,
                                String user, String password, String adminToken) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceTable.SERVICES) {
            if (spec.role() == ServiceSpec.Role.FRONT_END) {
                for (ServiceInstance instance : instances) {
                    if (instance.spec().equals(spec)) {
                        entries.putAll(instance.readyEntries());
                    }
                }
            }
        }
        for (ServiceInstance instance : instances) {
            if (instance.spec().role() == ServiceSpec.Role.STORE) {
                entries.putAll(instance.readyEntries());
            }
        }
        entries.put("kafka", kafka);
        entries.put("mongodb", mongodb);
        if (user != null) {
            entries.put("user", user);
            entries.put("password", password);
        }
        entries.put("admin-token", adminToken);
        return "READY " + entries.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
