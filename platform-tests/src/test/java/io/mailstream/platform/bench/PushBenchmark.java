package io.mailstream.platform.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Push latency load driver: a program that prints figures, not a test. Against
 * {@code ./mailstream dev --imap-instances 2} it opens N IDLE sessions on instance 2 (spread over
 * source addresses 127.0.0.2...), changes a flag on instance 1 once per round, and measures the
 * time from sending that STORE to each instance-2 session reading its untagged FETCH: p50, p99,
 * max. It also reports heap (after a full GC) and RSS of each imap-service per idle session.
 * JDK only; see README "Push latency" for the exact commands:
 *
 * <pre>
 *   javac -d /tmp/pushbench platform-tests/src/test/java/io/mailstream/platform/bench/*.java
 *   java -cp /tmp/pushbench io.mailstream.platform.bench.PushBenchmark --ready-file /tmp/ready.txt \
 *        --sessions 1,1000,10000
 * </pre>
 *
 * Options: {@code --ready "READY ..."} or {@code --ready-file f} (the line ./mailstream dev
 * prints; else imap=127.0.0.1:1143, imap2=127.0.0.1:1144, user demo@localhost / demo),
 * {@code --sessions 1,1000} (one run each), {@code --rounds n} (default 200 for N=1, 50 up to
 * 1,000, 20 above), {@code --sources k} (source addresses, default 8), {@code --http 8090,8091}
 * (the instances' HTTP ports, for memory), {@code --threads t} (client selector threads, 2),
 * {@code --idle-on 1} puts the IDLE sessions on the writer's own instance (default 2: the other one),
 * {@code --accounts a}: 1 (default) puts every session on the demo account's INBOX, so each
 * change fans out to all N sessions (worst case); a > 1 spreads the sessions over accounts
 * push-bench-i@localhost (created through the admin API) and each round changes one account's
 * INBOX, measured on that account's sessions only, while all N stay idle.
 */
public final class PushBenchmark {
    /** HTTP/1.1 only: no h2c upgrade dance with the services' HTTP servers. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Map<String, String> ready = new HashMap<>();
    private int[] sessions = {1, 1000};
    private int rounds = -1;
    private int sources = 8;
    private int threads = 2;
    private int[] http = {8090, 8091};
    private int accounts = 1;
    /** 2: IDLE sessions on the other instance than the writer (via Kafka); 1: on the writer's own. */
    private int idleOn = 2;

    public static void main(String[] args) throws Exception {
        PushBenchmark b = new PushBenchmark();
        b.parse(args);
        System.out.printf("machine: %d cores; client ulimit -n must exceed the largest N (raise it with ulimit -n)%n",
                Runtime.getRuntime().availableProcessors());
        for (int n : b.sessions) {
            b.run(n);
        }
    }

