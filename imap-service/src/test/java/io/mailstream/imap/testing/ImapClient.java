package io.mailstream.imap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw IMAP client for byte-exact protocol tests: sends octets as given and reads responses
 * line by line, literals included ({@code {n}} then n octets are part of the logical line).
 */
public final class ImapClient implements AutoCloseable {
    private final Socket socket;
    private InputStream in;
    private OutputStream out;

    public ImapClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static ImapClient connect(int port) throws IOException {
        return new ImapClient(new Socket("127.0.0.1", port));
    }

    public Socket socket() {
        return socket;
    }

    /**
     * RFC 4978: from now on both directions are raw deflate (no zlib header); every send is
     * SYNC_FLUSHed, as a client must so that the server sees whole commands.
     */
    public ImapClient startCompression() {
        in = new java.util.zip.InflaterInputStream(in, new java.util.zip.Inflater(true), 4096);
        out = new java.util.zip.DeflaterOutputStream(out, new java.util.zip.Deflater(6, true), 4096, true);
        return this;
    }

    /** Sends {@code text} (UTF-8) exactly as given. */
    public ImapClient sendRaw(String text) throws IOException {
        return sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    public ImapClient sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends one command line, CRLF appended. */
    public ImapClient send(String line) throws IOException {
        return sendRaw(line + "\r\n");
    }

    /**
     * Reads one logical response: a CRLF-terminated line, with any literal it announces and the
     * rest of the line after it. CRLF must be exact; the result has the final CRLF removed.
     */
    public String read() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            byte[] line = readLine();
            b.writeBytes(line);
            int n = literalSize(line);
            if (n < 0) {
                break;
            }
            b.writeBytes(in.readNBytes(n));
        }
        byte[] all = b.toByteArray();
        return new String(all, 0, all.length - 2, StandardCharsets.UTF_8);
    }

    /** Reads responses until the tagged one; returns all of them, the tagged last. */
    public List<String> readUntilTagged(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = read();
            lines.add(l);
            if (l.startsWith(tag + " ")) {
                return lines;
            }
        }
    }

    /** Sends {@code tag command} and returns every response up to and including the tagged one. */
    public List<String> command(String tag, String command) throws IOException {
        send(tag + " " + command);
        return readUntilTagged(tag);
    }

    /** The tagged response of {@code command}, checking it starts with {@code tag OK}. */
    public List<String> ok(String tag, String command) throws IOException {
        List<String> r = command(tag, command);
        assertThat(r.get(r.size() - 1)).startsWith(tag + " OK");
        return r;
    }

    /** Whether the server closed the connection (reads EOF within the timeout). */
    public boolean closedByServer() throws IOException {
        try {
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private byte[] readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed by server after: " + b.toString(StandardCharsets.UTF_8));
            }
            b.write(c);
            if (c == '\n') {
                if (prev != '\r') {
                    throw new AssertionError("bare LF from server: " + b.toString(StandardCharsets.UTF_8));
                }
                return b.toByteArray();
            }
            prev = c;
        }
    }

    /** n if the line (with CRLF) ends in {n}, else -1. */
    private static int literalSize(byte[] line) {
        int end = line.length - 2;
        if (end < 2 || line[end - 1] != '}') {
            return -1;
        }
        int i = end - 2;
        while (i >= 0 && Character.isDigit(line[i])) {
            i--;
        }
        if (i < 0 || line[i] != '{' || i == end - 2) {
            return -1;
        }
        return Integer.parseInt(new String(line, i + 1, end - 2 - i, StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
