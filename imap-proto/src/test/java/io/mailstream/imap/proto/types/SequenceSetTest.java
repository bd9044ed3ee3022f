package io.mailstream.imap.proto.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailstream.store.api.UidSet;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SequenceSetTest {

    @Test
    void rfc9051ExamplesResolve() {
        // RFC 9051 9 seq-range / sequence-set examples
        assertThat(SequenceSet.parse("2,4:7,9,12:*").resolve(15)).isEqualTo(UidSet.parse("2,4:7,9,12:15"));
        assertThat(SequenceSet.parse("*:4,5:7").resolve(10)).isEqualTo(UidSet.parse("4:10"));
        assertThat(SequenceSet.parse("4:2").resolve(10)).isEqualTo(UidSet.parse("2:4"));
        // "3291:*" includes the last UID even if it is less than 3291
        assertThat(SequenceSet.parse("3291:*").resolve(3000)).isEqualTo(UidSet.parse("3000:3291"));
    }

    @Test
    void starInEmptyMailboxResolvesToNothing() {
        assertThat(SequenceSet.parse("*").resolve(0).isEmpty()).isTrue();
        assertThat(SequenceSet.parse("1:*").resolve(0)).isEqualTo(UidSet.parse("1"));
    }

    @Test
    void lastResultMarker() {
        SequenceSet s = SequenceSet.parse("$");
        assertThat(s.isLastResult()).isTrue();
        assertThat(s).isSameAs(SequenceSet.LAST_RESULT);
        assertThat(s.toString()).isEqualTo("$");
        assertThatThrownBy(() -> s.resolve(5)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void explicitMaximumAndStar() {
        SequenceSet s = SequenceSet.parse("3,7:5,*");
        assertThat(s.maxExplicit()).isEqualTo(7);
        assertThat(s.hasStar()).isTrue();
        assertThat(SequenceSet.parse("1:2").hasStar()).isFalse();
        assertThat(s.toString()).isEqualTo("3,7:5,*");
    }

    @Test
    void compactsAConcreteSet() {
        assertThat(SequenceSet.of(UidSet.of(1, 2, 3, 5, 7, 8)).toString()).isEqualTo("1:3,5,7:8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "1:0", "01", "1,", ",1", "1,,2", ":", "1:", ":1", "1:2:3", "a", "1 2", "$,1",
            "1,$", "$$", "4294967296", "-1", "**", "*1", "1*", "+1"})
    void rejectsInvalid(String text) {
        assertThatThrownBy(() -> SequenceSet.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsLargestNumber() {
        assertThat(SequenceSet.parse("4294967295").maxExplicit()).isEqualTo(4294967295L);
    }

    @Property(tries = 500)
    void roundTrip(@ForAll("sets") SequenceSet set) {
        assertThat(SequenceSet.parse(set.toString())).isEqualTo(set);
    }

    @Property(tries = 300)
    void resolveContainsEveryNumberOfEveryRange(@ForAll("sets") SequenceSet set) {
        long star = 50;
        UidSet resolved = set.resolve(star);
        for (SequenceSet.Range r : set.ranges()) {
            long a = r.first() == SequenceSet.STAR ? star : r.first();
            long b = r.last() == SequenceSet.STAR ? star : r.last();
            assertThat(resolved.contains(Math.min(a, b))).isTrue();
            assertThat(resolved.contains(Math.max(a, b))).isTrue();
        }
    }

    @Provide
    Arbitrary<SequenceSet> sets() {
        Arbitrary<Long> number = Arbitraries.oneOf(Arbitraries.longs().between(1, 100),
                Arbitraries.longs().between(1, SequenceSet.MAX_NUMBER), Arbitraries.just(SequenceSet.STAR));
        Arbitrary<SequenceSet.Range> range = Combinators.combine(number, number, Arbitraries.of(true, false))
                .as((a, b, single) -> single ? new SequenceSet.Range(a, a) : new SequenceSet.Range(a, b));
        return range.list().ofMinSize(1).ofMaxSize(8).map(l -> new SequenceSet(new ArrayList<>(l), false));
    }

    @Test
    void rangesKeepTheirWrittenOrder() {
        assertThat(SequenceSet.parse("9:3").ranges()).isEqualTo(List.of(new SequenceSet.Range(9, 3)));
    }
}
