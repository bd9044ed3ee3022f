package io.mailstream.pop3.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A raw POP3 client for byte-exact tests: it sends bytes and reads exactly what is expected. */
public final class Pop3Client implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 20_000;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private Pop3Client(Socket socket) throws IOException {
        use(socket);
    }

    public static Pop3Client connect(String host, int port) throws IOException {
        return new Pop3Client(new Socket(host, port));
    }

    public static Pop3Client connect(int port) throws IOException {
        return connect("127.0.0.1", port);
    }

    /** A plain connection with a small receive buffer, to make a slow reader. */
    public static Pop3Client connectSlowReader(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(receiveBuffer);
        s.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        return new Pop3Client(s);
    }

    /** Implicit TLS (RFC 8314), trusting any certificate (the test's self-signed one). */
    public static Pop3Client connectTls(int port) throws IOException {
        SSLSocket s = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port);
        s.startHandshake();
        return new Pop3Client(s);
    }

    /** After "+OK Begin TLS negotiation": layers TLS over the same connection. */
    public void startTls() throws IOException {
        SSLSocket s = (SSLSocket) trustAll().getSocketFactory()
                .createSocket(socket, "127.0.0.1", socket.getPort(), true);
        s.startHandshake();
        use(s);
    }

    public boolean isTls() {
        return socket instanceof SSLSocket;
    }

    public Pop3Client send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public Pop3Client send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads exactly as many bytes as {@code expected} has and asserts they are equal. */
    public Pop3Client expect(String expected) throws IOException {
        return expect(expected.getBytes(StandardCharsets.UTF_8));
    }

    public Pop3Client expect(byte[] expected) throws IOException {
        byte[] got = readExactly(expected.length);
        assertThat(new String(got, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
        return this;
    }

    /** One line including its CRLF. */
    public String readLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after: " + b.toString(StandardCharsets.UTF_8));
            }
            b.write(c);
            if (prev == '\r' && c == '\n') {
                return b.toString(StandardCharsets.UTF_8);
            }
            prev = c;
        }
    }

    /** Everything up to and including the terminating CRLF.CRLF of a multi-line body. */
    public byte[] readUntilTerminator() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] tail = {0, 0, 0, 0, 0};
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed inside a multi-line response");
            }
            b.write(c);
            System.arraycopy(tail, 1, tail, 0, 4);
            tail[4] = (byte) c;
            if (tail[0] == '\r' && tail[1] == '\n' && tail[2] == '.' && tail[3] == '\r' && tail[4] == '\n') {
                return b.toByteArray();
            }
            if (b.size() == 3 && tail[2] == '.' && tail[3] == '\r' && tail[4] == '\n') {
                return b.toByteArray();
            }
        }
    }

    public byte[] readExactly(int n) throws IOException {
        byte[] buf = new byte[n];
        int off = 0;
        while (off < n) {
            int r = in.read(buf, off, n - off);
            if (r < 0) {
                throw new IOException("connection closed after " + off + " of " + n + " bytes: "
                        + new String(buf, 0, off, StandardCharsets.ISO_8859_1));
            }
            off += r;
        }
        return buf;
    }

    /** True when the server closed the connection (EOF) without sending anything more. */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void use(Socket s) throws IOException {
        socket = s;
        socket.setSoTimeout(TIMEOUT_MILLIS);
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] c, String a) {
                }

                public void checkServerTrusted(X509Certificate[] c, String a) {
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
