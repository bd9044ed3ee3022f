package io.mailstream.store.testkit;

import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.mime.MessageAnalysis;
import io.mailstream.store.mime.MessageAnalyzer;
import io.mailstream.store.mime.PartIndex;
import io.mailstream.store.mime.Sections;
import io.mailstream.store.mime.sort.ObjectIds;
import io.mailstream.store.mime.sort.SortFields;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A message of the in-memory store, analysed with the same MIME code as the real store. */
final class TestMessage {
    final long uid;
    long modSeq;
    final byte[] raw;
    Set<String> flags;
    final Instant internalDate;
    /** The zone the internal date was given in (RFC 9051 2.3.3); null: +0000. */
    java.time.ZoneOffset internalDateOffset;
    final MessageAnalysis analysis;
    final SortFields sort;
    final String emailId;
    final String threadId;

    TestMessage(long uid, long modSeq, byte[] raw, Set<String> flags, Instant internalDate) {
        this.uid = uid;
        this.modSeq = modSeq;
        this.raw = raw;
        this.flags = new LinkedHashSet<>(flags);
        this.internalDate = internalDate;
        this.analysis = MessageAnalyzer.analyze(raw);
        this.sort = SortFields.of(analysis);
        String sha = ObjectIds.sha256(raw);
        this.emailId = ObjectIds.emailId(sha);
        this.threadId = ObjectIds.threadId(sort, sha);
    }

    /** RFC 5256 2.2 sent date, the internal date when the Date: field has none. */
    long sentAt() {
        return (sort.sentAt() != null ? sort.sentAt() : internalDate).toEpochMilli();
    }

    MessageFlags flagsView() {
        return new MessageFlags(uid, Set.copyOf(flags), modSeq);
    }

    MessageMeta meta(boolean envelope, boolean structure) {
        return new MessageMeta(uid, modSeq, Set.copyOf(flags), internalDate, raw.length,
                envelope ? analysis.envelope() : null, structure ? analysis.bodyStructure() : null,
                emailId, threadId, internalDateOffset);
    }

    byte[] section(SectionSpec spec, boolean binary) {
        if (!binary) {
            return Sections.extract(raw, analysis.parts(), spec);
        }
        PartIndex part = Sections.find(analysis.parts(), spec.part());
        if (part == null) {
            return new byte[0];
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, (int) part.bodyStart(), (int) part.bodyEnd());
        return Sections.decodeBinary(body, part.transferEncoding());
    }
}
