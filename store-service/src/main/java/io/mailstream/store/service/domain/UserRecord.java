package io.mailstream.store.service.domain;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** A document of {@code users}: credentials, quota and usage. Limits of -1 mean unlimited. */
public record UserRecord(
        String id,
        String username,
        String passwordHash,
        long quotaBytes,
        long quotaMessages,
        long usedBytes,
        long usedMessages,
        Instant createdAt) {

    public static final String USERNAME = "username";
    public static final String PASSWORD_HASH = "passwordHash";
    public static final String QUOTA_BYTES = "quotaBytes";
    public static final String QUOTA_MESSAGES = "quotaMessages";
    public static final String USED_BYTES = "usedBytes";
    public static final String USED_MESSAGES = "usedMessages";
    public static final String CREATED_AT = "createdAt";
    /** Last uidValidity handed out to one of the user's mailboxes (strictly increasing). */
    public static final String UID_VALIDITY_SEQ = "uidValiditySeq";
    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String MAILDROP_OWNER = "maildrop.owner";
    public static final String MAILDROP_UNTIL = "maildrop.until";

    public static UserRecord from(Document d) {
        Date created = d.getDate(CREATED_AT);
        return new UserRecord(
                d.getString("_id"),
                d.getString(USERNAME),
                d.getString(PASSWORD_HASH),
                Docs.getLong(d, QUOTA_BYTES, -1),
                Docs.getLong(d, QUOTA_MESSAGES, -1),
                Docs.getLong(d, USED_BYTES, 0),
                Docs.getLong(d, USED_MESSAGES, 0),
                created == null ? null : created.toInstant());
    }
}
