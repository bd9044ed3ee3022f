package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the objects refer to each other: Service selectors and target ports, probes, autoscalers,
 * disruption budgets, network policies and ServiceMonitors all have to land on real pods and
 * real ports. Each check returns the violations it finds, so a test can show it fails too.
 */
final class WiringChecks {
    static final String LIVE = "/q/health/live";
    static final String READY = "/q/health/ready";
    /** Pods metrics each service exports for its autoscaler. */
    static final Map<String, Set<String>> POD_METRICS = Map.of("imap-service", Set.of("mailstream_imap_sessions"));

    private WiringChecks() {
    }

    static List<String> all(Manifests m) {
        List<String> v = new ArrayList<>();
        v.addAll(deployments(m));
        v.addAll(services(m));
        v.addAll(probes(m));
        v.addAll(autoscalers(m));
        v.addAll(disruptionBudgets(m));
        v.addAll(networkPolicies(m));
        v.addAll(serviceMonitors(m));
        v.addAll(namespaces(m));
        return v;
    }

    static List<String> deployments(Manifests m) {
        List<String> v = new ArrayList<>();
        for (Deployment d : m.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (!Manifests.SERVICES.contains(name)) {
                v.add("Deployment/" + name + " is not one of the services " + Manifests.SERVICES);
            }
            if (d.getSpec().getTemplate().getSpec().getContainers().size() != 1
                    || !name.equals(ContainerEnv.container(d).getName())) {
                v.add("Deployment/" + name + " must run exactly one container, named " + name);
            }
            if (!Selectors.matches(d.getSpec().getSelector(), labels)) {
                v.add("Deployment/" + name + ": its selector does not select its own pod template");
            }
            if (!name.equals(labels.get("app.kubernetes.io/name"))) {
                v.add("Deployment/" + name + ": pods must carry app.kubernetes.io/name=" + name);
            }
            for (var c : nullSafe(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())) {
                if (!Selectors.matches(c.getLabelSelector(), labels)) {
                    v.add("Deployment/" + name + ": a topology spread constraint does not select its own pods");
                }
            }
        }
        return v;
    }

    static List<String> services(Manifests m) {
        List<String> v = new ArrayList<>();
        for (Service s : m.all(Service.class)) {
            String where = "Service/" + s.getMetadata().getName();
            List<PodShape> selected = m.pods().stream()
                    .filter(p -> Selectors.matches(s.getSpec().getSelector(), p.labels())).collect(Collectors.toList());
            if (selected.isEmpty()) {
                v.add(where + ": selector " + s.getSpec().getSelector() + " selects no pod");
            }
            for (ServicePort port : s.getSpec().getPorts()) {
                String target = port.getTargetPort() == null ? String.valueOf(port.getPort())
                        : intOrString(port.getTargetPort());
                for (PodShape p : selected) {
                    if (p.resolve(target) == null) {
                        v.add(where + ": targetPort " + target + " (port " + port.getPort() + ") is no container port of "
                                + p.owner());
                    }
                }
                if (!"TCP".equals(port.getProtocol())) {
                    v.add(where + ": port " + port.getPort() + " must be TCP");
                }
            }
        }
        return v;
    }

    static List<String> probes(Manifests m) {
        List<String> v = new ArrayList<>();
        for (Deployment d : m.all(Deployment.class)) {
            Container c = ContainerEnv.container(d);
            String where = "Deployment/" + d.getMetadata().getName();
            Integer http = c.getPorts().stream().filter(p -> "http".equals(p.getName()))
                    .map(p -> p.getContainerPort()).findFirst().orElse(null);
            if (http == null) {
                v.add(where + ": no container port named http (health and metrics)");
                continue;
            }
            probe(v, where + " livenessProbe", c.getLivenessProbe(), Set.of(LIVE), http, c);
            probe(v, where + " readinessProbe", c.getReadinessProbe(), Set.of(READY), http, c);
            if (c.getStartupProbe() != null) {
                probe(v, where + " startupProbe", c.getStartupProbe(), Set.of(LIVE, READY), http, c);
            }
        }
        return v;
    }

