package io.mailstream.pop3.proto;

import io.mailstream.pop3.proto.ParseResult.Invalid;
import io.mailstream.pop3.proto.ParseResult.Parsed;
import java.util.ArrayList;
import java.util.Locale;

/**
 * Parses one command line (without its line terminator) into a {@link Pop3Command}. Pure: no
 * I/O, no state; the connection enforces the line length before calling it.
 *
 * <p>RFC 1939 3: a case-insensitive keyword of three or four characters, arguments separated by
 * a space, printable ASCII. RFC 2449 3: {@code keyword = 3*4VCHAR}. Runs of spaces and trailing
 * spaces are tolerated (clients in the wild send them); control characters are not.
 */
public final class Pop3Parser {
    /** Message numbers are decimal and at most this many digits before we call them absurd. */
    private static final int MAX_NUMBER_DIGITS = 9;

    private Pop3Parser() {
    }

    public static ParseResult parse(String line) {
        if (line.isEmpty() || line.isBlank()) {
            return new Invalid(null, "empty command");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return new Invalid(null, "control characters are not allowed in commands");
            }
        }
        int space = line.indexOf(' ');
        String word = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1);
        if (word.length() < 3 || word.length() > 4 || !isVisibleAscii(word)) {
            return new Invalid(null, "unknown command");
        }
        String keyword = word.toUpperCase(Locale.ROOT);
        return switch (keyword) {
            // RFC 1939 7: PASS has exactly one argument; spaces belong to the password.
            case "PASS" -> rest.isEmpty() ? new Invalid(keyword, "PASS needs a password")
                    : new Parsed(new Pop3Command.Pass(rest));
            case "USER" -> user(keyword, rest);
            case "AUTH" -> auth(keyword, args(rest));
            case "STLS" -> none(keyword, rest, new Pop3Command.Stls());
            case "CAPA" -> none(keyword, rest, new Pop3Command.Capa());
            case "STAT" -> none(keyword, rest, new Pop3Command.Stat());
            case "NOOP" -> none(keyword, rest, new Pop3Command.Noop());
            case "RSET" -> none(keyword, rest, new Pop3Command.Rset());
            case "QUIT" -> none(keyword, rest, new Pop3Command.Quit());
            case "LIST" -> optionalMsg(keyword, rest, Pop3Command.List::new);
            case "UIDL" -> optionalMsg(keyword, rest, Pop3Command.Uidl::new);
            case "RETR" -> requiredMsg(keyword, rest, Pop3Command.Retr::new);
            case "DELE" -> requiredMsg(keyword, rest, Pop3Command.Dele::new);
            case "TOP" -> top(keyword, args(rest));
            case "APOP" -> new Invalid(keyword, "APOP is not supported; use USER/PASS or AUTH PLAIN over TLS");
            default -> new Invalid(null, "unknown command");
        };
    }

    private static ParseResult user(String keyword, String rest) {
        String name = rest.strip();
        if (name.isEmpty()) {
            return new Invalid(keyword, "USER needs a name");
        }
        if (!isVisibleUtf8(name)) {
            return new Invalid(keyword, "invalid user name");
        }
        return new Parsed(new Pop3Command.User(name));
    }

    private static ParseResult auth(String keyword, java.util.List<String> args) {
        if (args.isEmpty()) {
            return new Parsed(new Pop3Command.Auth(null, null));
        }
        if (args.size() > 2) {
            return new Invalid(keyword, "AUTH takes a mechanism and an optional initial response");
        }
        String mechanism = args.get(0).toUpperCase(Locale.ROOT);
        if (!isVisibleAscii(mechanism)) {
            return new Invalid(keyword, "invalid mechanism name");
        }
        return new Parsed(new Pop3Command.Auth(mechanism, args.size() == 2 ? args.get(1) : null));
    }

    private static ParseResult top(String keyword, java.util.List<String> args) {
        if (args.size() != 2) {
            return new Invalid(keyword, "TOP needs a message number and a number of lines");
        }
        Integer msg = messageNumber(args.get(0));
        if (msg == null) {
            return new Invalid(keyword, "invalid message number");
        }
        String n = args.get(1);
        if (n.isEmpty() || !n.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Invalid(keyword, "invalid number of lines");
        }
        // More lines than any message has means "the whole message" (RFC 1939 7).
        long lines = n.length() > 18 ? Long.MAX_VALUE : Long.parseLong(n);
        return new Parsed(new Pop3Command.Top(msg, lines));
    }

    private static ParseResult none(String keyword, String rest, Pop3Command command) {
        return rest.isBlank() ? new Parsed(command) : new Invalid(keyword, keyword + " takes no arguments");
    }

    private static ParseResult optionalMsg(String keyword, String rest,
            java.util.function.Function<Integer, Pop3Command> make) {
        java.util.List<String> args = args(rest);
        if (args.isEmpty()) {
            return new Parsed(make.apply(null));
        }
        if (args.size() > 1) {
            return new Invalid(keyword, "too many arguments");
        }
        Integer msg = messageNumber(args.get(0));
        return msg == null ? new Invalid(keyword, "invalid message number") : new Parsed(make.apply(msg));
    }

    private static ParseResult requiredMsg(String keyword, String rest,
            java.util.function.IntFunction<Pop3Command> make) {
        java.util.List<String> args = args(rest);
        if (args.isEmpty()) {
            return new Invalid(keyword, keyword + " needs a message number");
        }
        if (args.size() > 1) {
            return new Invalid(keyword, "too many arguments");
        }
        Integer msg = messageNumber(args.get(0));
        return msg == null ? new Invalid(keyword, "invalid message number") : new Parsed(make.apply(msg));
    }

    /** RFC 1939 4: message numbers start at 1 and are decimal; anything else is invalid. */
    static Integer messageNumber(String s) {
        if (s.isEmpty() || s.length() > MAX_NUMBER_DIGITS || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int n = Integer.parseInt(s);
        return n >= 1 ? n : null;
    }

    private static java.util.List<String> args(String rest) {
        java.util.List<String> out = new ArrayList<>();
        for (String part : rest.split(" ")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    private static boolean isVisibleAscii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** Visible ASCII or any non-ASCII character (UTF-8 user names); no spaces or controls. */
    private static boolean isVisibleUtf8(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c != 0x7f);
    }
}
