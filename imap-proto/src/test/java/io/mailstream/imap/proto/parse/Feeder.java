package io.mailstream.imap.proto.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Feeds raw octets to a fresh parser whole, byte by byte or split at given points. */
final class Feeder {
    private Feeder() {
    }

    /** Test notation: "\r\n" and "\0" written as escapes are already real characters in Java. */
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<ParseResult> whole(ParserLimits limits, byte[] in) {
        return run(new ImapParser(limits), List.of(in));
    }

    static List<ParseResult> whole(byte[] in) {
        return whole(ParserLimits.authenticated(), in);
    }

    static List<ParseResult> byteByByte(ParserLimits limits, byte[] in) {
        List<byte[]> pieces = new ArrayList<>();
        for (byte b : in) {
            pieces.add(new byte[] {b});
        }
        return run(new ImapParser(limits), pieces);
    }

    /** Splits at the given (sorted, distinct, in-range) offsets. */
    static List<ParseResult> split(ParserLimits limits, byte[] in, int[] cuts) {
        List<byte[]> pieces = new ArrayList<>();
        int prev = 0;
        for (int c : cuts) {
            pieces.add(Arrays.copyOfRange(in, prev, c));
            prev = c;
        }
        pieces.add(Arrays.copyOfRange(in, prev, in.length));
        return run(new ImapParser(limits), pieces);
    }

    static List<ParseResult> run(ImapParser p, List<byte[]> pieces) {
        List<ParseResult> out = new ArrayList<>();
        for (byte[] piece : pieces) {
            p.feed(piece);
            drain(p, out);
        }
        return out;
    }

    static void drain(ImapParser p, List<ParseResult> out) {
        while (true) {
            ParseResult r = p.next();
            if (r instanceof ParseResult.NeedMore) {
                return;
            }
            out.add(r);
        }
    }

    /** The results without the NeedLiteral notices. */
    static List<ParseResult> finals(List<ParseResult> all) {
        List<ParseResult> out = new ArrayList<>();
        for (ParseResult r : all) {
            if (!(r instanceof ParseResult.NeedLiteral)) {
                out.add(r);
            }
        }
        return out;
    }
}
