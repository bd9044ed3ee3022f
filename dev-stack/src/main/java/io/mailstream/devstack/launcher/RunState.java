package io.mailstream.devstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code DATA/launcher.pid} and {@code DATA/run.pids}: which launcher owns the data directory
 * and which service processes it started, so that a second launcher refuses to share the
 * directory and a launcher that was killed leaves nothing running after the next start.
 */
public final class RunState {

    private static final String LAUNCHER_FILE = "launcher.pid";
    private static final String CHILDREN_FILE = "run.pids";

    private final Path launcherFile;
    private final Path childrenFile;

    public RunState(Path dataDir) {
        this.launcherFile = dataDir.resolve(LAUNCHER_FILE);
        this.childrenFile = dataDir.resolve(CHILDREN_FILE);
    }

    /** The pid of another live launcher using this data directory, if any. */
    public Optional<Long> otherLauncher() {
        return readPids(launcherFile).stream()
                .filter(pid -> pid != ProcessHandle.current().pid())
                .filter(pid -> ProcessHandle.of(pid)
                        .map(handle -> handle.isAlive() && commandContains(handle, "DevLauncher"))
                        .orElse(false))
                .findFirst();
    }

    public void claim() {
        write(launcherFile, ProcessHandle.current().pid() + "\n", false);
    }

    public void release() {
        try {
            Files.deleteIfExists(launcherFile);
        } catch (IOException e) {
            // Harmless: the next launcher checks whether the pid is alive.
        }
    }

    /** Stops services a killed launcher left behind; returns how many there were. */
    public int stopLeftovers() {
        int stopped = 0;
        for (long pid : readPids(childrenFile)) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(h -> commandContains(h, "quarkus-run.jar"));
            if (handle.isPresent()) {
                handle.get().destroy();
                try {
                    handle.get().onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.get().destroyForcibly();
                }
                stopped++;
            }
        }
        clearChildren();
        return stopped;
    }

    public synchronized void recordChild(long pid) {
        write(childrenFile, pid + "\n", true);
    }

    public synchronized void clearChildren() {
        try {
            Files.deleteIfExists(childrenFile);
        } catch (IOException e) {
            // Stale pids are checked against live processes before use.
        }
    }

    private static boolean commandContains(ProcessHandle handle, String text) {
        // The command line can be unreadable (other user); then do not touch the process.
        return handle.info().commandLine().map(line -> line.contains(text)).orElse(false)
                || handle.info().arguments().map(args -> String.join(" ", args).contains(text)).orElse(false);
    }

    private static List<Long> readPids(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                    .map(String::trim)
                    .filter(line -> line.matches("\\d+"))
                    .map(Long::parseLong)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void write(Path file, String text, boolean append) {
        try {
            if (append) {
                Files.writeString(file, text, StandardCharsets.US_ASCII,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text, StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
