package io.mailstream.imap.server;

import io.mailstream.imap.ImapSettings;
import io.mailstream.imap.proto.parse.ParseResult;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;

/** The response to a command the parser rejected (RFC 9051 7.1: BAD, or NO with a reason code). */
final class ParseErrors {
    private ParseErrors() {
    }

    /** Tagged when the parser got the tag, else untagged ({@code *} for the NO forms). */
    static ImapResponse response(ParseResult.Error e, ImapSettings settings) {
        String tag = e.tag() == null ? "*" : e.tag();
        return switch (e.kind()) {
            case BAD_CHARSET -> ImapResponse.Tagged.no(tag, ResponseCode.BADCHARSET_UTF8_ASCII, e.message());
            case APPEND_TOO_BIG -> ImapResponse.Tagged.no(tag, ResponseCode.TOOBIG,
                    "Too large for APPEND (APPENDLIMIT " + settings.effectiveAppendLimit()
                            + " octets per message, " + settings.maxAppendTotal() + " together)");
            case TOO_BIG -> e.tag() == null ? new ImapResponse.Condition(ImapResponse.Cond.BAD, ResponseCode.TOOBIG,
                    e.message()) : ImapResponse.Tagged.bad(tag, ResponseCode.TOOBIG, e.message());
            default -> e.tag() == null ? new ImapResponse.Condition(ImapResponse.Cond.BAD, null, e.message())
                    : ImapResponse.Tagged.bad(tag, e.message());
        };
    }
}
