package io.mailstream.platform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Push latency load driver: a program that prints figures, not a test. Against
 * {@code ./mailstream dev --imap-instances 2} it opens N IDLE sessions on instance 2 (spread over
 * source addresses 127.0.0.2...), changes a flag on instance 1 once per round, and measures the
 * time from sending that STORE to each instance-2 session reading its untagged FETCH: p50, p99,
 * max. It also reports heap (after a GC, from /q/metrics) and RSS of each imap-service per idle
 * session. JDK only, so it runs straight from source:
 *
 * <pre>
 *   java platform-tests/src/test/java/io/mailstream/platform/bench/PushBenchmark.java \
 *        --ready-file /tmp/ready.txt --sessions 1,1000,10000
 * </pre>
 *
 * Options: {@code --ready "READY ..."} or {@code --ready-file f} (else imap=127.0.0.1:1143,
 * imap2=127.0.0.1:1144, user demo@localhost / demo), {@code --sessions 1,1000},
 * {@code --rounds n} (default 200 for N=1, 50 up to 1000, 20 above), {@code --sources k} (source
 * addresses, default 8), {@code --http 8090,8091} (the instances' HTTP ports).
 */
public final class PushBenchmark {
    private static final int THREADS = 2;
    private static final int HANDSHAKES_IN_FLIGHT = 16;

    private final Map<String, String> ready = new HashMap<>();
    private int[] sessionsList = {1, 1000};
    private int rounds = -1;
    private int sources = 8;
    private int[] http = {8090, 8091};

    volatile int round = -1;
    volatile long roundStart;
    final AtomicInteger received = new AtomicInteger();
    final AtomicInteger idling = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    long[] latencies;

    public static void main(String[] args) throws Exception {
        PushBenchmark b = new PushBenchmark();
        b.parse(args);
        for (int n : b.sessionsList) {
            b.run(n);
        }
    }

    private void parse(String[] args) throws IOException {
        ready.putAll(Map.of("imap", "127.0.0.1:1143", "imap2", "127.0.0.1:1144", "user", "demo@localhost",
                "password", "demo"));
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--ready" -> readReady(v);
                case "--ready-file" -> readReady(Files.readAllLines(Path.of(v)).stream()
                        .filter(l -> l.startsWith("READY ")).findFirst().orElseThrow());
                case "--sessions" -> sessionsList = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--sources" -> sources = Integer.parseInt(v);
                case "--http" -> http = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
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

    // --- one run -----------------------------------------------------------------------------

    private void run(int n) throws Exception {
        int r = rounds > 0 ? rounds : n == 1 ? 200 : n <= 1000 ? 50 : 20;
        System.out.printf("%n== %d IDLE session(s) on %s, writer on %s, %d rounds ==%n", n, ready.get("imap2"),
                ready.get("imap"), r);
        Writer writer = new Writer(address(ready.get("imap")), ready.get("user"), ready.get("password"));
        double[][] before = memory();
        latencies = new long[n];
        idling.set(0);
        failed.set(0);
        round = -1;
        List<Driver> drivers = new ArrayList<>();
        long t = System.nanoTime();
        for (int k = 0; k < THREADS; k++) {
            Driver d = new Driver(k, n);
            drivers.add(d);
            d.start();
        }
        while (idling.get() + failed.get() < n) {
            Thread.sleep(200);
        }
        System.out.printf("sessions idling: %d (failed %d) after %.1f s%n", idling.get(), failed.get(),
                (System.nanoTime() - t) / 1e9);
        Thread.sleep(3000); // IDLE start syncs settle
        double[][] after = memory();
        for (int i = 0; i < after.length; i++) {
            if (before[i] != null && after[i] != null && n > 0) {
                System.out.printf("imap-service :%d  heap %.1f -> %.1f MiB (%.2f KiB/session)  "
                        + "RSS %.1f -> %.1f MiB (%.2f KiB/session)%n", http[i],
                        before[i][0] / 1048576, after[i][0] / 1048576, (after[i][0] - before[i][0]) / 1024 / n,
                        before[i][1] / 1048576, after[i][1] / 1048576, (after[i][1] - before[i][1]) / 1024 / n);
            }
        }
        List<Long> all = new ArrayList<>();
        long missing = 0;
        List<Long> storeRtt = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            Arrays.fill(latencies, -1);
            received.set(0);
            roundStart = System.nanoTime();
            round = i;
            storeRtt.add(writer.toggle(i));
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (received.get() < idling.get() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            for (long l : latencies) {
                if (l >= 0) {
                    all.add(l);
                } else {
                    missing++;
                }
            }
            Thread.sleep(n <= 1000 ? 50 : 300);
        }
        report(all, missing, storeRtt);
        for (Driver d : drivers) {
            d.shutdown();
        }
        writer.close();
        Thread.sleep(2000);
    }

    private static void report(List<Long> ns, long missing, List<Long> storeRtt) {
        long[] a = ns.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] s = storeRtt.stream().mapToLong(Long::longValue).sorted().toArray();
        if (a.length == 0) {
            System.out.println("no FETCH received");
            return;
        }
        System.out.printf("push latency (STORE sent on instance 1 -> untagged FETCH read on instance 2), "
                + "%d samples, %d missing:%n  p50 %.2f ms   p99 %.2f ms   max %.2f ms%n", a.length, missing,
                pct(a, 50), pct(a, 99), a[a.length - 1] / 1e6);
        System.out.printf("  (writer's STORE round trip: p50 %.2f ms, p99 %.2f ms)%n", pct(s, 50), pct(s, 99));
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    // --- memory of the imap-service processes --------------------------------------------------

    /** Per HTTP port: {heap bytes after a full GC, RSS bytes}, or null if not found. */
    private double[][] memory() throws Exception {
        double[][] out = new double[http.length][];
        for (int i = 0; i < http.length; i++) {
            long pid = pidOf(http[i]);
            if (pid < 0) {
                continue;
            }
            new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http[i] + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double heap = 0;
            for (String l : metrics.split("\n")) {
                if (l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\"")) {
                    heap += Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
                }
            }
            double rss = 0;
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    rss = Double.parseDouble(l.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            out[i] = new double[] {heap, rss};
        }
        return out;
    }

    /** The imap-service JVM whose environment has QUARKUS_HTTP_PORT=port. */
    private static long pidOf(int port) {
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path p : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline"));
                    if (cmd.contains("imap-service") && new String(Files.readAllBytes(p.resolve("environ")),
                            StandardCharsets.ISO_8859_1).contains("\0QUARKUS_HTTP_PORT=" + port + "\0")) {
                        return Long.parseLong(p.getFileName().toString());
                    }
                } catch (IOException e) {
                    // gone or not ours
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    // --- the writer on instance 1 ------------------------------------------------------------

    /** A blocking IMAP session that toggles \Flagged on message 1 of INBOX. */
    private static final class Writer implements AutoCloseable {
        private final Socket s;
        private final InputStream in;
        private final OutputStream out;

        Writer(InetSocketAddress addr, String user, String password) throws IOException {
            s = new Socket(addr.getAddress(), addr.getPort());
            s.setTcpNoDelay(true);
            in = s.getInputStream();
            out = s.getOutputStream();
            line();
            command("w1 LOGIN " + user + " " + password);
            if (command("w2 SELECT INBOX").stream().anyMatch(l -> l.equals("* 0 EXISTS"))) {
                String msg = "Subject: push benchmark\r\n\r\nflag me\r\n";
                out.write(("w3 APPEND INBOX {" + msg.length() + "+}\r\n" + msg + "\r\n").getBytes(StandardCharsets.UTF_8));
                until("w3");
                command("w4 NOOP");
            }
        }

        /** Sends the STORE; returns its round trip in ns. */
        long toggle(int i) throws IOException {
            long t = System.nanoTime();
            command("t" + i + " STORE 1 " + (i % 2 == 0 ? "+" : "-") + "FLAGS.SILENT (\\Flagged)");
            return System.nanoTime() - t;
        }

        private List<String> command(String c) throws IOException {
            out.write((c + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return until(c.substring(0, c.indexOf(' ')));
        }

        private List<String> until(String tag) throws IOException {
            List<String> lines = new ArrayList<>();
            while (true) {
                String l = line();
                lines.add(l);
                if (l.startsWith(tag + " ")) {
                    if (!l.startsWith(tag + " OK")) {
                        throw new IOException("writer: " + l);
                    }
                    return lines;
                }
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("writer: connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            s.close();
        }
    }

    // --- the IDLE sessions on instance 2 -------------------------------------------------------

    /** One selector thread driving every THREADS-th session: LOGIN, SELECT, IDLE, then read FETCHes. */
    private final class Driver extends Thread {
        private final int index;
        private final int total;
        private final Selector selector;
        private volatile boolean running = true;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);

        Driver(int index, int total) throws IOException {
            super("push-bench-" + index);
            this.index = index;
            this.total = total;
            this.selector = Selector.open();
            setDaemon(true);
        }

        @Override
        public void run() {
            int next = index;
            int inFlight = 0;
            InetSocketAddress target = address(ready.get("imap2"));
            try {
                while (running) {
                    while (next < total && inFlight < HANDSHAKES_IN_FLIGHT) {
                        SocketChannel ch = SocketChannel.open();
                        ch.setOption(StandardSocketOptions.SO_LINGER, 0); // no TIME_WAIT pile-up between runs
                        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        ch.bind(new InetSocketAddress("127.0.0." + (2 + next % sources), 0));
                        ch.configureBlocking(false);
                        ch.connect(target);
                        ch.register(selector, SelectionKey.OP_CONNECT, new Session(next));
                        next += THREADS;
                        inFlight++;
                    }
                    selector.select(100);
                    for (SelectionKey k : selector.selectedKeys()) {
                        Session s = (Session) k.attachment();
                        SocketChannel ch = (SocketChannel) k.channel();
                        try {
                            if (k.isConnectable()) {
                                ch.finishConnect();
                                k.interestOps(SelectionKey.OP_READ);
                            } else if (k.isReadable()) {
                                int before = s.state;
                                read(ch, s);
                                if (before < 3 && s.state >= 3) {
                                    inFlight--;
                                }
                            }
                        } catch (IOException e) {
                            if (s.state < 3) {
                                inFlight--;
                                failed.incrementAndGet();
                            }
                            s.state = 4;
                            k.cancel();
                            ch.close();
                        }
                    }
                    selector.selectedKeys().clear();
                }
                for (SelectionKey k : selector.keys()) {
                    k.channel().close();
                }
                selector.close();
            } catch (IOException e) {
                System.err.println("driver " + index + ": " + e);
            }
        }

        void shutdown() throws InterruptedException {
            running = false;
            selector.wakeup();
            join(30_000);
        }

        private void read(SocketChannel ch, Session s) throws IOException {
            buf.clear();
            int n = ch.read(buf);
            if (n < 0) {
                throw new IOException("closed by server");
            }
            long now = System.nanoTime();
            buf.flip();
            while (buf.hasRemaining()) {
                byte c = buf.get();
                if (c != '\n') {
                    if (s.len < s.line.length) {
                        s.line[s.len++] = c;
                    }
                    continue;
                }
                String line = new String(s.line, 0, s.len, StandardCharsets.US_ASCII).trim();
                s.len = 0;
                onLine(ch, s, line, now);
            }
        }

        private void onLine(SocketChannel ch, Session s, String line, long now) throws IOException {
            switch (s.state) {
                case 0 -> { // greeting
                    send(ch, "a LOGIN " + ready.get("user") + " " + ready.get("password"));
                    s.state = 1;
                }
                case 1 -> {
                    if (line.startsWith("a OK")) {
                        send(ch, "b SELECT INBOX");
                        s.state = 2;
                    } else if (line.startsWith("a ")) {
                        throw new IOException("LOGIN refused: " + line);
                    }
                }
                case 2 -> {
                    if (line.startsWith("b OK")) {
                        send(ch, "c IDLE");
                    } else if (line.startsWith("+")) {
                        s.state = 3;
                        idling.incrementAndGet();
                    } else if (line.startsWith("b ") || line.startsWith("* BYE")) {
                        throw new IOException("SELECT failed: " + line);
                    }
                }
                default -> {
                    int r = round;
                    if (r >= 0 && s.lastRound < r && line.startsWith("* ") && line.contains(" FETCH (")) {
                        s.lastRound = r;
                        latencies[s.id] = now - roundStart;
                        received.incrementAndGet();
                    }
                }
            }
        }

        private void send(SocketChannel ch, String command) throws IOException {
            ByteBuffer b = ByteBuffer.wrap((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    /** Client state of one IDLE session: 0 greeting, 1 login, 2 select/idle, 3 idling, 4 dead. */
    private static final class Session {
        final int id;
        int state;
        int lastRound = -1;
        final byte[] line = new byte[256];
        int len;

        Session(int id) {
            this.id = id;
        }
    }
}
