package io.mailstream.imap.session;

import io.mailstream.imap.ImapSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The CAPABILITY list (RFC 9051 7.2.2): only what this server really implements. Before
 * authentication it depends on TLS: LOGINDISABLED and no AUTH= mechanisms on a cleartext
 * connection (RFC 9051 6.2.3, RFC 8314) unless plaintext authentication is allowed.
 */
public final class Capabilities {
    private static final List<String> COMMON = List.of("IMAP4rev1", "IMAP4rev2");
    private static final List<String> EXTENSIONS = List.of("SASL-IR", "ENABLE", "IDLE", "NAMESPACE",
            "UIDPLUS", "MOVE", "UNSELECT", "CHILDREN", "SPECIAL-USE", "LIST-EXTENDED", "LIST-STATUS", "ESEARCH",
            "SEARCHRES", "ID", "CONDSTORE", "QRESYNC");
    /** RFC 4978 COMPRESS=DEFLATE. */
    private static final List<String> COMPRESS = List.of("COMPRESS=DEFLATE");
    /** RFC 5465 NOTIFY. */
    private static final List<String> NOTIFY = List.of("NOTIFY");
    /** RFC 9208, RFC 3502, RFC 6855, RFC 6154 3 (APPENDLIMIT=n, RFC 7889, is added with its value). */
    private static final List<String> SMALL_EXTENSIONS = List.of("QUOTA", "QUOTA=RES-STORAGE", "QUOTA=RES-MESSAGE",
            "MULTIAPPEND", "UTF8=ACCEPT", "CREATE-SPECIAL-USE");

    /** RFC 5256 SORT and THREAD, RFC 5957 SORT=DISPLAY, RFC 5267 ESORT, RFC 8474 OBJECTID. */
    private static final List<String> SORT_AND_IDS = List.of("SORT", "SORT=DISPLAY", "ESORT",
            "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES", "OBJECTID");

    private final ImapSettings settings;

    public Capabilities(ImapSettings settings) {
        this.settings = settings;
    }

    /** Whether LOGIN and AUTHENTICATE PLAIN may be used on this connection now. */
    public boolean plaintextAuthAllowed(ImapSession session) {
        return session.tls() || settings.allowPlaintextAuth()
                || (session.loopback() && settings.allowPlaintextAuthOnLoopback());
    }

    /** Whether STARTTLS is offered: a certificate is configured and TLS is not yet on. */
    public boolean startTlsOffered(ImapSession session) {
        return settings.tlsConfigured() && !session.tls();
    }

    public List<String> list(ImapSession session) {
        List<String> caps = new ArrayList<>(COMMON);
        // RFC 7888: LITERAL+ and LITERAL- are never advertised together.
        caps.add(settings.literalMinus() ? "LITERAL-" : "LITERAL+");
        caps.addAll(EXTENSIONS);
        caps.addAll(COMPRESS);
        caps.addAll(NOTIFY);
        for (String cap : SMALL_EXTENSIONS) {
            if (settings.utf8Accept() || !cap.equals("UTF8=ACCEPT")) {
                caps.add(cap);
            }
        }
        caps.add("APPENDLIMIT=" + settings.effectiveAppendLimit());
        caps.addAll(SORT_AND_IDS);
        if (session.state() instanceof SessionState.NotAuthenticated) {
            if (startTlsOffered(session)) {
                caps.add("STARTTLS");
            }
            if (plaintextAuthAllowed(session)) {
                caps.add("AUTH=PLAIN");
            } else {
                caps.add("LOGINDISABLED");
            }
        }
        return caps;
    }
}
