package io.mailstream.store.api;

import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.Envelope;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Everything FETCH can answer without the message bytes. {@code envelope} and
 * {@code bodyStructure} are null unless requested.
 *
 * @param emailId  RFC 8474 EMAILID: stable across COPY/MOVE of the same bytes
 * @param threadId RFC 8474 THREADID
 * @param internalDateOffset the zone of the internal date as it was given (RFC 9051 2.3.3: a
 *                 date-time with a zone); null when unknown (messages stored before it was
 *                 kept), which reads as +0000
 */
public record MessageMeta(
        long uid,
        long modSeq,
        Set<String> flags,
        Instant internalDate,
        long size,
        Envelope envelope,
        BodyStructure bodyStructure,
        String emailId,
        String threadId,
        ZoneOffset internalDateOffset) {

    /** Compatibility constructor (before the zone was kept): the zone reads as +0000. */
    public MessageMeta(long uid, long modSeq, Set<String> flags, Instant internalDate, long size, Envelope envelope,
            BodyStructure bodyStructure, String emailId, String threadId) {
        this(uid, modSeq, flags, internalDate, size, envelope, bodyStructure, emailId, threadId, null);
    }

    /** The internal date in its own zone (RFC 9051 2.3.3); +0000 when the zone is unknown; null if none. */
    @JsonIgnore
    public OffsetDateTime internalDateTime() {
        return internalDate == null ? null
                : internalDate.atOffset(internalDateOffset == null ? ZoneOffset.UTC : internalDateOffset);
    }
}
