package io.mailstream.lmtp.command;

import io.mailstream.lmtp.LmtpSettings;
import io.mailstream.lmtp.proto.LmtpCommand.Lhlo;
import io.mailstream.lmtp.proto.Replies;
import io.mailstream.lmtp.session.LmtpSession;
import io.mailstream.lmtp.session.SessionState;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * LHLO (RFC 2033 4.1, with the semantics of EHLO, RFC 5321 4.1.1.1): resets any transaction and
 * lists the extensions. RFC 2033 5 requires PIPELINING and ENHANCEDSTATUSCODES and recommends
 * 8BITMIME.
 */
public final class LhloHandler {
    private LhloHandler() {
    }

    public static Uni<Void> handle(Lhlo command, LmtpSession session) {
        LmtpSettings s = session.services().settings();
        session.state(new SessionState.Ready(command.clientName()));
        session.transport().reply(Replies.lhlo(s.hostname(), extensions(s, session.transport().secure())));
        return LmtpSession.DONE;
    }

    static List<String> extensions(LmtpSettings s, boolean secure) {
        List<String> ext = new ArrayList<>();
        ext.add("PIPELINING"); // RFC 2920
        ext.add("ENHANCEDSTATUSCODES"); // RFC 2034
        ext.add("8BITMIME"); // RFC 6152
        ext.add("SIZE " + s.maxMessageSize()); // RFC 1870 4: the fixed maximum
        ext.add("CHUNKING"); // RFC 3030 2
        ext.add("BINARYMIME"); // RFC 3030 3
        if (s.tlsConfigured() && !secure) {
            ext.add("STARTTLS"); // RFC 3207 4: not offered again once TLS is on
        }
        return ext;
    }
}
