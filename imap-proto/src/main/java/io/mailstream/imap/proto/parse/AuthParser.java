package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** LOGIN, AUTHENTICATE and ENABLE (RFC 9051 6.2.3, 6.2.2, 6.3.1; RFC 4959; RFC 5161). */
final class AuthParser {
    private AuthParser() {
    }

    /** login = "LOGIN" SP userid SP password. */
    static ImapCommand.Login login(String tag, Reader r) {
        r.sp();
        String user = r.astring();
        r.sp();
        String password = r.astring();
        return new ImapCommand.Login(tag, user, password);
    }

    /** authenticate = "AUTHENTICATE" SP auth-type [SP initial-resp]; initial-resp = base64 / "=". */
    static ImapCommand.Authenticate authenticate(String tag, Reader r) {
        r.sp();
        String mechanism = r.keyword();
        String initial = null;
        if (r.trySp()) {
            String resp = r.until(" ");
            if (resp.equals("=")) {
                initial = "";
            } else if (isBase64(resp)) {
                initial = resp;
            } else {
                throw new SyntaxException("invalid base64 initial response");
            }
        }
        return new ImapCommand.Authenticate(tag, mechanism, initial);
    }

    /** enable = "ENABLE" 1*(SP capability). */
    static ImapCommand.Enable enable(String tag, Reader r) {
        List<String> caps = new ArrayList<>();
        r.sp();
        caps.add(r.atom().toUpperCase(Locale.ROOT));
        while (r.trySp()) {
            caps.add(r.atom().toUpperCase(Locale.ROOT));
        }
        return new ImapCommand.Enable(tag, caps);
    }

    /** base64 = *(4base64-char) [base64-terminal] (RFC 9051 9). */
    static boolean isBase64(String s) {
        if (s.isEmpty() || s.length() % 4 != 0) {
            return false;
        }
        int pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
        for (int i = 0; i < s.length() - pad; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
