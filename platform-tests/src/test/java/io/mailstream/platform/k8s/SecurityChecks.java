package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the service pods run: non-root (uid 10001 of the images), read-only root filesystem with a
 * writable emptyDir at /tmp, no privilege escalation and no capabilities, sized resources, and a
 * termination sequence (preStop, grace period) long enough to drain.
 */
final class SecurityChecks {
    static final long UID = 10001;
    /** Minimum grace period of the long-session front-ends: preStop plus the session drain. */
    static final Map<String, Integer> MIN_GRACE = Map.of("imap-service", 60, "pop3-service", 60);

    private SecurityChecks() {
    }

    static List<String> all(Manifests m) {
        List<String> v = new ArrayList<>();
        for (Deployment d : m.all(Deployment.class)) {
            String where = "Deployment/" + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext psc = pod.getSecurityContext();
            if (psc == null || !Boolean.TRUE.equals(psc.getRunAsNonRoot()) || psc.getRunAsUser() == null
                    || psc.getRunAsUser() != UID || psc.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(psc.getSeccompProfile().getType())) {
                v.add(where + ": pod must run as non-root uid " + UID + " with the RuntimeDefault seccomp profile");
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                v.add(where + ": the services never call the Kubernetes API: automountServiceAccountToken: false");
            }
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                v.add(where + ": host namespaces are not allowed");
            }
            for (Container c : pod.getContainers()) {
                container(v, where, c, pod);
            }
            for (Volume vol : WiringChecks.nullSafe(pod.getVolumes())) {
                Integer mode = vol.getSecret() == null ? null : vol.getSecret().getDefaultMode();
                if (vol.getSecret() != null && (mode == null || (mode & 07) != 0)) {
                    v.add(where + ": secret volume " + vol.getName() + " must not be readable by others (defaultMode 0440)");
                }
            }
            termination(v, where, d.getMetadata().getName(), pod);
        }
        return v;
    }

    private static void container(List<String> v, String where, Container c, PodSpec pod) {
        SecurityContext sc = c.getSecurityContext();
        if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())
                || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()) || Boolean.TRUE.equals(sc.getPrivileged())
                || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                || !sc.getCapabilities().getDrop().contains("ALL")
                || (sc.getCapabilities().getAdd() != null && !sc.getCapabilities().getAdd().isEmpty())) {
            v.add(where + ": container must have a read-only root filesystem, no privilege escalation, drop ALL capabilities");
        }
        VolumeMount tmp = WiringChecks.nullSafe(c.getVolumeMounts()).stream().filter(vm -> "/tmp".equals(vm.getMountPath()))
                .findFirst().orElse(null);
        Volume tmpVolume = tmp == null ? null : pod.getVolumes().stream().filter(vol -> vol.getName().equals(tmp.getName()))
                .findFirst().orElse(null);
        if (tmpVolume == null || tmpVolume.getEmptyDir() == null) {
            v.add(where + ": /tmp must be an emptyDir (the root filesystem is read-only)");
        }
        ResourceRequirements r = c.getResources();
        if (r == null || r.getRequests() == null || r.getLimits() == null || !r.getRequests().containsKey("cpu")
                || !r.getRequests().containsKey("memory") || !r.getLimits().containsKey("memory")
                || !r.getLimits().containsKey("cpu")) {
            v.add(where + ": container needs cpu and memory requests and limits");
        } else if (Quantity.getAmountInBytes(r.getRequests().get("memory"))
                .compareTo(Quantity.getAmountInBytes(r.getLimits().get("memory"))) > 0) {
            v.add(where + ": memory request above its limit");
        }
        Images.Ref image = Images.Ref.parse(c.getImage());
        if (image.tag() == null && image.digest() == null || "latest".equals(image.tag())
                || !image.name().endsWith("mailstream/" + c.getName())) {
            v.add(where + ": image " + c.getImage() + " must be mailstream/" + c.getName() + " with a pinned tag");
        }
    }

    private static void termination(List<String> v, String where, String module, PodSpec pod) {
        long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
        Container c = pod.getContainers().get(0);
        var preStop = c.getLifecycle() == null ? null : c.getLifecycle().getPreStop();
        List<String> command = preStop == null || preStop.getExec() == null ? List.of() : preStop.getExec().getCommand();
        if (command.size() != 2 || !"sleep".equals(command.get(0)) || !command.get(1).matches("\\d+")) {
            v.add(where + ": preStop must be [sleep, N]: keep serving while the endpoint is removed");
            return;
        }
        long sleep = Long.parseLong(command.get(1));
        if (grace < sleep + 15) {
            v.add(where + ": terminationGracePeriodSeconds " + grace + " leaves under 15 s after the " + sleep + " s preStop");
        }
        if (grace < MIN_GRACE.getOrDefault(module, 0)) {
            v.add(where + ": terminationGracePeriodSeconds " + grace + " is under " + MIN_GRACE.get(module)
                    + " s, too short to drain sessions");
        }
    }
}
