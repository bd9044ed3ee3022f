package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** id = "ID" SP id-params-list; id-params-list = "(" *(string SP nstring) ")" / nil (RFC 2971 4). */
final class IdParser {
    private IdParser() {
    }

    static ImapCommand.Id id(String tag, Reader r) {
        r.sp();
        if (r.tryKeyword("NIL")) {
            return new ImapCommand.Id(tag, null);
        }
        Map<String, String> params = new LinkedHashMap<>();
        r.open();
        // Leniency: "()" is accepted as no parameters.
        if (!r.peekIs(')')) {
            do {
                String key = r.string();
                r.sp();
                params.put(key, r.nstring());
            } while (r.trySp());
        }
        r.close();
        return new ImapCommand.Id(tag, Collections.unmodifiableMap(params));
    }
}
