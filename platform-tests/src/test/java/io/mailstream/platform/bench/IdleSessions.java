package io.mailstream.platform.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N IMAP sessions that LOGIN, SELECT INBOX and IDLE, driven by a few selector threads (so
 * 10,000+ sessions need no thread each). Session i logs in as account {@code i % accounts} and
 * binds source address 127.0.0.(2 + i % sources) to stay clear of the per-address ephemeral-port
 * range and per-IP caps. Per round, each session of the round's account records the time from
 * {@link #startRound} to reading its first untagged FETCH.
 */
final class IdleSessions implements AutoCloseable {
    private static final int HANDSHAKES_IN_FLIGHT = 16;

    private final InetSocketAddress target;
    private final List<String> users;
    private final String password;
    private final int total;
    private final int sources;
    private final List<Driver> drivers = new ArrayList<>();
    private final AtomicInteger idling = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private final long[] latencies;
    private volatile int round = -1;
    private volatile int account;
    private volatile long roundStart;

    IdleSessions(InetSocketAddress target, List<String> users, String password, int total, int sources,
            int threads) throws IOException {
        this.target = target;
        this.users = users;
        this.password = password;
        this.total = total;
        this.sources = sources;
        this.latencies = new long[total];
        for (int k = 0; k < threads; k++) {
            drivers.add(new Driver(k, threads));
        }
        drivers.forEach(Thread::start);
    }

    int idling() {
        return idling.get();
    }

    int failed() {
        return failed.get();
    }

    int received() {
        return received.get();
    }

    /** Sessions logged in as account {@code a}. */
    int sessionsOf(int a) {
        return total / users.size() + (a < total % users.size() ? 1 : 0);
    }

    /** Starts round {@code r} for account {@code a}: from now on its sessions' next FETCH counts. */
    void startRound(int r, int a) {
        Arrays.fill(latencies, -1);
        received.set(0);
        account = a;
        roundStart = System.nanoTime();
        round = r;
    }

    /** Latency in ns of each session of the round's account, -1 where nothing arrived. */
    long[] latencies() {
        int a = account;
        long[] out = new long[sessionsOf(a)];
        for (int i = a, j = 0; i < total && j < out.length; i += users.size(), j++) {
            out[j] = latencies[i];
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        for (Driver d : drivers) {
            d.running = false;
            d.selector.wakeup();
        }
        for (Driver d : drivers) {
            d.join(30_000);
        }
    }

    /** Client state of one session: 0 greeting, 1 login, 2 select/idle, 3 idling. */
    private static final class Session {
        final int id;
        int state;
        int lastRound = -1;
        final byte[] line = new byte[512];
        int len;

        Session(int id) {
            this.id = id;
        }
    }

    /** One selector thread driving every {@code step}-th session. */
    private final class Driver extends Thread {
        private final int first;
        private final int step;
        private final Selector selector;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        private volatile boolean running = true;
        private int inFlight;

        Driver(int first, int step) throws IOException {
            super("idle-sessions-" + first);
            this.first = first;
            this.step = step;
            this.selector = Selector.open();
            setDaemon(true);
        }

        @Override
        public void run() {
            int next = first;
            try {
                while (running) {
                    for (; next < total && inFlight < HANDSHAKES_IN_FLIGHT; next += step) {
                        connect(next);
                    }
                    selector.select(100);
                    for (SelectionKey k : selector.selectedKeys()) {
                        handle(k);
                    }
                    selector.selectedKeys().clear();
                }
                for (SelectionKey k : selector.keys()) {
                    k.channel().close();
                }
                selector.close();
            } catch (IOException e) {
                System.err.println(getName() + ": " + e);
            }
        }

        private void connect(int id) throws IOException {
            SocketChannel ch = SocketChannel.open();
            ch.setOption(StandardSocketOptions.SO_LINGER, 0); // no TIME_WAIT pile-up between runs
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.bind(new InetSocketAddress("127.0.0." + (2 + id % sources), 0));
            ch.configureBlocking(false);
            ch.connect(target);
            ch.register(selector, SelectionKey.OP_CONNECT, new Session(id));
            inFlight++;
        }

        private void handle(SelectionKey k) throws IOException {
            Session s = (Session) k.attachment();
            SocketChannel ch = (SocketChannel) k.channel();
            try {
                if (k.isConnectable()) {
                    ch.finishConnect();
                    k.interestOps(SelectionKey.OP_READ);
                } else if (k.isReadable()) {
                    read(ch, s);
                }
            } catch (IOException e) {
                if (s.state < 3) {
                    inFlight--;
                    if (failed.incrementAndGet() <= 3) {
                        System.err.println("session " + s.id + ": " + e.getMessage());
                    }
                } else {
                    idling.decrementAndGet();
                }
                k.cancel();
                ch.close();
            }
        }

        private void read(SocketChannel ch, Session s) throws IOException {
            buf.clear();
            if (ch.read(buf) < 0) {
                throw new IOException("closed by the server");
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
            if (s.state == 3) {
                int r = round;
                if (r >= 0 && s.lastRound < r && s.id % users.size() == account && line.startsWith("* ")
                        && line.contains(" FETCH (")) {
                    s.lastRound = r;
                    latencies[s.id] = now - roundStart;
                    received.incrementAndGet();
                }
            } else if (s.state == 0) {
                send(ch, "a LOGIN " + users.get(s.id % users.size()) + " " + password);
                s.state = 1;
            } else if (s.state == 1 && line.startsWith("a ")) {
                if (!line.startsWith("a OK")) {
                    throw new IOException("LOGIN: " + line);
                }
                send(ch, "b SELECT INBOX");
                s.state = 2;
            } else if (s.state == 2 && line.startsWith("b ")) {
                if (!line.startsWith("b OK")) {
                    throw new IOException("SELECT: " + line);
                }
                send(ch, "c IDLE");
            } else if (s.state == 2 && line.startsWith("+")) {
                s.state = 3;
                inFlight--;
                idling.incrementAndGet();
            } else if (line.startsWith("* BYE")) {
                throw new IOException(line);
            }
        }

        private void send(SocketChannel ch, String command) throws IOException {
            ByteBuffer b = ByteBuffer.wrap((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }
}
