package io.mailstream.imap.proto.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every RFC example command, fed whole, byte by byte, at random split points and pipelined. */
class RfcExamplesParseTest {

    static Stream<RfcExamples.Example> examples() {
        return RfcExamples.all().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void parsesWhole(RfcExamples.Example ex) {
        List<ParseResult> results = Feeder.finals(Feeder.whole(ex.bytes()));
        assertThat(results).containsExactly(new ParseResult.Request(ex.expected()));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void parsesByteByByte(RfcExamples.Example ex) {
        List<ParseResult> whole = Feeder.whole(ParserLimits.authenticated(), ex.bytes());
        assertThat(Feeder.byteByByte(ParserLimits.authenticated(), ex.bytes())).isEqualTo(whole);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void literalsAreAnnouncedOncePerLiteral(RfcExamples.Example ex) {
        List<ParseResult> all = Feeder.whole(ex.bytes());
        long markers = ex.raw().chars().filter(c -> c == '}').count();
        long announced = all.stream().filter(r -> r instanceof ParseResult.NeedLiteral).count();
        // every "}" in these examples ends a literal marker, except inside quoted text (none here)
        assertThat(announced).isEqualTo(markers);
    }

    @Property(tries = 300)
    void anySplitGivesTheSameResults(@ForAll @IntRange(min = 0, max = 10_000) int exampleIndex,
            @ForAll long seed) {
        List<RfcExamples.Example> all = RfcExamples.all();
        RfcExamples.Example ex = all.get(exampleIndex % all.size());
        byte[] in = ex.bytes();
        int[] cuts = randomCuts(in.length, new Random(seed));
        assertThat(Feeder.split(ParserLimits.authenticated(), in, cuts))
                .isEqualTo(Feeder.whole(ParserLimits.authenticated(), in));
    }

    @Property(tries = 50)
    void pipelinedExamplesSplitAnywhere(@ForAll long seed) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<ParseResult> expected = new ArrayList<>();
        for (RfcExamples.Example ex : RfcExamples.all()) {
            all.writeBytes(ex.bytes());
            expected.add(new ParseResult.Request(ex.expected()));
        }
        byte[] in = all.toByteArray();
        List<ParseResult> got = Feeder.split(ParserLimits.authenticated(), in, randomCuts(in.length, new Random(seed)));
        assertThat(Feeder.finals(got)).isEqualTo(expected);
    }

    static int[] randomCuts(int length, Random rnd) {
        TreeSet<Integer> cuts = new TreeSet<>();
        int n = length == 0 ? 0 : rnd.nextInt(Math.min(length, 40) + 1);
        for (int i = 0; i < n; i++) {
            cuts.add(1 + rnd.nextInt(Math.max(1, length - 1)));
        }
        return cuts.stream().filter(c -> c < length).mapToInt(Integer::intValue).toArray();
    }
}
