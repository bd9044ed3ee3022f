package io.mailstream.store.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.mime.BodyStructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of the shared MIME corpus ({@code <repo-root>/../shared/testdata/mime}): analysis
 * never fails, offsets are consistent, and each part sits exactly between its delimiters.
 */
class CorpusTest {

    static Path corpus() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".git"))) {
            dir = dir.getParent();
        }
        return dir == null || dir.getParent() == null ? null
                : dir.getParent().resolve("shared/testdata/mime");
    }

    static Stream<Path> messages() throws IOException {
        Path dir = corpus();
        if (dir == null || !Files.isDirectory(dir)) {
            return Stream.of((Path) null);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList().stream();
        }
    }

    @Test
    void corpusHasAllMessages() throws IOException {
        Path dir = corpus();
        assumeTrue(dir != null && Files.isDirectory(dir), "MIME corpus not found at <repo-root>/../shared/testdata/mime");
        assertThat(messages().count()).isEqualTo(112);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void analyzesConsistently(Path file) throws IOException {
        assumeTrue(file != null, "MIME corpus not found at <repo-root>/../shared/testdata/mime");
        byte[] raw = Files.readAllBytes(file);
        MessageAnalysis a = MessageAnalyzer.analyze(raw);

        PartIndex root = a.parts();
        assertThat(root.headerStart()).isZero();
        assertThat(root.bodyEnd()).isEqualTo(raw.length);
        checkRanges(root, raw.length);
        checkMessage(raw, root, root, a.bodyStructure(), List.of(), List.of());

        assertThat(Sections.extract(raw, root, SectionSpec.whole())).isEqualTo(raw);
        byte[] header = Sections.extract(raw, root, Msg.spec("HEADER"));
        byte[] text = Sections.extract(raw, root, Msg.spec("TEXT"));
        assertThat(concat(header, text)).isEqualTo(raw);
        assertThat(ImapSyntax.envelope(a.envelope())).startsWith("(").endsWith(")");
        assertThat(a.search().bodyText().length()).isLessThanOrEqualTo(MessageAnalyzer.MAX_SEARCH_TEXT_CHARS);
    }

    /** Every range lies within its parent, in order, and an encapsulated message fills its part. */
    private static void checkRanges(PartIndex p, long limit) {
        assertThat(p.headerStart()).isBetween(0L, p.bodyStart());
        assertThat(p.bodyStart()).isLessThanOrEqualTo(p.bodyEnd());
        assertThat(p.bodyEnd()).isLessThanOrEqualTo(limit);
        long previousEnd = p.bodyStart();
        for (PartIndex c : p.parts()) {
            assertThat(c.headerStart()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(c.bodyEnd()).isLessThanOrEqualTo(p.bodyEnd());
            checkRanges(c, p.bodyEnd());
            previousEnd = c.bodyEnd();
        }
        if (p.message() != null) {
            assertThat(p.message().headerStart()).isEqualTo(p.bodyStart());
            assertThat(p.message().bodyEnd()).isEqualTo(p.bodyEnd());
            checkRanges(p.message(), p.bodyEnd());
        }
    }

    /** A message (top level or encapsulated): a multipart's parts, or its body as part 1. */
    private static void checkMessage(byte[] raw, PartIndex root, PartIndex msg, BodyStructure b,
            List<Integer> path, List<byte[]> boundaries) {
        if (b instanceof BodyStructure.Multi m) {
            checkMultipart(raw, root, msg, m, path, boundaries);
        } else {
            checkLeaf(raw, root, msg, (BodyStructure.Single) b, append(path, 1), boundaries);
        }
    }

    /**
     * Each part of a multipart sits between the delimiter line before it and the line break
     * before the next delimiter, and MIME + FULL of its section number cut exactly those bytes.
     */
    private static void checkMultipart(byte[] raw, PartIndex root, PartIndex p, BodyStructure.Multi m,
            List<Integer> path, List<byte[]> boundaries) {
        if (p.parts().isEmpty()) {
            assertThat(m.parts()).containsExactly(BodyStructureBuilder.EMPTY_PART);
            return;
        }
        assertThat(m.parts()).hasSameSizeAs(p.parts());
        byte[] boundary = param(m.params(), "boundary").getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> inner = new ArrayList<>(boundaries);
        inner.add(boundary);
        for (int i = 0; i < p.parts().size(); i++) {
            PartIndex c = p.parts().get(i);
            List<Integer> childPath = append(path, i + 1);
            assertThat(delimiterLineBefore(raw, (int) c.headerStart())).startsWith(delimiter(boundary));
            assertThat(endsAtDelimiter(raw, (int) c.bodyEnd(), inner) || c.bodyEnd() == p.bodyEnd())
                    .as("part %s ends at a delimiter", childPath).isTrue();
            byte[] mime = Sections.extract(raw, root, new SectionSpec(childPath, SectionSpec.Text.MIME, List.of()));
            byte[] full = Sections.extract(raw, root, new SectionSpec(childPath, SectionSpec.Text.FULL, List.of()));
            assertThat(concat(mime, full))
                    .isEqualTo(Arrays.copyOfRange(raw, (int) c.headerStart(), (int) c.bodyEnd()));
            if (m.parts().get(i) instanceof BodyStructure.Multi cm) {
                checkMultipart(raw, root, c, cm, childPath, inner);
            } else {
                checkLeaf(raw, root, c, (BodyStructure.Single) m.parts().get(i), childPath, inner);
            }
        }
    }

    private static void checkLeaf(byte[] raw, PartIndex root, PartIndex p, BodyStructure.Single s,
            List<Integer> path, List<byte[]> boundaries) {
        assertThat(s.size()).isEqualTo(p.bodySize());
        if (s.lines() != null) {
            assertThat(s.lines()).isEqualTo(countLines(raw, p));
        }
        byte[] full = Sections.extract(raw, root, new SectionSpec(path, SectionSpec.Text.FULL, List.of()));
        assertThat(full).isEqualTo(Arrays.copyOfRange(raw, (int) p.bodyStart(), (int) p.bodyEnd()));
        if (p.message() != null) {
            assertThat(s.envelope()).isNotNull();
            byte[] header = Sections.extract(raw, root, new SectionSpec(path, SectionSpec.Text.HEADER, List.of()));
            byte[] text = Sections.extract(raw, root, new SectionSpec(path, SectionSpec.Text.TEXT, List.of()));
            assertThat(concat(header, text)).isEqualTo(full);
            checkMessage(raw, root, p.message(), s.body(), path, boundaries);
        }
    }

    private static List<Integer> append(List<Integer> path, int n) {
        List<Integer> out = new ArrayList<>(path);
        out.add(n);
        return out;
    }

    private static String delimiterLineBefore(byte[] raw, int pos) {
        int end = pos;
        int start = end - 1;
        if (start >= 0 && raw[start] == '\n') {
            start--;
        }
        while (start >= 0 && raw[start] != '\n') {
            start--;
        }
        return new String(raw, start + 1, end - start - 1, StandardCharsets.ISO_8859_1);
    }

    private static boolean endsAtDelimiter(byte[] raw, int pos, List<byte[]> boundaries) {
        int p = pos;
        if (p < raw.length && raw[p] == '\r') {
            p++;
        }
        if (p < raw.length && raw[p] == '\n') {
            p++;
        }
        String rest = new String(raw, p, Math.min(raw.length - p, 8000), StandardCharsets.ISO_8859_1);
        return boundaries.stream().anyMatch(b -> rest.startsWith(delimiter(b)));
    }

    private static String delimiter(byte[] boundary) {
        return "--" + new String(boundary, StandardCharsets.ISO_8859_1);
    }

    private static long countLines(byte[] raw, PartIndex p) {
        long n = 0;
        for (long i = p.bodyStart(); i < p.bodyEnd(); i++) {
            if (raw[(int) i] == '\n') {
                n++;
            }
        }
        return p.bodySize() > 0 && raw[(int) p.bodyEnd() - 1] != '\n' ? n + 1 : n;
    }

    private static String param(List<BodyStructure.Param> params, String name) {
        return params.stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst().orElseThrow().value();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
