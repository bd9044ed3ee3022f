package io.mailstream.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer itself, on small kustomizations with known kustomize output. */
class KustomizeTest {
    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: example/web
                      env:
                        - {name: A, value: "1"}
                        - {name: B, value: "2"}
                      ports:
                        - {name: http, containerPort: 8080}
                    - name: sidecar
                      image: example/sidecar:1.0
            """;
    private static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaTopic
            metadata:
              name: events
            spec:
              partitions: 3
              config: {retention.ms: 1000, cleanup.policy: delete}
              list: [a, b]
            """;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void base() throws IOException {
        write("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: mail
                resources: [deployment.yaml, topic.yaml, ns.yaml]
                labels:
                  - pairs: {team: mail}
                    includeTemplates: true
                images:
                  - {name: example/web, newTag: "1.2"}
                """);
        write("base/deployment.yaml", DEPLOYMENT);
        write("base/topic.yaml", TOPIC);
        write("base/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n");
    }

    private static Map<String, Object> find(List<Map<String, Object>> out, String kind) {
        return out.stream().filter(r -> kind.equals(r.get("kind"))).findFirst().orElseThrow();
    }

    @Test
    void namespaceLabelsAndImagesApplyToTheRightPlaces() throws IOException {
        base();
        List<Map<String, Object>> out = Kustomize.render(dir.resolve("base"));
        Map<String, Object> d = find(out, "Deployment");
        assertThat(Yamls.str(d, "metadata", "namespace")).isEqualTo("mail");
        assertThat(Yamls.str(find(out, "Namespace"), "metadata", "namespace")).as("cluster-scoped").isNull();
        assertThat(Yamls.str(find(out, "Namespace"), "metadata", "name")).as("renamed as kustomize does").isEqualTo("mail");
        assertThat(Yamls.at(d, false, "metadata", "labels")).containsEntry("team", "mail");
        assertThat(Yamls.at(d, false, "spec", "template", "metadata", "labels")).containsEntry("team", "mail")
                .containsEntry("app", "web");
        assertThat(Yamls.at(d, false, "spec", "selector", "matchLabels")).doesNotContainKey("team");
        List<Object> containers = Yamls.list(Yamls.at(d, false, "spec", "template", "spec").get("containers"));
        assertThat(Yamls.map(containers.get(0)).get("image")).isEqualTo("example/web:1.2");
        assertThat(Yamls.map(containers.get(1)).get("image")).isEqualTo("example/sidecar:1.0");
    }

    @Test
    void strategicMergeMergesContainersAndEnvByNameAndMergePatchReplacesCustomResourceLists() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                images:
                  - {name: example/web, newName: registry.test/web, newTag: "2.0"}
                replicas:
                  - {name: web, count: 3}
                patches:
                  - path: patch.yaml
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          env:
                            - {name: B, value: "20"}
                            - {name: C, value: "3"}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: events}
                spec:
                  config: {retention.ms: 5000, cleanup.policy: null}
                  list: [c]
                """);
        List<Map<String, Object>> out = Kustomize.render(dir.resolve("overlay"));
        Map<String, Object> d = find(out, "Deployment");
        assertThat(Yamls.at(d, false, "spec").get("replicas")).isEqualTo(3);
        List<Object> containers = Yamls.list(Yamls.at(d, false, "spec", "template", "spec").get("containers"));
        assertThat(containers).hasSize(2);
        Map<String, Object> web = Yamls.map(containers.get(0));
        assertThat(web.get("image")).isEqualTo("registry.test/web:2.0");
        assertThat(Yamls.list(web.get("env"))).containsExactly(Map.of("name", "A", "value", "1"),
                Map.of("name", "B", "value", "20"), Map.of("name", "C", "value", "3"));
        assertThat(Yamls.list(web.get("ports"))).hasSize(1);
        Map<String, Object> topic = find(out, "KafkaTopic");
        assertThat(Yamls.at(topic, false, "spec", "config")).isEqualTo(Map.of("retention.ms", 5000));
        assertThat(Yamls.at(topic, false, "spec").get("list")).isEqualTo(List.of("c"));
        assertThat(Yamls.at(topic, false, "spec").get("partitions")).isEqualTo(3);
    }

    @Test
    void deletePatchRemovesTheResource() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                patches: [{path: delete.yaml}]
                """);
        write("overlay/delete.yaml", "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: events}\n"
                + "$patch: delete\n");
        assertThat(Kustomize.render(dir.resolve("overlay"))).extracting(r -> r.get("kind"))
                .containsExactlyInAnyOrder("Deployment", "Namespace");
    }

    @Test
    void aPatchOfAResourceThatDoesNotExistFails() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                patches: [{path: patch.yaml}]
                """);
        write("overlay/patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: webb}\nspec: {replicas: 2}\n");
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("overlay"))).hasMessageContaining("Deployment/webb matches 0");
    }

    @Test
    void featuresTheRendererDoesNotImplementAreRefused() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                commonLabels: {a: b}
                """);
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("overlay"))).hasMessageContaining("commonLabels");
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../base]
                labels: [{pairs: {a: b}, includeSelectors: true}]
                """);
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("overlay"))).hasMessageContaining("includeSelectors");
    }

    @Test
    void imageReferencesWithRegistryPortsTagsAndDigestsParse() {
        assertThat(Images.Ref.parse("registry:5000/a/b:1.0")).isEqualTo(new Images.Ref("registry:5000/a/b", "1.0", null));
        assertThat(Images.Ref.parse("registry:5000/a/b")).isEqualTo(new Images.Ref("registry:5000/a/b", null, null));
        assertThat(Images.Ref.parse("a/b:1@sha256:ff")).isEqualTo(new Images.Ref("a/b", "1", "sha256:ff"));
    }
}
