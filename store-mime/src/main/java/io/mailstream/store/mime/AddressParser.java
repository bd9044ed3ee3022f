package io.mailstream.store.mime;

import io.mailstream.store.api.mime.Address;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 5322 3.4 address lists (with the obsolete forms of 4.4) as ENVELOPE addresses
 * (RFC 9051 7.5.2). Written here rather than taken from mime4j because mime4j's
 * LenientAddressParser always decodes RFC 2047 encoded words in display names, and ENVELOPE
 * must carry the header text as is.
 *
 * <ul>
 *   <li>name: the phrase, quoted strings unquoted, words joined by one space; for a bare
 *       addr-spec the last comment stands in ({@code bbb@ddd.com (John X. Doe)}).</li>
 *   <li>adl: the obsolete source route of a route-addr ({@code @a,@b}), else null.</li>
 *   <li>mailbox: the local part as written (quoted local parts keep their quotes).</li>
 *   <li>host: the domain; an unqualified address gets {@code .MISSING-HOST-NAME.} (the c-client
 *       and Dovecot convention), never NIL, which would read as group syntax; {@code <>} gives
 *       empty mailbox and host.</li>
 *   <li>group: a start (NIL NIL name NIL), its members, an end (NIL NIL NIL NIL).</li>
 * </ul>
 */
final class AddressParser {

    static final String MISSING_HOST = ".MISSING-HOST-NAME.";
    /** Bound on addresses per header, so one hostile field cannot bloat the stored envelope. */
    static final int MAX_ADDRESSES = 5_000;

    private enum Kind { WORD, QUOTED, DOMAIN_LITERAL, SPECIAL }

    private record Token(Kind kind, String text) {
        boolean is(char c) {
            return kind == Kind.SPECIAL && text.charAt(0) == c;
        }
    }

    private final List<Token> tokens = new ArrayList<>();
    private final List<Address> out = new ArrayList<>();
    /** Comments are not tokens: each is kept with the number of tokens that precede it. */
    private final List<Integer> commentAt = new ArrayList<>();
    private final List<String> commentText = new ArrayList<>();
    private int i;

    private AddressParser() {
    }

    static List<Address> parse(String value) {
        AddressParser p = new AddressParser();
        p.tokenize(value);
        p.parseList();
        return List.copyOf(p.out);
    }

    private void parseList() {
        while (i < tokens.size() && out.size() < MAX_ADDRESSES) {
            if (tokens.get(i).is(',') || tokens.get(i).is(';') || tokens.get(i).is('>')) {
                i++;
                continue;
            }
            parseAddress(true);
        }
    }

