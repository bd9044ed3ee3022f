package io.mailstream.devstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service processes the launcher started. Each is a separate JVM whose output goes to
 * {@code DATA/logs/NAME.log}. They are stopped with SIGTERM, then killed if they linger.
 *
 * <p>If the launcher itself is killed (SIGKILL), no hook runs; two guards remain: where
 * {@code setpriv} exists each child gets SIGTERM from the kernel when the launcher's main thread
 * dies (parent-death signal), and the next launch stops any child recorded in {@code DATA/run.pids}.
 */
public final class Children {

    private static final long GRACE_SECONDS = 20;

    private final Path logsDir;
    private final Path workDir;
    private final RunState runState;
    private final List<Child> started = new ArrayList<>();
    private final boolean parentDeathSignal = setprivAvailable();
    private boolean stopping;

    public Children(Path logsDir, Path workDir, RunState runState) {
        this.logsDir = logsDir;
        this.workDir = workDir;
        this.runState = runState;
    }

    /** A started service process and where its output goes. */
    public record Child(ServiceInstance instance, Process process, Path logFile) {
    }

    /**
     * Starts {@code java -jar jar} with {@code env} added to this process' environment. Call from
     * the main thread: the parent-death signal follows the thread that started the child.
     */
    public synchronized Child start(ServiceInstance instance, Path jar, Map<String, String> env) {
        if (stopping) {
            throw new IllegalStateException("shutting down");
        }
        Path logFile = logsDir.resolve(instance.name() + ".log");
        List<String> command = new ArrayList<>();
        if (parentDeathSignal) {
            command.addAll(List.of("setpriv", "--pdeathsig", "TERM", "--"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            Child child = new Child(instance, process, logFile);
            started.add(child);
            runState.recordChild(process.pid());
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + instance.name(), e);
        }
    }

    /** SIGTERM to every child, newest first, all at once; SIGKILL to those alive after the grace period. */
    public void stopAll() {
        List<Child> toStop;
        synchronized (this) {
            stopping = true;
            toStop = new ArrayList<>(started);
            started.clear();
        }
        Collections.reverse(toStop);
        for (Child child : toStop) {
            child.process().destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        for (Child child : toStop) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!child.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    Log.warn(child.instance().name() + " did not stop within " + GRACE_SECONDS + " s; killing it");
                    child.process().destroyForcibly();
                    child.process().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.process().destroyForcibly();
            }
            // setpriv execs java, so the recorded pid is the service JVM itself.
            child.process().descendants().forEach(ProcessHandle::destroyForcibly);
        }
        runState.clearChildren();
    }

    /** Extra JVM options for the services: {@code MAILSTREAM_JAVA_OPTS}, else a modest heap. */
    static List<String> javaOptions() {
        String opts = System.getenv("MAILSTREAM_JAVA_OPTS");
        if (opts == null || opts.isBlank()) {
            return List.of("-Xmx512m");
        }
        return Arrays.asList(opts.trim().split("\\s+"));
    }

    private static boolean setprivAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "setpriv"))) {
                return true;
            }
        }
        return false;
    }
}
