package io.mailstream.platform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A blocking IMAP session on instance 1 that toggles \Flagged on message 1 of INBOX. */
final class ImapWriter implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    ImapWriter(InetSocketAddress address, String user, String password) throws IOException {
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        line(); // greeting
        command("w1 LOGIN " + user + " " + password);
        if (command("w2 SELECT INBOX").contains("* 0 EXISTS")) {
            String msg = "Subject: push benchmark\r\n\r\nflag me\r\n";
            out.write(("w3 APPEND INBOX {" + msg.length() + "+}\r\n" + msg + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            until("w3");
            command("w4 NOOP");
        }
    }

    /** STORE +FLAGS.SILENT / -FLAGS.SILENT (\Flagged) on message 1; returns its round trip in ns. */
    long toggle(int round) throws IOException {
        long t = System.nanoTime();
        command("t" + round + " STORE 1 " + (round % 2 == 0 ? "+" : "-") + "FLAGS.SILENT (\\Flagged)");
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
        socket.close();
    }
}
