package io.mailstream.pop3.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The shared MIME corpus ({@code shared/testdata/mime} beside the repository), as messages a client appends over IMAP. */
public final class Corpus {
    public static final Path DIR = Path.of("..", "..", "shared", "testdata", "mime").toAbsolutePath().normalize() /* shared/ beside the repository, module dir as cwd */;

    private Corpus() {
    }

    public static boolean present() {
        return Files.isDirectory(DIR);
    }

    /** Every corpus file with CRLF line ends and a final CRLF, as IMAP clients send messages. */
    public static List<byte[]> crlfMessages() throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                out.add(crlf(Files.readAllBytes(f)));
            }
        }
        return out;
    }

    public static byte[] crlf(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 20);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(in[i]);
        }
        byte[] b = out.toByteArray();
        if (b.length < 2 || b[b.length - 2] != '\r' || b[b.length - 1] != '\n') {
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }
}
