package io.mailstream.imap.proto.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.proto.command.ImapCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A few hundred broken commands: each yields an Error (never a command, never an exception),
 * whatever the split of the input, and the parser then parses the next command.
 */
class MalformedInputTest {
    private static final byte[] NEXT = "ZZ NOOP\r\n".getBytes(StandardCharsets.US_ASCII);

    record Case(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = MalformedInputTest.class.getResourceAsStream("/malformed-commands.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n", -1)) {
                if (line.isEmpty() || line.startsWith("# ")) {
                    continue;
                }
                out.add(new Case(line, withCrlf(unescape(line))));
            }
        }
        out.addAll(generated());
        return out;
    }

    static Stream<Case> all() throws IOException {
        return cases().stream();
    }

    @Test
    void thereAreAFewHundredCases() throws IOException {
        assertThat(cases()).hasSizeGreaterThan(450);
    }

    @ParameterizedTest
    @MethodSource("all")
    void yieldsErrorAndRecovers(Case c) {
        byte[] in = concat(c.bytes(), NEXT);
        List<ParseResult> whole = Feeder.whole(in);
        assertThat(whole).as("results").isNotEmpty();
        assertThat(whole.get(whole.size() - 1)).isEqualTo(new ParseResult.Request(new ImapCommand.Noop("ZZ")));
        List<ParseResult> before = whole.subList(0, whole.size() - 1);
        assertThat(before).isNotEmpty().allMatch(r -> r instanceof ParseResult.Error);
    }

    @ParameterizedTest
    @MethodSource("all")
    void sameResultsByteByByteAndSplit(Case c) {
        byte[] in = concat(c.bytes(), NEXT);
        List<ParseResult> whole = Feeder.whole(in);
        assertThat(Feeder.byteByByte(ParserLimits.authenticated(), in)).isEqualTo(whole);
        Random rnd = new Random(c.name().hashCode());
        for (int i = 0; i < 3; i++) {
            assertThat(Feeder.split(ParserLimits.authenticated(), in, RfcExamplesParseTest.randomCuts(in.length, rnd)))
                    .isEqualTo(whole);
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void preAuthenticationLimitsAlsoRecover(Case c) {
        byte[] in = concat(c.bytes(), NEXT);
        ImapParser p = new ImapParser(ParserLimits.notAuthenticated());
        List<ParseResult> out = Feeder.run(p, List.of(in));
        assertThat(out.get(out.size() - 1)).isEqualTo(new ParseResult.Request(new ImapCommand.Noop("ZZ")));
        assertThat(p.buffered()).isZero();
    }

    /** Deep nesting, binary garbage, long runs of keys. */
    static List<Case> generated() {
        List<Case> out = new ArrayList<>();
        for (int depth : new int[] {65, 100, 1000, 10_000}) {
            out.add(gen("SEARCH (" + depth, "a SEARCH " + "(".repeat(depth) + "ALL" + ")".repeat(depth)));
            out.add(gen("SEARCH NOT " + depth, "a SEARCH " + "NOT ".repeat(depth) + "ALL"));
            out.add(gen("SEARCH OR " + depth, "a SEARCH " + "OR ALL ".repeat(depth) + "ALL"));
            out.add(gen("unbalanced (" + depth, "a SEARCH " + "(".repeat(depth)));
            out.add(gen("FETCH (" + depth, "a FETCH 1 " + "(".repeat(depth) + "FLAGS" + ")".repeat(depth)));
            out.add(gen("STORE (" + depth, "a STORE 1 FLAGS " + "(".repeat(depth)));
            out.add(gen("LIST (" + depth, "a LIST " + "(".repeat(depth) + " \"\" *"));
            out.add(gen("ID (" + depth, "a ID " + "(".repeat(depth)));
            out.add(gen("closing ) " + depth, "a NOOP " + ")".repeat(depth)));
        }
        Random rnd = new Random(9051);
        for (int i = 0; i < 120; i++) {
            byte[] g = new byte[1 + rnd.nextInt(300)];
            rnd.nextBytes(g);
            for (int k = 0; k < g.length; k++) {
                if (g[k] == '\n' || g[k] == '\r') {
                    g[k] = 0;
                }
            }
            if (g[g.length - 1] == '}') {
                g[g.length - 1] = '!';
            }
            out.add(new Case("garbage #" + i, withCrlf(g)));
        }
        for (int i = 0; i < 20; i++) {
            // a plausible start followed by garbage
            byte[] g = new byte[1 + rnd.nextInt(100)];
            rnd.nextBytes(g);
            for (int k = 0; k < g.length; k++) {
                g[k] = (byte) (g[k] == '\n' || g[k] == '\r' || g[k] == '}' ? 0x80 : g[k] | 0x80);
            }
            out.add(new Case("fetch garbage #" + i, withCrlf(concat("a FETCH 1 ".getBytes(StandardCharsets.US_ASCII), g))));
        }
        return out;
    }

    private static Case gen(String name, String s) {
        return new Case(name, withCrlf(s.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] withCrlf(byte[] b) {
        return concat(b, new byte[] {'\r', '\n'});
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** \r \n \0 \t \xNN and \\; any other backslash stays as it is. */
    static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\\' && i + 1 < b.length) {
                char n = (char) b[i + 1];
                switch (n) {
                    case 'r' -> { out.write('\r'); i++; continue; }
                    case 'n' -> { out.write('\n'); i++; continue; }
                    case '0' -> { out.write(0); i++; continue; }
                    case 't' -> { out.write('\t'); i++; continue; }
                    case '\\' -> { out.write('\\'); i++; continue; }
                    case 'x' -> {
                        out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                        i += 3;
                        continue;
                    }
                    default -> { }
                }
            }
            out.write(b[i]);
        }
        return out.toByteArray();
    }
}
