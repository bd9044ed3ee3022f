package io.mailstream.store.mime;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.datetime.DateTime;
import org.apache.james.mime4j.field.datetime.parser.DateTimeParser;

/**
 * The Date: field for SENTBEFORE / SENTON / SENTSINCE (RFC 9051 6.4.4: the date "disregarding
 * time and timezone", i.e. the day as written). mime4j's RFC 5322 {@link DateTimeParser} first;
 * if it rejects the text, a lenient scan for "day month year [hh:mm[:ss]] [zone]" (missing
 * weekday, missing seconds, glued zone, two-digit years per RFC 5322 4.3).
 */
record SentDate(LocalDate date, Instant instant) {

    private static final Pattern LENIENT = Pattern.compile(
            "(\\d{1,2})[\\s-]+([A-Za-z]{3})[A-Za-z]*\\.?[\\s-]+(\\d{2,4})"
                    + "(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([+-]\\d{4}|[A-Za-z]{1,5})?)?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    /** RFC 5322 4.3 obs-zone names; other (military) letters are treated as -0000 (unknown). */
    private static final Map<String, Integer> ZONES = Map.of(
            "ut", 0, "gmt", 0, "utc", 0, "z", 0, "edt", -400, "est", -500, "cdt", -500,
            "cst", -600, "mdt", -600, "mst", -700);

    static SentDate parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            DateTime dt = new DateTimeParser(new StringReader(value.strip())).parseAll();
            return of(dt.getYear(), dt.getMonth(), dt.getDay(), dt.getHour(), dt.getMinute(),
                    dt.getSecond(), dt.getTimeZone());
        } catch (Exception | Error e) {
            // mime4j's parser is strict (JavaCC); fall through to the lenient scan
        }
        Matcher m = LENIENT.matcher(value);
        if (!m.find()) {
            return null;
        }
        Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (month == null) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(4) == null) {
            return of(year, month, Integer.parseInt(m.group(1)), -1, 0, 0, 0);
        }
        int zone = 0;
        String z = m.group(7);
        if (z != null && (z.startsWith("+") || z.startsWith("-"))) {
            zone = Integer.parseInt(z.substring(1)) * (z.startsWith("-") ? -1 : 1);
        } else if (z != null) {
            zone = ZONES.getOrDefault(z.toLowerCase(Locale.ROOT), 0);
        }
        return of(year, month, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), zone);
    }

    /** {@code hour < 0}: no time given. {@code zone} is +-hhmm as an int (e.g. -500). */
    private static SentDate of(int year, int month, int day, int hour, int minute, int second, int zone) {
        if (year < 50) {
            year += 2000; // RFC 5322 4.3: two-digit years 00-49 are 2000-2049
        } else if (year < 1000) {
            year += 1900;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
        Instant instant = null;
        if (hour >= 0) {
            try {
                ZoneOffset offset = ZoneOffset.ofHoursMinutes(zone / 100, zone % 100);
                instant = LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second))
                        .toInstant(offset);
            } catch (DateTimeException e) {
                instant = null; // e.g. hour 27: keep the day, drop the instant
            }
        }
        return new SentDate(date, instant);
    }
}
