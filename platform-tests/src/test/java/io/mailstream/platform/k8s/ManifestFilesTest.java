package io.mailstream.platform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every manifest file under k8s/, base and patches alike, parses into typed Kubernetes objects. */
class ManifestFilesTest {

    static List<Path> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Manifests.k8s(), FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void thereAreManifestsAndNoOtherFileKinds() throws IOException {
        assertThat(manifestFiles()).hasSizeGreaterThan(20);
        try (Stream<Path> files = Files.walk(Manifests.k8s(), FileVisitOption.FOLLOW_LINKS)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("only YAML manifests (and a README) under k8s/")
                    .allMatch(n -> n.endsWith(".yaml") || n.equals("README.md"));
        }
    }

    @Test
    void everyDocumentParsesIntoItsTypedModelWithoutUnknownFields() throws IOException {
        for (Path file : manifestFiles()) {
            List<Map<String, Object>> docs = Yamls.load(file);
            assertThat(docs).as(file.toString()).isNotEmpty();
            for (Map<String, Object> doc : docs) {
                String where = file + " " + doc.get("kind") + "/" + Yamls.str(doc, "metadata", "name");
                assertThat(doc.get("apiVersion")).as(where).isNotNull();
                assertThat(Yamls.str(doc, "metadata", "name")).as(where).isNotBlank();
                Map<String, Object> withoutDirective = Yamls.map(Yamls.copy(doc));
                withoutDirective.remove("$patch");
                HasMetadata typed = Manifests.typed(withoutDirective);
                if (Manifests.modelClass(doc) == null) {
                    assertThat(Manifests.CUSTOM_KINDS).as("%s: a kind neither built in nor a known custom resource", where)
                            .containsEntry(typed.getKind(), typed.getApiVersion());
                    assertThat(typed).isInstanceOf(GenericKubernetesResource.class);
                } else {
                    assertThat(typed).as(where).isNotInstanceOf(GenericKubernetesResource.class);
                }
                assertThat(UnknownFields.of(typed)).as("%s: fields the Kubernetes API does not know", where).isEmpty();
            }
        }
    }
}
