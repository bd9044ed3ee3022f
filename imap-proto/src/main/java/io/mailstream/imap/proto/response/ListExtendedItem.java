package io.mailstream.imap.proto.response;

import java.util.List;

/** An {@code mbox-list-extended-item} of a LIST response (RFC 5258, RFC 9051 7.3.1). */
public sealed interface ListExtendedItem {

    /** {@code CHILDINFO ("SUBSCRIBED")} for RECURSIVEMATCH (RFC 5258 3.5). */
    record ChildInfo(List<String> selectOptions) implements ListExtendedItem {
        public ChildInfo {
            selectOptions = List.copyOf(selectOptions);
        }
    }

    /** {@code OLDNAME (name)} after RENAME (RFC 9051 6.3.6 / 7.3.1). */
    record OldName(String name) implements ListExtendedItem {
    }
}