    private void parseAddress(boolean groupAllowed) {
        int first = i;
        List<Token> words = new ArrayList<>();
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() != Kind.SPECIAL || t.is('.')) {
                words.add(t);
                i++;
            } else {
                break;
            }
        }
        Token next = i < tokens.size() ? tokens.get(i) : null;
        if (next != null && next.is(':') && groupAllowed) {
            i++;
            out.add(new Address(null, null, phrase(words), null));
            while (i < tokens.size() && !tokens.get(i).is(';') && out.size() < MAX_ADDRESSES) {
                if (tokens.get(i).is(',') || tokens.get(i).is('>') || tokens.get(i).is(':')) {
                    i++;
                    continue;
                }
                parseAddress(false);
            }
            if (i < tokens.size()) {
                i++; // ';'
            }
            out.add(new Address(null, null, null, null));
        } else if (next != null && next.is('<')) {
            i++;
            String name = words.isEmpty() ? null : phrase(words);
            parseAngle(name);
        } else if (next != null && next.is('@')) {
            i++;
            String domain = domain();
            String name = comment(first, i);
            out.add(new Address(name, null, localPart(words), domain.isEmpty() ? MISSING_HOST : domain));
        } else {
            if (!words.isEmpty()) {
                String name = comment(first, i);
                out.add(new Address(name, null, localPart(words), MISSING_HOST));
            } else if (next != null && !next.is(',') && !next.is(';')) {
                i++; // stray special: skip it
            }
        }
    }

    private void parseAngle(String name) {
        StringBuilder route = new StringBuilder();
        while (i < tokens.size() && tokens.get(i).is('@')) { // RFC 5322 4.4 obs-route
            i++;
            if (route.length() > 0) {
                route.append(',');
            }
            route.append('@').append(domain());
            while (i < tokens.size() && tokens.get(i).is(',')) {
                i++;
            }
            if (i < tokens.size() && tokens.get(i).is(':')) {
                i++;
                break;
            }
        }
        List<Token> local = new ArrayList<>();
        while (i < tokens.size() && (tokens.get(i).kind() != Kind.SPECIAL || tokens.get(i).is('.'))) {
            local.add(tokens.get(i++));
        }
        String domain = null;
        if (i < tokens.size() && tokens.get(i).is('@')) {
            i++;
            domain = domain();
        }
        while (i < tokens.size() && !tokens.get(i).is('>') && !tokens.get(i).is(',')) {
            i++; // junk inside the brackets
        }
        if (i < tokens.size() && tokens.get(i).is('>')) {
            i++;
        }
        String adl = route.length() == 0 ? null : route.toString();
        if (local.isEmpty() && domain == null) {
            out.add(new Address(name, adl, "", "")); // <> (e.g. a bounce's null sender)
            return;
        }
        String host = domain == null || domain.isEmpty() ? MISSING_HOST : domain;
        out.add(new Address(name, adl, localPart(local), host));
    }

    private String domain() {
        StringBuilder sb = new StringBuilder();
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.SPECIAL && !t.is('.')) {
                break;
            }
            sb.append(t.text());
            i++;
        }
        return sb.toString();
    }

    /** Local part as written: words and dots concatenated, quoted strings keep their quotes. */
    private static String localPart(List<Token> words) {
        StringBuilder sb = new StringBuilder();
        for (Token t : words) {
            sb.append(t.kind() == Kind.QUOTED ? quote(t.text()) : t.text());
        }
        return sb.toString();
    }

    /** Display name: words joined by one space, quoted strings unquoted, dots attached. */
    private static String phrase(List<Token> words) {
        StringBuilder sb = new StringBuilder();
        for (Token t : words) {
            if (sb.length() > 0 && !t.is('.')) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private void tokenize(String s) {
        int n = s.length();
        int p = 0;
        while (p < n) {
            char c = s.charAt(p);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                p++;
            } else if (c == '(') {
                StringBuilder sb = new StringBuilder();
                p = comment(s, p, sb);
                if (!sb.toString().isBlank()) {
                    commentAt.add(tokens.size());
                    commentText.add(sb.toString().strip());
                }
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                p++;
                while (p < n && s.charAt(p) != '"') {
                    if (s.charAt(p) == '\\' && p + 1 < n) {
                        p++;
                    }
                    sb.append(s.charAt(p++));
                }
                p++;
                tokens.add(new Token(Kind.QUOTED, sb.toString()));
            } else if (c == '[') {
                int end = s.indexOf(']', p);
                end = end < 0 ? n : end + 1;
                tokens.add(new Token(Kind.DOMAIN_LITERAL, s.substring(p, end)));
                p = end;
            } else if ("<>@,;:.".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SPECIAL, String.valueOf(c)));
                p++;
            } else {
                int start = p;
                while (p < n && "()<>@,;:.\"[] \t\r\n".indexOf(s.charAt(p)) < 0) {
                    p++;
                }
                if (p == start) {
                    p++; // a lone ']' or '\\'
                    continue;
                }
                tokens.add(new Token(Kind.WORD, s.substring(start, p)));
            }
        }
    }

    /** The last comment after the first token of an addr-spec and up to its end, or null. */
    private String comment(int firstToken, int endToken) {
        String found = null;
        for (int k = 0; k < commentAt.size(); k++) {
            int at = commentAt.get(k);
            if (at > firstToken && at <= endToken) {
                found = commentText.get(k);
            }
        }
        return found;
    }

    private static int comment(String s, int p, StringBuilder sb) {
        int depth = 0;
        int n = s.length();
        while (p < n) {
            char c = s.charAt(p);
            if (c == '\\' && p + 1 < n) {
                sb.append(s.charAt(p + 1));
                p += 2;
                continue;
            }
            if (c == '(') {
                if (depth++ > 0) {
                    sb.append(c);
                }
            } else if (c == ')') {
                if (--depth == 0) {
                    return p + 1;
                }
                sb.append(c);
            } else {
                sb.append(c);
            }
            p++;
        }
        return n;
    }
}
