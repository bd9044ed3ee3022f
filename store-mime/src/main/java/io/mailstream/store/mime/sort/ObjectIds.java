package io.mailstream.store.mime.sort;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * RFC 8474 object ids of messages, derived from content only, so they are the same wherever the
 * same bytes are stored (COPY, MOVE, a second APPEND) and never change. Syntax of RFC 8474 7
 * ({@code 1*255(ALPHA / DIGIT / "_" / "-")}), prefixed with a letter as 8.1 advises, with
 * different prefixes so that an EMAILID never equals a THREADID (5.2).
 */
public final class ObjectIds {
    private ObjectIds() {
    }

    /** RFC 8474 5.1 EMAILID from the SHA-256 (hex) of the stored bytes. */
    public static String emailId(String sha256Hex) {
        return "M" + sha256Hex.substring(0, 24);
    }

    /**
     * RFC 8474 5.2 THREADID: the thread root's Message-ID (the first reference, which RFC 5322
     * 3.6.4 makes the first message of the conversation, else the message's own Message-ID),
     * hashed; a message without any id is a thread of its own.
     */
    public static String threadId(SortFields f, String sha256Hex) {
        String root = f.references().isEmpty() ? f.messageId() : f.references().get(0);
        if (root == null) {
            return "T" + sha256Hex.substring(0, 24);
        }
        return "T" + sha256(root).substring(0, 24);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
