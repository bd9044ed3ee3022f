package io.mailstream.imap.proto.response;

import io.mailstream.store.api.UidSet;
import java.util.List;

/**
 * A response code ({@code resp-text-code}, RFC 9051 7.1 and 9; RFC 5530; RFC 4315 UIDPLUS;
 * RFC 7162 CONDSTORE/QRESYNC; RFC 4469/7888 TOOBIG; RFC 3516 UNKNOWN-CTE).
 */
public sealed interface ResponseCode {

    ResponseCode ALERT = new Simple("ALERT");
    ResponseCode PARSE = new Simple("PARSE");
    ResponseCode READ_ONLY = new Simple("READ-ONLY");
    ResponseCode READ_WRITE = new Simple("READ-WRITE");
    ResponseCode TRYCREATE = new Simple("TRYCREATE");
    ResponseCode UIDNOTSTICKY = new Simple("UIDNOTSTICKY");
    ResponseCode NOMODSEQ = new Simple("NOMODSEQ");
    ResponseCode CLOSED = new Simple("CLOSED");
    ResponseCode NONEXISTENT = new Simple("NONEXISTENT");
    ResponseCode ALREADYEXISTS = new Simple("ALREADYEXISTS");
    ResponseCode OVERQUOTA = new Simple("OVERQUOTA");
    ResponseCode TOOBIG = new Simple("TOOBIG");
    ResponseCode LIMIT = new Simple("LIMIT");
    ResponseCode UNAVAILABLE = new Simple("UNAVAILABLE");
    ResponseCode CANNOT = new Simple("CANNOT");
    ResponseCode AUTHENTICATIONFAILED = new Simple("AUTHENTICATIONFAILED");
    ResponseCode AUTHORIZATIONFAILED = new Simple("AUTHORIZATIONFAILED");
    ResponseCode EXPIRED = new Simple("EXPIRED");
    ResponseCode PRIVACYREQUIRED = new Simple("PRIVACYREQUIRED");
    ResponseCode SERVERBUG = new Simple("SERVERBUG");
    ResponseCode CLIENTBUG = new Simple("CLIENTBUG");
    ResponseCode INUSE = new Simple("INUSE");
    ResponseCode NOPERM = new Simple("NOPERM");
    ResponseCode EXPUNGEISSUED = new Simple("EXPUNGEISSUED");
    ResponseCode CORRUPTION = new Simple("CORRUPTION");
    ResponseCode CONTACTADMIN = new Simple("CONTACTADMIN");
    ResponseCode UNKNOWN_CTE = new Simple("UNKNOWN-CTE");
    ResponseCode HASCHILDREN = new Simple("HASCHILDREN");
    ResponseCode NOTSAVED = new Simple("NOTSAVED");
    /** RFC 6154 3: CREATE with a special-use attribute the server cannot give. */
    ResponseCode USEATTR = new Simple("USEATTR");

    /** The charsets SEARCH accepts, for {@code [BADCHARSET (UTF-8 US-ASCII)]}. */
    ResponseCode BADCHARSET_UTF8_ASCII = new BadCharset(List.of("UTF-8", "US-ASCII"));

    /** A code without arguments; {@code atom} is its upper-case name. */
    record Simple(String atom) implements ResponseCode {
    }

    /** {@code BADCHARSET [(charset ...)]}; empty list writes the bare code. */
    record BadCharset(List<String> charsets) implements ResponseCode {
        public BadCharset {
            charsets = List.copyOf(charsets);
        }
    }

    /** {@code CAPABILITY ...} inside a greeting or LOGIN OK. */
    record Capability(List<String> capabilities) implements ResponseCode {
        public Capability {
            capabilities = List.copyOf(capabilities);
        }
    }

    /** {@code PERMANENTFLAGS (...)}, possibly including {@code \*}. */
    record PermanentFlags(List<String> flags) implements ResponseCode {
        public PermanentFlags {
            flags = List.copyOf(flags);
        }
    }

    record UidNext(long uid) implements ResponseCode {
    }

    record UidValidity(long uidValidity) implements ResponseCode {
    }

    /** {@code UNSEEN n} (RFC 3501 7.1; rev1 SELECT only). */
    record Unseen(long msn) implements ResponseCode {
    }

    /** {@code APPENDUID uidvalidity uid-set} (RFC 4315 3). */
    record AppendUid(long uidValidity, UidSet uids) implements ResponseCode {
    }

    /**
     * {@code COPYUID uidvalidity source-set dest-set} (RFC 4315 3): the i-th source UID became
     * the i-th destination UID, so the order of both lists is kept on the wire.
     */
    record CopyUid(long uidValidity, List<Long> sourceUids, List<Long> destinationUids) implements ResponseCode {
        public CopyUid {
            sourceUids = List.copyOf(sourceUids);
            destinationUids = List.copyOf(destinationUids);
            if (sourceUids.size() != destinationUids.size()) {
                throw new IllegalArgumentException("COPYUID lists differ in size");
            }
        }
    }

    /** {@code HIGHESTMODSEQ n} (RFC 7162 3.1.2.1). */
    record HighestModSeq(long modSeq) implements ResponseCode {
    }

    /** {@code MODIFIED set} (RFC 7162 3.1.3): messages that failed UNCHANGEDSINCE. */
    record Modified(UidSet set) implements ResponseCode {
    }

    /** {@code MAILBOXID (objectid)} (RFC 8474 4.1, 4.2). */
    record MailboxId(String id) implements ResponseCode {
    }

    /** Any other code: {@code atom [SP text]}; text may be null. */
    record Other(String atom, String text) implements ResponseCode {
    }
}
