package io.mailstream.store.api;

import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.Envelope;
import java.time.Instant;
import java.util.Set;

/**
 * Everything FETCH can answer without the message bytes. {@code envelope} and
 * {@code bodyStructure} are null unless requested.
 *
 * @param emailId  RFC 8474 EMAILID: stable across COPY/MOVE of the same bytes
 * @param threadId RFC 8474 THREADID
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
        String threadId) {
}
