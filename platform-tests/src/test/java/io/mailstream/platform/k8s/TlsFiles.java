package io.mailstream.platform.k8s;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;

/**
 * MAILSTREAM_TLS_CERT_FILE / KEY_FILE must name tls.crt / tls.key of a mounted secret that
 * cert-manager writes for a Certificate.
 */
final class TlsFiles {
    private TlsFiles() {
    }

    static void check(Manifests m, Deployment d, Map<String, ContainerEnv.Var> env, List<String> v) {
        file(m, d, env, "MAILSTREAM_TLS_CERT_FILE", "tls.crt", v);
        file(m, d, env, "MAILSTREAM_TLS_KEY_FILE", "tls.key", v);
    }

    private static void file(Manifests m, Deployment d, Map<String, ContainerEnv.Var> env, String name, String key,
            List<String> v) {
        ContainerEnv.Var var = env.get(name);
        if (var == null) {
            return;
        }
        String module = d.getMetadata().getName();
        String path = String.valueOf(var.literal());
        for (VolumeMount mount : WiringChecks.nullSafe(ContainerEnv.container(d).getVolumeMounts())) {
            if (!path.startsWith(mount.getMountPath() + "/")) {
                continue;
            }
            String file = path.substring(mount.getMountPath().length() + 1);
            Volume volume = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(vol -> vol.getName().equals(mount.getName())).findFirst().orElse(null);
            if (volume == null || volume.getSecret() == null) {
                break;
            }
            String secret = volume.getSecret().getSecretName();
            boolean fromCertificate = m.custom("Certificate").stream().anyMatch(c -> secret.equals(c.get("spec", "secretName")));
            boolean mapped = WiringChecks.nullSafe(volume.getSecret().getItems()).isEmpty() ? file.equals(key)
                    : volume.getSecret().getItems().stream().anyMatch(i -> i.getKey().equals(key) && i.getPath().equals(file));
            if (fromCertificate && mapped) {
                return;
            }
            break;
        }
        v.add(module + ": " + name + " " + path + " is not " + key + " of a mounted cert-manager certificate secret");
    }
}
