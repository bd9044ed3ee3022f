package io.mailstream.store.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * RFC 4616 SASL PLAIN: {@code [authzid] NUL authcid NUL passwd}, for front-ends that receive
 * AUTHENTICATE PLAIN / AUTH PLAIN and then call {@code MailStore.authenticate(authcid, passwd)}.
 */
public record SaslPlain(String authzid, String authcid, String password) {

    /** Parses the base64 initial response; null when it is malformed (answer: authentication failed). */
    public static SaslPlain parseBase64(String base64) {
        try {
            return parse(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Parses the decoded message; null when it does not have exactly three NUL-separated fields. */
    public static SaslPlain parse(byte[] message) {
        int first = indexOf(message, 0);
        int second = first < 0 ? -1 : indexOf(message, first + 1);
        if (first < 0 || second < 0 || indexOf(message, second + 1) >= 0) {
            return null;
        }
        String authz = new String(message, 0, first, StandardCharsets.UTF_8);
        String authc = new String(message, first + 1, second - first - 1, StandardCharsets.UTF_8);
        String pass = new String(message, second + 1, message.length - second - 1, StandardCharsets.UTF_8);
        if (authc.isEmpty() || pass.isEmpty()) {
            return null;
        }
        return new SaslPlain(authz, authc, pass);
    }

    /** RFC 4616 2: an authorization identity other than the user itself is not supported here. */
    public boolean impersonates() {
        return !authzid.isEmpty() && !authzid.equalsIgnoreCase(authcid);
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