    private void parse(String[] args) throws Exception {
        ready.putAll(Map.of("imap", "127.0.0.1:1143", "imap2", "127.0.0.1:1144", "user", "demo@localhost",
                "password", "demo"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--ready" -> readReady(v);
                case "--ready-file" -> readReady(Files.readAllLines(Path.of(v)).stream()
                        .filter(l -> l.startsWith("READY ")).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no READY line in " + v)));
                case "--sessions" -> sessions = ints(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--sources" -> sources = Integer.parseInt(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--http" -> http = ints(v);
                case "--accounts" -> accounts = Integer.parseInt(v);
                case "--idle-on" -> idleOn = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private void readReady(String line) {
        for (String kv : line.trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                ready.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
    }

    private static InetSocketAddress address(String hostPort) {
        int c = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, c), Integer.parseInt(hostPort.substring(c + 1)));
    }

    /** The accounts sessions log in as: the demo account, or push-bench-i created through the admin API. */
    private List<String> accounts(int n) throws Exception {
        if (accounts <= 1) {
            return List.of(ready.get("user"));
        }
        List<String> users = new ArrayList<>();
        for (int i = 0; i < Math.min(accounts, n); i++) {
            String u = "push-bench-" + i + "@localhost";
            HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(ready.get("admin") + "/admin/v1/users"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + ready.get("admin-token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + u + "\",\"password\":\""
                            + ready.get("password") + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 201 && res.statusCode() != 409) {
                throw new IllegalStateException("creating " + u + ": HTTP " + res.statusCode() + " " + res.body());
            }
            users.add(u);
        }
        return users;
    }

    private void run(int n) throws Exception {
        int r = rounds > 0 ? rounds : n == 1 ? 200 : n <= 1000 ? 50 : 20;
        List<String> users = accounts(n);
        System.out.printf("%n== %d IDLE session(s) on %s over %d account(s); STORE on %s; %d rounds ==%n", n,
                idleAddress(), users.size(), ready.get("imap"), r);
        List<ImapWriter> writers = new ArrayList<>();
        try {
            for (int a = 0; a < Math.min(users.size(), r); a++) {
                writers.add(new ImapWriter(address(ready.get("imap")), users.get(a), ready.get("password")));
            }
            ProcessMemory[] before = memory();
            long t = System.nanoTime();
            IdleSessions idle = new IdleSessions(address(idleAddress()), users,
                    ready.get("password"), n, sources, threads);
            try {
                while (idle.idling() + idle.failed() < n) {
                    Thread.sleep(200);
                }
                System.out.printf("%d idling, %d failed, after %.1f s%n", idle.idling(), idle.failed(),
                        (System.nanoTime() - t) / 1e9);
                Thread.sleep(3000); // the sessions' IDLE-start syncs settle
                if (n >= 100) { // below that, GC noise exceeds the sessions
                    printMemory(before, memory(), idle.idling());
                }
                measure(writers, idle, r);
            } finally {
                idle.close();
            }
        } finally {
            for (ImapWriter w : writers) {
                w.close();
            }
        }
        awaitServerDrained();
    }

    /** Waits until the IDLE sessions' instance has let go of this run's sessions, so the next baseline is clean. */
    private void awaitServerDrained() throws Exception {
        if (idleHttp() < 0) {
            Thread.sleep(2000);
            return;
        }
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            String metrics = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + idleHttp() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String l : metrics.split("\n")) {
                if (l.startsWith("mailstream_imap_connections ") && Double.parseDouble(l.substring(l.indexOf(' ') + 1)) < 1) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        System.out.printf("(instance %d still holds connections of this run after 180 s)%n", idleOn);
    }

    private String idleAddress() {
        return ready.get(idleOn == 1 ? "imap" : "imap2");
    }

    /** The HTTP port of the instance holding the IDLE sessions, or -1. */
    private int idleHttp() {
        return http.length >= idleOn ? http[idleOn - 1] : -1;
    }

    private void measure(List<ImapWriter> writers, IdleSessions idle, int rounds) throws Exception {
        ServerLatency server = idleHttp() > 0 ? ServerLatency.read(idleHttp()) : null;
        StoreReads reads = idleHttp() > 0 ? StoreReads.read(idleHttp()) : null;
        String loadBefore = loadAverage();
        List<Long> samples = new ArrayList<>();
        List<Long> storeRtt = new ArrayList<>();
        long missing = 0;
        for (int i = 0; i < rounds; i++) {
            int a = i % writers.size();
            idle.startRound(i, a);
            storeRtt.add(writers.get(a).toggle(i / writers.size()));
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (idle.received() < idle.sessionsOf(a) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            for (long l : idle.latencies()) {
                if (l >= 0) {
                    samples.add(l);
                } else {
                    missing++;
                }
            }
            Thread.sleep(idle.idling() <= 1000 ? 50 : 300);
        }
        System.out.printf("machine load average (1 min) before / after the rounds: %s / %s%n", loadBefore,
                loadAverage());
        long[] a = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] s = storeRtt.stream().mapToLong(Long::longValue).sorted().toArray();
        if (a.length == 0) {
            System.out.println("no untagged FETCH arrived");
            return;
        }
        System.out.printf("push latency, STORE sent on instance 1 -> untagged FETCH read on instance %d "
                + "(%d samples, %d missing):%n  p50 %.2f ms   p99 %.2f ms   max %.2f ms%n", idleOn, a.length, missing,
                pct(a, 50), pct(a, 99), a[a.length - 1] / 1e6);
        System.out.printf("  the writer's STORE round trip (store write; the event is published after it): "
                + "p50 %.2f ms, p99 %.2f ms%n", pct(s, 50), pct(s, 99));
        if (server != null) {
            System.out.printf("  instance %d's own histogram, event timestamp -> FETCH written: %s%n", idleOn,
                    ServerLatency.read(idleHttp()).since(server));
            System.out.printf("  instance %d's store reads: %s%n", idleOn, StoreReads.read(idleHttp()).since(reads,
                    rounds));
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private ProcessMemory[] memory() throws Exception {
        ProcessMemory[] out = new ProcessMemory[http.length];
        for (int i = 0; i < http.length; i++) {
            out[i] = ProcessMemory.of("imap-service", http[i]);
        }
        return out;
    }

    private void printMemory(ProcessMemory[] before, ProcessMemory[] after, int n) {
        for (int i = 0; i < http.length; i++) {
            if (before[i] == null || after[i] == null || n == 0) {
                System.out.printf("imap-service on HTTP %d: process not found (memory not measured)%n", http[i]);
                continue;
            }
            System.out.printf("imap-service on HTTP %d (pid %d): heap %.1f -> %.1f MiB (%.2f KiB per idle session),"
                    + " RSS %.1f -> %.1f MiB (%.2f KiB per idle session)%n", http[i], after[i].pid(),
                    before[i].heapBytes() / 1048576, after[i].heapBytes() / 1048576,
                    (after[i].heapBytes() - before[i].heapBytes()) / 1024 / n, before[i].rssBytes() / 1048576,
                    after[i].rssBytes() / 1048576, (after[i].rssBytes() - before[i].rssBytes()) / 1024 / n);
        }
    }
}
