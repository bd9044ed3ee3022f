package io.mailstream.imap.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * RFC 8474 4 MAILBOXID from the store's mailbox id, which is kept across RENAME and never reused
 * (4: same id for the same name and UIDVALIDITY). Prefixed with a letter (8.1: ids starting
 * with a digit are best avoided); an id outside the objectid syntax (7) is hashed instead.
 */
public final class MailboxObjectIds {
    private MailboxObjectIds() {
    }

    public static String of(String mailboxId) {
        if (mailboxId != null && mailboxId.length() < 255 && mailboxId.matches("[A-Za-z0-9_-]+")) {
            return "F" + mailboxId;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(mailboxId).getBytes(StandardCharsets.UTF_8));
            return "F" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
