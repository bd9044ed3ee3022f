package io.mailstream.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers: the embedded servers bind 127.0.0.1 only. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * A port that was free a moment ago. Kafka needs a concrete port before it starts (the
     * advertised listener names it), so 0 cannot be handed to it directly.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** {@code port} itself, or a free port when it is 0. */
    public static int resolve(int port) {
        return port == 0 ? freePort() : port;
    }

    /** True when nothing can bind 127.0.0.1:{@code port} right now. */
    public static boolean isBusy(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
