package io.mailstream.devstack.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StackBackendTest {

    @Test
    void defaultsToEmbedded() {
        assertThat(StackBackend.parse(null)).isEqualTo(StackBackend.EMBEDDED);
        assertThat(StackBackend.parse(" ")).isEqualTo(StackBackend.EMBEDDED);
    }

    @Test
    void acceptsBothNamesInAnyCase() {
        assertThat(StackBackend.parse("Containers")).isEqualTo(StackBackend.CONTAINERS);
        assertThat(StackBackend.parse("embedded")).isEqualTo(StackBackend.EMBEDDED);
    }

    @Test
    void rejectsUnknownNamesClearly() {
        assertThatThrownBy(() -> StackBackend.parse("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'embedded' or 'containers'");
    }
}
