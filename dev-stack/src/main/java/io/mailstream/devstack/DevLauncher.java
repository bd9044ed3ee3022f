package io.mailstream.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import io.mailstream.devstack.launcher.Children;
import io.mailstream.devstack.launcher.DemoAccount;
import io.mailstream.devstack.launcher.DevEnvironment;
import io.mailstream.devstack.launcher.LauncherLogging;
import io.mailstream.devstack.launcher.LauncherOptions;
import io.mailstream.devstack.launcher.Log;
import io.mailstream.devstack.launcher.ReadyLine;
import io.mailstream.devstack.launcher.Readiness;
import io.mailstream.devstack.launcher.RunState;
import io.mailstream.devstack.launcher.Secrets;
import io.mailstream.devstack.launcher.SelfSignedTls;
import io.mailstream.devstack.launcher.ServiceInstance;
import io.mailstream.devstack.launcher.ServiceSpec;
import io.mailstream.devstack.launcher.ServiceTable;
import sun.misc.Signal;

/**
 * {@code ./mailstream dev}: the whole platform on one machine without Docker. Starts the
 * in-process Kafka broker and the embedded MongoDB, then the store and the front-ends as
 * separate JVMs, creates the demo account, prints one READY line on stdout and runs until
 * Ctrl-C or SIGTERM, when it stops everything in reverse order and exits 0.
 *
 * <p>System property {@code mailstream.home}: the repository root holding the service modules
 * (default: the working directory).
 */
public final class DevLauncher {

    public static final String TOPIC_MAILBOX_EVENTS = "mailstream.mailbox-events";
    public static final int KAFKA_PORT = 9092;
    public static final int MONGO_PORT = 27017;

    private final LauncherOptions options;
    private final Path home;
    private final Path dataDir;
    private final RunState runState;
    private final Children children;
    // Written by the main thread, read by the shutdown hook.
    private volatile EmbeddedKafka kafka;
    private volatile EmbeddedMongo mongo;

    private DevLauncher(LauncherOptions options, Path home) {
        this.options = options;
        this.home = home;
        this.dataDir = options.dataDir();
        this.runState = new RunState(dataDir);
        this.children = new Children(dataDir.resolve("logs"), dataDir, runState);
    }

