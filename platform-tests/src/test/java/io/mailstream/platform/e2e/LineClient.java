package io.mailstream.platform.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A line-oriented TCP client for protocol scripts: send a line, read lines until one matches. */
final class LineClient implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final List<String> transcript = new ArrayList<>();

    LineClient(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(String line) {
        transcript.add("C: " + line);
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String readLine() {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new IllegalStateException("connection closed; transcript:\n" + transcript());
            }
            transcript.add("S: " + line);
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads lines until one starts with {@code prefix}; returns every line read, that one last. */
    List<String> readUntil(String prefix, Duration timeout) {
        List<String> lines = new ArrayList<>();
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            while (true) {
                String line = readLine();
                lines.add(line);
                if (line.startsWith(prefix)) {
                    return lines;
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof SocketTimeoutException) {
                throw new AssertionError("no line starting with '" + prefix + "' within " + timeout
                        + "; transcript:\n" + transcript());
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a tagged command and reads through its tagged completion. */
    List<String> command(String tag, String command) {
        send(tag + " " + command);
        return readUntil(tag + " ", Duration.ofSeconds(30));
    }

    String transcript() {
        return String.join("\n", transcript);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
