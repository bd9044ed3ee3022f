package io.mailstream.lmtp.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A byte-level LMTP client for tests: writes raw octets, reads whole (multi-line) replies. */
final class LmtpTestClient implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LmtpTestClient(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    LmtpTestClient(Socket socket) throws IOException {
        use(socket);
    }

    void use(Socket s) throws IOException {
        this.socket = s;
        s.setSoTimeout(10_000);
        this.in = new java.io.BufferedInputStream(s.getInputStream());
        this.out = s.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    LmtpTestClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    LmtpTestClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends one command line and returns its reply. */
    String command(String line) throws IOException {
        send(line + "\r\n");
        return reply();
    }

    /** One reply, all its lines joined with CRLF, without the final CRLF. */
    String reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = line();
            if (line == null) {
                throw new IOException("connection closed; reply so far: " + lines);
            }
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return String.join("\r\n", lines);
            }
        }
    }

    List<String> replies(int n) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(reply());
        }
        return out;
    }

    /** True when the server closed the connection (EOF) before the read timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            b.write(c);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
