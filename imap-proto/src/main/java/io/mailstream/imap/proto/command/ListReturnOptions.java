package io.mailstream.imap.proto.command;

import java.util.List;

/**
 * LIST return options of RFC 5258 3.2, RFC 6154 (SPECIAL-USE) and RFC 5819 (STATUS).
 *
 * @param status the STATUS items requested, empty when STATUS was not requested
 */
public record ListReturnOptions(boolean subscribed, boolean children, boolean specialUse,
        List<StatusItem> status) {

    public static final ListReturnOptions NONE = new ListReturnOptions(false, false, false, List.of());

    public ListReturnOptions {
        status = List.copyOf(status);
    }
}
