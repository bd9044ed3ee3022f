package io.mailstream.imap.proto.types;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * RFC 9051 9 {@code date-time} ({@code "dd-Mon-yyyy hh:mm:ss +zzzz"}, day space-padded) and
 * {@code date} ({@code d-Mon-yyyy}, optionally quoted). Month names are case-insensitive.
 */
public final class ImapDateTime {
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private ImapDateTime() {
    }

    /**
     * Parses the content of a date-time (without the quotes).
     *
     * @throws IllegalArgumentException when malformed
     */
    public static OffsetDateTime parseDateTime(String s) {
        // date-day-fixed "-" date-month "-" date-year SP time SP zone = 26 chars.
        // Leniency: some clients send a one-digit day without the padding space.
        if (s.length() == 25 && s.charAt(1) == '-') {
            s = " " + s;
        }
        if (s.length() != 26 || s.charAt(2) != '-' || s.charAt(6) != '-' || s.charAt(11) != ' '
                || s.charAt(14) != ':' || s.charAt(17) != ':' || s.charAt(20) != ' ') {
            throw new IllegalArgumentException("bad date-time: " + s);
        }
        int day = s.charAt(0) == ' ' ? digits(s, 1, 2) : digits(s, 0, 2);
        int month = month(s.substring(3, 6));
        int year = digits(s, 7, 11);
        int hour = digits(s, 12, 14);
        int minute = digits(s, 15, 17);
        int second = digits(s, 18, 20);
        char sign = s.charAt(21);
        if (sign != '+' && sign != '-') {
            throw new IllegalArgumentException("bad zone: " + s);
        }
        int zh = digits(s, 22, 24);
        int zm = digits(s, 24, 26);
        if (zm > 59) {
            throw new IllegalArgumentException("bad zone: " + s);
        }
        try {
            int total = (zh * 3600 + zm * 60) * (sign == '-' ? -1 : 1);
            ZoneOffset zone = ZoneOffset.ofTotalSeconds(total);
            return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second), zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("bad date-time: " + s);
        }
    }

    /**
     * Parses date-text ({@code 1*2DIGIT "-" Mon "-" 4DIGIT}).
     *
     * @throws IllegalArgumentException when malformed
     */
    public static LocalDate parseDate(String s) {
        int d1 = s.indexOf('-');
        if (d1 < 1 || d1 > 2 || s.length() != d1 + 9 || s.charAt(d1 + 4) != '-') {
            throw new IllegalArgumentException("bad date: " + s);
        }
        int day = digits(s, 0, d1);
        int month = month(s.substring(d1 + 1, d1 + 4));
        int year = digits(s, d1 + 5, d1 + 9);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("bad date: " + s);
        }
    }

    /** Formats a date-time without the quotes, e.g. {@code " 7-Feb-1994 21:52:25 -0800"}. */
    public static String format(OffsetDateTime t) {
        StringBuilder sb = new StringBuilder(26);
        int day = t.getDayOfMonth();
        sb.append(day < 10 ? " " : "").append(day).append('-').append(MONTHS[t.getMonthValue() - 1])
                .append('-');
        pad(sb, t.getYear(), 4).append(' ');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2).append(' ');
        int off = t.getOffset().getTotalSeconds();
        sb.append(off < 0 ? '-' : '+');
        off = Math.abs(off) / 60;
        pad(sb, off / 60, 2);
        pad(sb, off % 60, 2);
        return sb.toString();
    }

    /** Formats an instant in UTC ({@code +0000}). */
    public static String format(Instant t) {
        return format(t.atOffset(ZoneOffset.UTC));
    }

    /** Formats a date ({@code 1-Feb-1994}). */
    public static String formatDate(LocalDate d) {
        StringBuilder sb = new StringBuilder(11);
        sb.append(d.getDayOfMonth()).append('-').append(MONTHS[d.getMonthValue() - 1]).append('-');
        return pad(sb, d.getYear(), 4).toString();
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    private static int month(String m) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equalsIgnoreCase(m)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("bad month: " + m);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("bad number in date: " + s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
