package io.mailstream.imap.proto.response;

import io.mailstream.store.api.SectionSpec;
import java.time.OffsetDateTime;
import java.util.List;

/** A {@code msg-att} of a FETCH response (RFC 9051 7.5.2, RFC 7162 MODSEQ, RFC 3501 RFC822*). */
public sealed interface FetchAttribute {

    record Flags(List<String> flags) implements FetchAttribute {
        public Flags {
            flags = List.copyOf(flags);
        }
    }

    record Uid(long uid) implements FetchAttribute {
    }

    record InternalDate(OffsetDateTime date) implements FetchAttribute {
    }

    record Rfc822Size(long size) implements FetchAttribute {
    }

    record Envelope(io.mailstream.store.api.mime.Envelope envelope) implements FetchAttribute {
    }

    /** BODYSTRUCTURE, with extension data. */
    record BodyStructure(io.mailstream.store.api.mime.BodyStructure body) implements FetchAttribute {
    }

    /** Non-extensible BODY (no extension data). */
    record Body(io.mailstream.store.api.mime.BodyStructure body) implements FetchAttribute {
    }

    /** {@code MODSEQ (n)} (RFC 7162 3.1.4.1). */
    record ModSeq(long modSeq) implements FetchAttribute {
    }

    /**
     * {@code BODY[section]<origin> data}: {@code origin} is the partial offset (null unless the
     * client asked for a partial fetch).
     */
    record BodySection(SectionSpec section, Long origin, NString data) implements FetchAttribute {
    }

    /** {@code BINARY[part]<origin> data} (RFC 9051 7.5.2); data may be literal8. */
    record Binary(List<Integer> part, Long origin, NString data) implements FetchAttribute {
        public Binary {
            part = List.copyOf(part);
        }
    }

    /** {@code BINARY.SIZE[part] n}. */
    record BinarySize(List<Integer> part, long size) implements FetchAttribute {
        public BinarySize {
            part = List.copyOf(part);
        }
    }

    /** RFC 3501 {@code RFC822 data}. */
    record Rfc822(NString data) implements FetchAttribute {
    }

    /** RFC 3501 {@code RFC822.HEADER data}. */
    record Rfc822Header(NString data) implements FetchAttribute {
    }

    /** RFC 3501 {@code RFC822.TEXT data}. */
    record Rfc822Text(NString data) implements FetchAttribute {
    }

    /** {@code EMAILID (objectid)} (RFC 8474 5.3). */
    record EmailId(String id) implements FetchAttribute {
    }

    /** {@code THREADID (objectid)} or {@code THREADID NIL} when {@code id} is null (RFC 8474 5.3). */
    record ThreadId(String id) implements FetchAttribute {
    }
}
