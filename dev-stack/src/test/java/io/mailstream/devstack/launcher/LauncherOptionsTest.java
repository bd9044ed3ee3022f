package io.mailstream.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LauncherOptionsTest {

    private static final Path DEFAULT = Path.of("/repo/data");

    @Test
    void defaults() {
        LauncherOptions options = LauncherOptions.parse(new String[0], DEFAULT);
        assertThat(options.dataDir()).isEqualTo(DEFAULT);
        assertThat(options.reset()).isFalse();
        assertThat(options.imapInstances()).isEqualTo(1);
        assertThat(options.pop3Instances()).isEqualTo(1);
        assertThat(options.help()).isFalse();
    }

    @Test
    void readsEveryOptionInBothForms() {
        LauncherOptions options = LauncherOptions.parse(new String[] {
            "--data-dir", "/tmp/ms", "--reset", "--imap-instances=2", "--pop3-instances", "3", "--rebuild"}, DEFAULT);
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/ms"));
        assertThat(options.reset()).isTrue();
        assertThat(options.instances("imap")).isEqualTo(2);
        assertThat(options.instances("pop3")).isEqualTo(3);
        assertThat(options.instances("store")).isEqualTo(1);
    }

    @Test
    void relativeDataDirIsMadeAbsolute() {
        LauncherOptions options = LauncherOptions.parse(new String[] {"--data-dir=rel/../data2"}, DEFAULT);
        assertThat(options.dataDir().isAbsolute()).isTrue();
        assertThat(options.dataDir().getFileName()).isEqualTo(Path.of("data2"));
        assertThat(options.dataDir().toString()).doesNotContain("..");
    }

    @Test
    void helpIsRecognised() {
        assertThat(LauncherOptions.parse(new String[] {"-h"}, DEFAULT).help()).isTrue();
        assertThat(LauncherOptions.parse(new String[] {"--help"}, DEFAULT).help()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bogus                  | unknown option: --bogus",
        "--imap-instances         | --imap-instances needs a value",
        "--imap-instances two     | --imap-instances needs a number, not 'two'",
        "--imap-instances 0       | --imap-instances must be between 1 and 2, not 0",
        "--pop3-instances 6       | --pop3-instances must be between 1 and 5, not 6",
        "--reset=yes              | --reset takes no value",
        "--data-dir=              | --data-dir needs a directory",
    })
    void rejectsBadCommandLinesWithAReason(String commandLine, String message) {
        assertThatThrownBy(() -> LauncherOptions.parse(commandLine.trim().split(" "), DEFAULT))
                .isInstanceOf(LauncherOptions.UsageException.class)
                .hasMessage(message);
    }
}
