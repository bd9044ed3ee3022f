package io.mailstream.imap.proto.types;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Modified UTF-7 of RFC 3501 5.1.3: printable US-ASCII except "&" represents itself, "&" is
 * "&-", other characters are UTF-16 in modified BASE64 ("," instead of "/") between "&" and "-".
 */
public final class ModifiedUtf7 {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".toCharArray();
    private static final int[] VALUE = new int[128];

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUE[ALPHABET[i]] = i;
        }
    }

    private ModifiedUtf7() {
    }

    public static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int j = i;
                while (j < s.length() && (s.charAt(j) < 0x20 || s.charAt(j) > 0x7e)) {
                    j++;
                }
                out.append('&');
                base64(s.substring(i, j), out);
                out.append('-');
                i = j;
            }
        }
        return out.toString();
    }

    private static void base64(String run, StringBuilder out) {
        byte[] b = run.getBytes(StandardCharsets.UTF_16BE);
        int bits = 0;
        int nbits = 0;
        for (byte x : b) {
            bits = (bits << 8) | (x & 0xff);
            nbits += 8;
            while (nbits >= 6) {
                nbits -= 6;
                out.append(ALPHABET[(bits >> nbits) & 0x3f]);
            }
        }
        if (nbits > 0) {
            out.append(ALPHABET[(bits << (6 - nbits)) & 0x3f]);
        }
    }

    /**
     * Decodes modified UTF-7, strictly: RFC 3501 5.1.3 forbids encoding printable ASCII, so such
     * names, non-zero padding bits, unpaired surrogates and non-ASCII input are rejected.
     *
     * @throws IllegalArgumentException when {@code s} is not valid modified UTF-7
     */
    public static String decode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("mailbox name is not 7-bit modified UTF-7");
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = s.indexOf('-', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated modified UTF-7 shift");
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                decodeRun(s, i + 1, end, out);
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static void decodeRun(String s, int from, int to, StringBuilder out) {
        ByteBuffer bytes = ByteBuffer.allocate((to - from) * 6 / 8 + 1);
        int bits = 0;
        int nbits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int v = c < 128 ? VALUE[c] : -1;
            if (v < 0) {
                throw new IllegalArgumentException("bad modified BASE64 character");
            }
            bits = (bits << 6) | v;
            nbits += 6;
            if (nbits >= 8) {
                nbits -= 8;
                bytes.put((byte) (bits >> nbits));
            }
        }
        if (nbits >= 6 || (bits & ((1 << nbits) - 1)) != 0) {
            throw new IllegalArgumentException("bad modified BASE64 padding");
        }
        if (bytes.position() % 2 != 0 || bytes.position() == 0) {
            throw new IllegalArgumentException("modified BASE64 is not UTF-16");
        }
        bytes.flip();
        String run;
        try {
            CharBuffer chars = StandardCharsets.UTF_16BE.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            run = chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("modified BASE64 is not valid UTF-16");
        }
        for (int k = 0; k < run.length(); k++) {
            char c = run.charAt(k);
            if (c >= 0x20 && c <= 0x7e) {
                throw new IllegalArgumentException("printable ASCII must not be BASE64-encoded");
            }
            if (Character.isHighSurrogate(c)) {
                if (k + 1 >= run.length() || !Character.isLowSurrogate(run.charAt(k + 1))) {
                    throw new IllegalArgumentException("unpaired surrogate");
                }
                k++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate");
            }
        }
        out.append(run);
    }
}
