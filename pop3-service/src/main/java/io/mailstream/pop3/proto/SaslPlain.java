package io.mailstream.pop3.proto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Decodes a SASL PLAIN client response (RFC 4616 2) sent base64-encoded (RFC 5034 4). */
public final class SaslPlain {
    /** RFC 4616 2: each of authzid, authcid and passwd is at most 255 octets. */
    private static final int MAX_FIELD = 255;

    /** The decoded message; {@code authzid} is empty when the client sent none. */
    public record Credentials(String authzid, String authcid, String password) {
        @Override
        public String toString() {
            return "Credentials[" + authcid + ", ***]";
        }
    }

    /** A response that cannot be accepted; {@code reason} is safe to send after -ERR. */
    public static final class InvalidResponse extends Exception {
        public InvalidResponse(String reason) {
            super(reason, null, false, false);
        }
    }

    private SaslPlain() {
    }

    public static Credentials decode(String base64) throws InvalidResponse {
        byte[] raw;
        // RFC 5034 4: "=" is the empty response; any other non-alphabet character is rejected.
        if (base64.equals("=")) {
            raw = new byte[0];
        } else {
            if (base64.length() % 4 != 0) {
                throw new InvalidResponse("invalid base64");
            }
            try {
                raw = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new InvalidResponse("invalid base64");
            }
        }
        int first = indexOf(raw, 0);
        int second = first < 0 ? -1 : indexOf(raw, first + 1);
        if (first < 0 || second < 0 || indexOf(raw, second + 1) >= 0) {
            throw new InvalidResponse("malformed PLAIN response");
        }
        String authzid = utf8(raw, 0, first);
        String authcid = utf8(raw, first + 1, second);
        String password = utf8(raw, second + 1, raw.length);
        if (authcid.isEmpty() || password.isEmpty()) {
            throw new InvalidResponse("malformed PLAIN response");
        }
        return new Credentials(authzid, authcid, password);
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String utf8(byte[] raw, int from, int to) throws InvalidResponse {
        if (to - from > MAX_FIELD) {
            throw new InvalidResponse("PLAIN field longer than 255 octets");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidResponse("PLAIN response is not UTF-8");
        }
    }
}
