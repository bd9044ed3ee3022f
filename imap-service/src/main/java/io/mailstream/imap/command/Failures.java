package io.mailstream.imap.command;

import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.MailboxSync;
import io.mailstream.imap.server.Output;
import io.mailstream.store.api.StoreException;
import org.jboss.logging.Logger;

/** Maps a failed command to its tagged response: store error codes to RFC 5530 codes. */
public final class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class);

    private Failures() {
    }

    /** Whether the failure ends the connection instead of the command. */
    public static boolean fatal(Throwable t) {
        return t instanceof Output.StreamBrokenException || t instanceof MailboxSync.MailboxGoneException;
    }

    public static ImapResponse.Tagged toTagged(String tag, String command, Throwable t) {
        if (t instanceof StoreException se) {
            return switch (se.code()) {
                case NONEXISTENT -> ImapResponse.Tagged.no(tag, ResponseCode.NONEXISTENT, text(se, "No such mailbox"));
                case ALREADYEXISTS -> ImapResponse.Tagged.no(tag, ResponseCode.ALREADYEXISTS,
                        text(se, "Mailbox already exists"));
                case OVERQUOTA -> ImapResponse.Tagged.no(tag, ResponseCode.OVERQUOTA, text(se, "Quota exceeded"));
                case TOOBIG -> ImapResponse.Tagged.no(tag, ResponseCode.TOOBIG, text(se, "Message too big"));
                case LIMIT -> ImapResponse.Tagged.no(tag, ResponseCode.LIMIT, text(se, "Limit reached"));
                case UNAVAILABLE -> ImapResponse.Tagged.no(tag, ResponseCode.UNAVAILABLE,
                        "Mail store temporarily unavailable, try again later");
                case CANNOT -> ImapResponse.Tagged.no(tag, ResponseCode.CANNOT, text(se, "Operation not possible"));
                case AUTHENTICATIONFAILED -> ImapResponse.Tagged.no(tag, ResponseCode.AUTHENTICATIONFAILED,
                        "Authentication failed");
                case INUSE -> ImapResponse.Tagged.no(tag, ResponseCode.INUSE, text(se, "Mailbox in use"));
                case BADREQUEST -> ImapResponse.Tagged.bad(tag, text(se, "Invalid arguments"));
                // RFC 3516 4.3
                case UNKNOWNCTE -> ImapResponse.Tagged.no(tag, ResponseCode.UNKNOWN_CTE,
                        text(se, "Unknown Content-Transfer-Encoding"));
                case UNAUTHORIZED -> {
                    LOG.error("the store refused this service's secret (check mailstream.store.secret)");
                    yield ImapResponse.Tagged.no(tag, ResponseCode.UNAVAILABLE,
                            "Mail store temporarily unavailable, try again later");
                }
                case SERVERBUG -> ImapResponse.Tagged.no(tag, ResponseCode.SERVERBUG, "Internal error in the mail store");
                default -> ImapResponse.Tagged.no(tag, ResponseCode.SERVERBUG, text(se, "Mail store error"));
            };
        }
        if (t instanceof IllegalArgumentException) {
            return ImapResponse.Tagged.bad(tag, t.getMessage() == null ? "Invalid arguments" : clean(t.getMessage()));
        }
        LOG.errorf(t, "%s failed", command);
        return ImapResponse.Tagged.no(tag, ResponseCode.SERVERBUG, "Internal error, the failure was logged");
    }

    private static String text(StoreException se, String fallback) {
        String m = se.getMessage();
        return m == null || m.isBlank() ? fallback : clean(capitalize(m));
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** resp-text is TEXT-CHAR only (RFC 9051 9): no CR, LF, NUL. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        for (int i = 0; i < s.length() && b.length() < 200; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return b.toString();
    }
}
