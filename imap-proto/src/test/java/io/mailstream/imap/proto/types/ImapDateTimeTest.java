package io.mailstream.imap.proto.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImapDateTimeTest {

    @Test
    void parsesRfcExamples() {
        assertThat(ImapDateTime.parseDateTime("17-Jul-1996 02:44:25 -0700"))
                .isEqualTo(OffsetDateTime.of(1996, 7, 17, 2, 44, 25, 0, ZoneOffset.ofHours(-7)));
        assertThat(ImapDateTime.parseDateTime(" 7-Feb-1994 21:52:25 -0800"))
                .isEqualTo(OffsetDateTime.of(1994, 2, 7, 21, 52, 25, 0, ZoneOffset.ofHours(-8)));
        assertThat(ImapDateTime.parseDateTime("07-feb-1994 21:52:25 +0530"))
                .isEqualTo(OffsetDateTime.of(1994, 2, 7, 21, 52, 25, 0, ZoneOffset.ofHoursMinutes(5, 30)));
    }

    @Test
    void acceptsUnpaddedDay() {
        assertThat(ImapDateTime.parseDateTime("7-Feb-1994 21:52:25 -0800").getDayOfMonth()).isEqualTo(7);
    }

    @Test
    void formatsWithSpacePaddedDay() {
        assertThat(ImapDateTime.format(OffsetDateTime.of(1994, 2, 7, 21, 52, 25, 0, ZoneOffset.ofHours(-8))))
                .isEqualTo(" 7-Feb-1994 21:52:25 -0800");
        assertThat(ImapDateTime.format(Instant.parse("1996-07-17T09:44:25Z"))).isEqualTo("17-Jul-1996 09:44:25 +0000");
        assertThat(ImapDateTime.format(OffsetDateTime.of(2020, 12, 31, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(-3, -30))))
                .isEqualTo("31-Dec-2020 00:00:00 -0330");
    }

    @Test
    void dates() {
        assertThat(ImapDateTime.parseDate("1-Feb-1994")).isEqualTo(LocalDate.of(1994, 2, 1));
        assertThat(ImapDateTime.parseDate("12-feb-2006")).isEqualTo(LocalDate.of(2006, 2, 12));
        assertThat(ImapDateTime.formatDate(LocalDate.of(1994, 2, 1))).isEqualTo("1-Feb-1994");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "17-Jul-1996", "32-Jul-1996 02:44:25 -0700", "17-Jux-1996 02:44:25 -0700",
            "17-Jul-1996 24:44:25 -0700", "17-Jul-1996 02:60:25 -0700", "17-Jul-1996 02:44:25 0700",
            "17-Jul-1996 02:44:25 -0760", "17-Jul-96 02:44:25 -0700", "17-Jul-1996T02:44:25 -0700",
            "17-Jul-1996 02:44:25 -07:00", "29-Feb-2021 00:00:00 +0000", "17-Jul-1996 02:44:25 +2400"})
    void rejectsBadDateTimes(String s) {
        assertThatThrownBy(() -> ImapDateTime.parseDateTime(s)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-Feb-94", "001-Feb-1994", "1-Feb-1994 ", "1 Feb 1994", "0-Feb-1994", "1-Fe-1994"})
    void rejectsBadDates(String s) {
        assertThatThrownBy(() -> ImapDateTime.parseDate(s)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void roundTrip(@ForAll @LongRange(min = 0, max = 253402300799L) long epochSecond,
            @ForAll @IntRange(min = -18 * 60 + 1, max = 18 * 60 - 1) int offsetMinutes) {
        OffsetDateTime t = Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        if (t.getYear() > 9999 || t.getYear() < 0) {
            return;
        }
        assertThat(ImapDateTime.parseDateTime(ImapDateTime.format(t))).isEqualTo(t);
    }
}
