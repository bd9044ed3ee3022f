package io.mailstream.devstack.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The services {@code ./mailstream dev} runs, one row each. Adding a service is one line here
 * (its module must build a Quarkus app: {@code target/quarkus-app/quarkus-run.jar}).
 *
 * <p>Ports: HTTP 8080 store, 8083 LMTP (8081-8084 kept for it), 8085-8089 POP3, 8090-8099 IMAP
 * (one per instance).
 * Protocol ports of instance {@code i} are the first instance's plus {@code i - 1}:
 * IMAP 1143, 1144; IMAPS 1993, 1994; POP3 1110, 1111, ...; POP3S 1995, 1996, ...
 */
public final class ServiceTable {

    public static final List<ServiceSpec> SERVICES = List.of(
            ServiceSpec.store("store-service", 8080),
            ServiceSpec.frontEnd("imap-service", "imap", 8090, "MAILSTREAM_IMAP_",
                    new Endpoint("imap", "PORT", 1143), new Endpoint("imaps", "TLS_PORT", 1993)),
            ServiceSpec.frontEnd("pop3-service", "pop3", 8085, "MAILSTREAM_POP3_",
                    new Endpoint("pop3", "PORT", 1110), new Endpoint("pop3s", "TLS_PORT", 1995)),
            ServiceSpec.frontEnd("lmtp-service", "lmtp", 8083, "MAILSTREAM_LMTP_",
                    new Endpoint("lmtp", "PORT", 1024))
    );

    private ServiceTable() {
    }

    /** The runnable jar of {@code spec} under the repository root. */
    public static Path runJar(Path repoRoot, ServiceSpec spec) {
        return repoRoot.resolve(spec.module()).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** The instances to run: every listed service whose jar exists, as many as the options ask. */
    public static List<ServiceInstance> plan(Path repoRoot, LauncherOptions options, List<String> skipped) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (ServiceSpec spec : SERVICES) {
            if (!Files.isRegularFile(runJar(repoRoot, spec))) {
                skipped.add(spec.module());
                continue;
            }
            for (int i = 1; i <= options.instances(spec.key()); i++) {
                instances.add(spec.instance(i));
            }
        }
        return instances;
    }
}