    private static void probe(List<String> v, String where, Probe probe, Set<String> paths, int http, Container c) {
        if (probe == null) {
            v.add(where + " is missing");
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null) {
            v.add(where + " must be an httpGet on the health endpoint");
            return;
        }
        if (!paths.contains(get.getPath())) {
            v.add(where + ": path " + get.getPath() + " is not " + String.join(" or ", paths));
        }
        String port = intOrString(get.getPort());
        boolean onHttp = port.equals(String.valueOf(http)) || c.getPorts().stream()
                .anyMatch(p -> port.equals(p.getName()) && p.getContainerPort() == http);
        if (!onHttp) {
            v.add(where + ": port " + port + " is not the HTTP port " + http);
        }
    }

    static List<String> autoscalers(Manifests m) {
        List<String> v = new ArrayList<>();
        for (HorizontalPodAutoscaler h : m.all(HorizontalPodAutoscaler.class)) {
            var ref = h.getSpec().getScaleTargetRef();
            String where = "HorizontalPodAutoscaler/" + h.getMetadata().getName();
            var target = m.find(Deployment.class, ref.getName());
            if (!"Deployment".equals(ref.getKind()) || !"apps/v1".equals(ref.getApiVersion()) || target.isEmpty()) {
                v.add(where + ": scaleTargetRef " + ref.getKind() + "/" + ref.getName() + " is no Deployment here");
                continue;
            }
            if (target.get().getSpec().getReplicas() != null) {
                v.add(where + ": Deployment/" + ref.getName() + " sets replicas, which every apply would reset");
            }
            Integer min = h.getSpec().getMinReplicas();
            if (min == null || min < 1 || h.getSpec().getMaxReplicas() < min) {
                v.add(where + ": needs 1 <= minReplicas <= maxReplicas");
            }
            for (MetricSpec metric : h.getSpec().getMetrics()) {
                if ("Pods".equals(metric.getType()) && !POD_METRICS.getOrDefault(ref.getName(), Set.of())
                        .contains(metric.getPods().getMetric().getName())) {
                    v.add(where + ": " + ref.getName() + " exports no pods metric " + metric.getPods().getMetric().getName());
                }
                if ("Resource".equals(metric.getType()) && target.get().getSpec().getTemplate().getSpec().getContainers()
                        .stream().anyMatch(c -> c.getResources() == null || c.getResources().getRequests() == null
                                || !c.getResources().getRequests().containsKey(metric.getResource().getName()))) {
                    v.add(where + ": utilization of " + metric.getResource().getName() + " needs a request of it");
                }
            }
        }
        return v;
    }

    static List<String> disruptionBudgets(Manifests m) {
        List<String> v = new ArrayList<>();
        for (PodDisruptionBudget b : m.all(PodDisruptionBudget.class)) {
            String where = "PodDisruptionBudget/" + b.getMetadata().getName();
            List<String> owners = m.pods().stream().filter(p -> Selectors.matches(b.getSpec().getSelector(), p.labels()))
                    .map(PodShape::owner).collect(Collectors.toList());
            if (owners.size() != 1 || !owners.get(0).startsWith("Deployment/")) {
                v.add(where + ": must select the pods of exactly one Deployment, selects " + owners);
            }
            if (b.getSpec().getMaxUnavailable() == null && b.getSpec().getMinAvailable() == null) {
                v.add(where + ": sets neither maxUnavailable nor minAvailable");
            }
        }
        return v;
    }