    public static void main(String[] args) {
        // stdout is the READY line's alone: anything else that prints there goes to stderr.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        // Kafka touches the Log4j API only for its log-level endpoint; no Log4j backend is here.
        System.setProperty("log4j2.statusLoggerLevel", "OFF");

        Path home = Path.of(System.getProperty("mailstream.home", ".")).toAbsolutePath().normalize();
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, home.resolve("data"));
        } catch (LauncherOptions.UsageException e) {
            System.err.println("mailstream dev: " + e.getMessage());
            System.err.println(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            stdout.println(LauncherOptions.USAGE);
            return;
        }

        DevLauncher launcher = new DevLauncher(options, home);
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            launcher.prepareDataDir();
            LauncherLogging.configure(launcher.dataDir.resolve("logs"));
            launcher.claimDataDir();
            // SIGTERM/SIGINT exit 0 after a clean stop (the JVM's default would be 143/130).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                launcher.stop();
                stopped.countDown();
            }, "mailstream-dev-stop"));
            Signal.handle(new Signal("TERM"), signal -> System.exit(0));
            Signal.handle(new Signal("INT"), signal -> System.exit(0));

            long started = System.nanoTime();
            String ready = launcher.start();
            stdout.println(ready);
            stdout.flush();
            Log.info(String.format("ready in %.1f s; Ctrl-C stops everything", (System.nanoTime() - started) / 1e9));
        } catch (RuntimeException e) {
            Log.error(e.getMessage() == null ? e.toString() : e.getMessage());
            System.exit(1);
            return;
        }
        // The main thread lives until the end: the services' parent-death signal is tied to it.
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void prepareDataDir() {
        try {
            if (options.reset() && Files.exists(dataDir)) {
                if (!looksLikeDataDir(dataDir)) {
                    throw new IllegalStateException("--reset refuses to wipe " + dataDir
                            + ": it does not look like a Mailstream data directory");
                }
                Optional<Long> other = new RunState(dataDir).otherLauncher();
                if (other.isPresent()) {
                    throw new IllegalStateException("another launcher (pid " + other.get() + ") is using " + dataDir);
                }
                new RunState(dataDir).stopLeftovers();
                FileTree.delete(dataDir);
                System.err.println("[mailstream] wiped " + dataDir);
            }
            Files.createDirectories(dataDir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDir, e);
        }
    }

    private void claimDataDir() {
        Optional<Long> other = runState.otherLauncher();
        if (other.isPresent()) {
            throw new IllegalStateException("another launcher (pid " + other.get() + ") is already running with "
                    + dataDir + "; stop it first");
        }
        int leftovers = runState.stopLeftovers();
        if (leftovers > 0) {
            Log.warn("stopped " + leftovers + " service process(es) left running by a previous launcher");
        }
        runState.claim();
    }

    /** Brings everything up; returns the READY line. */
    private String start() {
        Secrets secrets = Secrets.loadOrCreate(dataDir);
        Path[] tls = SelfSignedTls.ensure(dataDir.resolve("tls"));
        List<String> skipped = new ArrayList<>();
        List<ServiceInstance> plan = ServiceTable.plan(home, options, skipped);
        if (!skipped.isEmpty()) {
            Log.warn("not built, not started: " + String.join(", ", skipped)
                    + " (./mailstream dev --rebuild builds them)");
        }
        checkPortsFree(plan);

        Log.info("starting Kafka on 127.0.0.1:" + KAFKA_PORT + " and MongoDB on 127.0.0.1:" + MONGO_PORT
                + " (data in " + dataDir + ")");
        kafka = EmbeddedKafka.builder().dataDir(dataDir.resolve("kafka")).port(KAFKA_PORT).build();
        CompletableFuture<Void> kafkaStarted = CompletableFuture.runAsync(kafka::start);
        mongo = EmbeddedMongo.persistent(dataDir.resolve("mongo"), MONGO_PORT).start();

        String storeUrl = "http://" + DevEnvironment.HOST + ":" + ServiceTable.SERVICES.get(0).httpBase();
        DevEnvironment env = new DevEnvironment("127.0.0.1:" + KAFKA_PORT, mongo.connectionString(), storeUrl,
                secrets.serviceSecret(), secrets.adminToken(), tls[0], tls[1]);
        Readiness readiness = new Readiness();

        // The front-ends need the store from their first request: it goes first, alone. Its JVM
        // boots while the broker starts (its Kafka client waits for the broker), and it is
        // ready only once it reaches both.
        List<Children.Child> stores = startAll(plan, env, ServiceSpec.Role.STORE);
        try {
            kafkaStarted.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        kafka.createTopics(3, TOPIC_MAILBOX_EVENTS);
        readiness.awaitAll(stores);
        readiness.awaitAll(startAll(plan, env, ServiceSpec.Role.FRONT_END));

        String user = null;
        if (!stores.isEmpty()) {
            DemoAccount.Outcome outcome = DemoAccount.ensure(storeUrl, secrets.adminToken());
            if (outcome == DemoAccount.Outcome.API_NOT_AVAILABLE) {
                Log.warn("the store has no admin API yet (404): no demo account");
            } else {
                user = DemoAccount.USERNAME;
            }
        }
        return ReadyLine.format(plan, kafka.bootstrapServers(), mongo.connectionString(),
                user, user == null ? null : DemoAccount.PASSWORD, secrets.adminToken());
    }

    private List<Children.Child> startAll(List<ServiceInstance> plan, DevEnvironment env, ServiceSpec.Role role) {
        List<Children.Child> started = new ArrayList<>();
        for (ServiceInstance instance : plan) {
            if (instance.spec().role() == role) {
                Log.info("starting " + instance.name() + " (http " + instance.httpPort() + ", log "
                        + dataDir.relativize(dataDir.resolve("logs").resolve(instance.name() + ".log")) + ")");
                started.add(children.start(instance, ServiceTable.runJar(home, instance.spec()),
                        instance.environment(env)));
            }
        }
        return started;
    }

    private void checkPortsFree(List<ServiceInstance> plan) {
        List<String> busy = new ArrayList<>();
        if (Ports.isBusy(KAFKA_PORT)) {
            busy.add(KAFKA_PORT + " (Kafka)");
        }
        if (Ports.isBusy(MONGO_PORT)) {
            busy.add(MONGO_PORT + " (MongoDB)");
        }
        for (ServiceInstance instance : plan) {
            for (int port : instance.ports()) {
                if (Ports.isBusy(port)) {
                    busy.add(port + " (" + instance.name() + ")");
                }
            }
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException("port(s) already in use on 127.0.0.1: " + String.join(", ", busy)
                    + ". Is another Mailstream (or MongoDB/Kafka) running?");
        }
    }

    /** Services first (newest first), then Kafka, then MongoDB (which commits its file). */
    private void stop() {
        Log.info("stopping");
        children.stopAll();
        try {
            if (kafka != null) {
                kafka.stop();
            }
        } catch (RuntimeException e) {
            Log.warn("Kafka did not stop cleanly: " + e);
        }
        try {
            if (mongo != null) {
                mongo.stop();
            }
        } catch (RuntimeException e) {
            Log.warn("MongoDB did not stop cleanly: " + e);
        }
        runState.release();
        Log.info("stopped");
    }

    private static boolean looksLikeDataDir(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(path -> path.getFileName().toString()).toList();
            return names.isEmpty() || names.contains(Secrets.FILE) || names.contains("kafka")
                    || names.contains("mongo") || names.contains("logs");
        }
    }
}
