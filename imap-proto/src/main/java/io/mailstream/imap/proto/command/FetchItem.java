package io.mailstream.imap.proto.command;

import io.mailstream.store.api.SectionSpec;
import java.util.List;

/**
 * A FETCH data item of RFC 9051 6.4.5 (plus MODSEQ of RFC 7162 and the RFC 3501 RFC822 items).
 * The macros ALL, FAST and FULL are expanded by the parser.
 */
public sealed interface FetchItem {

    FetchItem FLAGS = new Flags();
    FetchItem INTERNALDATE = new InternalDate();
    FetchItem RFC822_SIZE = new Rfc822Size();
    FetchItem ENVELOPE = new Envelope();
    FetchItem BODYSTRUCTURE = new BodyStructure();
    FetchItem BODY = new Body();
    FetchItem UID = new Uid();
    FetchItem MODSEQ = new ModSeq();
    FetchItem RFC822 = new Rfc822();
    FetchItem RFC822_HEADER = new Rfc822Header();
    FetchItem RFC822_TEXT = new Rfc822Text();
    FetchItem EMAILID = new EmailId();
    FetchItem THREADID = new ThreadId();

    /** {@code <offset.length>} of a partial fetch. */
    record Partial(long offset, long length) {
        public Partial {
            if (offset < 0 || length < 1) {
                throw new IllegalArgumentException("bad partial");
            }
        }
    }

    record Flags() implements FetchItem {
    }

    record InternalDate() implements FetchItem {
    }

    record Rfc822Size() implements FetchItem {
    }

    record Envelope() implements FetchItem {
    }

    record BodyStructure() implements FetchItem {
    }

    /** Non-extensible BODY (body structure without extension data). */
    record Body() implements FetchItem {
    }

    /** BODY[section]&lt;partial&gt; or BODY.PEEK[...]; {@code partial} null when absent. */
    record BodySection(SectionSpec section, boolean peek, Partial partial) implements FetchItem {
    }

    /** RFC 3516 / RFC 9051 BINARY[part]&lt;partial&gt; or BINARY.PEEK; part empty = whole. */
    record Binary(List<Integer> part, boolean peek, Partial partial) implements FetchItem {
        public Binary {
            part = List.copyOf(part);
        }
    }

    /** BINARY.SIZE[part]. */
    record BinarySize(List<Integer> part) implements FetchItem {
        public BinarySize {
            part = List.copyOf(part);
        }
    }

    record Uid() implements FetchItem {
    }

    /** RFC 7162 3.1.4 MODSEQ. */
    record ModSeq() implements FetchItem {
    }

    /** RFC 3501 RFC822 (= BODY[], sets \Seen). */
    record Rfc822() implements FetchItem {
    }

    /** RFC 3501 RFC822.HEADER (= BODY.PEEK[HEADER]). */
    record Rfc822Header() implements FetchItem {
    }

    /** RFC 3501 RFC822.TEXT (= BODY[TEXT], sets \Seen). */
    record Rfc822Text() implements FetchItem {
    }

    /** RFC 8474 5.3 EMAILID. */
    record EmailId() implements FetchItem {
    }

    /** RFC 8474 5.3 THREADID. */
    record ThreadId() implements FetchItem {
    }
}