    static List<String> networkPolicies(Manifests m) {
        List<String> v = new ArrayList<>();
        for (NetworkPolicy np : m.all(NetworkPolicy.class)) {
            String where = "NetworkPolicy/" + np.getMetadata().getName();
            List<PodShape> selected = inNamespace(m, np.getMetadata().getNamespace(), np.getSpec().getPodSelector());
            if (selected.isEmpty()) {
                v.add(where + ": podSelector selects no pod");
            }
            if (np.getSpec().getPolicyTypes() == null || !np.getSpec().getPolicyTypes().contains("Ingress")) {
                v.add(where + ": policyTypes must include Ingress");
            }
            for (NetworkPolicyIngressRule rule : nullSafe(np.getSpec().getIngress())) {
                for (NetworkPolicyPeer peer : nullSafe(rule.getFrom())) {
                    if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null
                            && inNamespace(m, np.getMetadata().getNamespace(), peer.getPodSelector()).isEmpty()) {
                        v.add(where + ": peer podSelector " + peer.getPodSelector().getMatchLabels() + " selects no pod");
                    }
                }
                for (NetworkPolicyPort port : nullSafe(rule.getPorts())) {
                    String p = intOrString(port.getPort());
                    for (PodShape pod : selected) {
                        if (pod.resolve(p) == null) {
                            v.add(where + ": port " + p + " is no container port of " + pod.owner());
                        }
                    }
                }
            }
        }
        return v;
    }

    static List<String> serviceMonitors(Manifests m) {
        List<String> v = new ArrayList<>();
        Set<String> scraped = new java.util.HashSet<>();
        for (GenericKubernetesResource sm : m.custom("ServiceMonitor")) {
            String where = "ServiceMonitor/" + sm.getMetadata().getName();
            Map<String, String> selector = sm.get("spec", "selector", "matchLabels");
            List<Service> services = m.all(Service.class).stream()
                    .filter(s -> Selectors.matches(selector, s.getMetadata().getLabels())).collect(Collectors.toList());
            if (services.isEmpty()) {
                v.add(where + ": selects no Service");
            }
            List<Map<String, Object>> endpoints = sm.get("spec", "endpoints");
            for (Map<String, Object> e : endpoints) {
                if (!"/q/metrics".equals(e.get("path"))) {
                    v.add(where + ": endpoint path " + e.get("path") + " is not /q/metrics");
                }
                for (Service s : services) {
                    if (s.getSpec().getPorts().stream().noneMatch(p -> p.getName() != null && p.getName().equals(e.get("port")))) {
                        v.add(where + ": Service/" + s.getMetadata().getName() + " has no port named " + e.get("port"));
                    }
                    m.pods().stream().filter(p -> Selectors.matches(s.getSpec().getSelector(), p.labels()))
                            .forEach(p -> scraped.add(p.owner()));
                }
            }
        }
        for (Deployment d : m.all(Deployment.class)) {
            if (!scraped.contains("Deployment/" + d.getMetadata().getName())) {
                v.add("Deployment/" + d.getMetadata().getName() + ": no ServiceMonitor scrapes it");
            }
        }
        return v;
    }

    static List<String> namespaces(Manifests m) {
        List<String> v = new ArrayList<>();
        if (m.find(Namespace.class, Manifests.NAMESPACE).isEmpty()) {
            v.add("Namespace/" + Manifests.NAMESPACE + " is not created");
        }
        for (HasMetadata r : m.all()) {
            boolean clusterScoped = r instanceof Namespace;
            if (!clusterScoped && !Manifests.NAMESPACE.equals(r.getMetadata().getNamespace())) {
                v.add(r.getKind() + "/" + r.getMetadata().getName() + " is in namespace " + r.getMetadata().getNamespace());
            }
            Map<String, String> labels = r.getMetadata().getLabels();
            if (labels == null || !"mailstream".equals(labels.get("app.kubernetes.io/part-of"))) {
                v.add(r.getKind() + "/" + r.getMetadata().getName() + " lacks app.kubernetes.io/part-of=mailstream");
            }
        }
        return v;
    }

    static List<PodShape> inNamespace(Manifests m, String namespace, LabelSelector selector) {
        return m.pods().stream().filter(p -> namespace.equals(p.namespace()) && Selectors.matches(selector, p.labels()))
                .collect(Collectors.toList());
    }

    static String intOrString(IntOrString v) {
        return v.getIntVal() != null ? String.valueOf(v.getIntVal()) : v.getStrVal();
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
