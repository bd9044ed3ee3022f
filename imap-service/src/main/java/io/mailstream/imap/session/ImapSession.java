package io.mailstream.imap.session;

import io.mailstream.imap.proto.encode.EncoderContext;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.UserRef;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What one connection knows about its client: the RFC 9051 state, TLS, and the extensions the
 * client ENABLEd (RFC 5161). Touched only on the connection's event loop.
 */
public final class ImapSession {
    /** ENABLE name of IMAP4rev2 (RFC 9051 6.3.1), upper-cased as the parser gives it. */
    public static final String REV2 = "IMAP4REV2";
    /** ENABLE name of RFC 6855 UTF-8 support, upper-cased. */
    public static final String UTF8_ACCEPT = "UTF8=ACCEPT";
    /** RFC 7162 3.1: set by ENABLE CONDSTORE or any CONDSTORE enabling command. */
    public static final String CONDSTORE = "CONDSTORE";
    /** RFC 7162 3.2.3: set only by ENABLE QRESYNC (which implies CONDSTORE). */
    public static final String QRESYNC = "QRESYNC";

    private final String id;
    private final String remoteAddress;
    private final boolean loopback;
    private final boolean implicitTls;
    private boolean tls;
    private SessionState state = new SessionState.NotAuthenticated(0);
    private final Set<String> enabled = new LinkedHashSet<>();
    private UserRef loggedIn;
    private boolean compressed;
    private io.mailstream.imap.notify.NotifySession notify;

    public ImapSession(String id, String remoteAddress, boolean loopback, boolean implicitTls) {
        this.id = id;
        this.remoteAddress = remoteAddress;
        this.loopback = loopback;
        this.implicitTls = implicitTls;
        this.tls = implicitTls;
    }

    public String id() {
        return id;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public boolean loopback() {
        return loopback;
    }

    public boolean implicitTls() {
        return implicitTls;
    }

    public boolean tls() {
        return tls;
    }

    public void tlsStarted() {
        this.tls = true;
    }

    public SessionState state() {
        return state;
    }

    public void state(SessionState next) {
        this.state = next;
    }

    /** The user this connection authenticated as (kept through LOGOUT, for the per-user cap). */
    public UserRef loggedIn() {
        return loggedIn;
    }

    public void loggedIn(UserRef user) {
        this.loggedIn = user;
    }

    /** The authenticated user, or null before authentication. */
    public UserRef user() {
        if (state instanceof SessionState.Authenticated a) {
            return a.user();
        }
        if (state instanceof SessionState.Selected s) {
            return s.user();
        }
        return null;
    }

    /** The selected mailbox, or null outside the selected state. */
    public SelectedMailbox selected() {
        return state instanceof SessionState.Selected s ? s.mailbox() : null;
    }

    /** Marks an extension enabled; true if it was not before. */
    public boolean enable(String capability) {
        return enabled.add(capability.toUpperCase(Locale.ROOT));
    }

    public boolean enabled(String capability) {
        return enabled.contains(capability.toUpperCase(Locale.ROOT));
    }

    /** RFC 9051 appendix E: rev2 behaviour only after ENABLE IMAP4rev2; rev1 otherwise. */
    public boolean rev2() {
        return enabled.contains(REV2);
    }

    public boolean rev1() {
        return !rev2();
    }

    /** RFC 6855 3: UTF-8 in quoted strings and mailbox names, after ENABLE UTF8=ACCEPT. */
    public boolean utf8Accept() {
        return enabled.contains(UTF8_ACCEPT);
    }

    /** Mailbox names are UTF-8 on the wire (IMAP4rev2 or UTF8=ACCEPT) instead of modified UTF-7. */
    public boolean utf8Names() {
        return rev2() || utf8Accept();
    }

    /** RFC 7162 3.1: a CONDSTORE-aware client gets MODSEQ in every untagged FETCH. */
    public boolean condstore() {
        return enabled.contains(CONDSTORE);
    }

    /** RFC 7162 3.2.10: VANISHED instead of EXPUNGE for the rest of the connection. */
    public boolean qresync() {
        return enabled.contains(QRESYNC);
    }

    public EncoderContext encoderContext() {
        if (utf8Accept()) {
            return new EncoderContext(rev2(), true);
        }
        return rev2() ? EncoderContext.REV2 : EncoderContext.REV1;
    }

    /** RFC 4978: COMPRESS DEFLATE is active on this connection (it cannot be turned off). */
    public boolean compressed() {
        return compressed;
    }

    public void compressionStarted() {
        this.compressed = true;
    }

    /** The RFC 5465 NOTIFY state of this connection, or null before the first NOTIFY SET. */
    public io.mailstream.imap.notify.NotifySession notifySession() {
        return notify;
    }

    public void notifySession(io.mailstream.imap.notify.NotifySession n) {
        this.notify = n;
    }
}
