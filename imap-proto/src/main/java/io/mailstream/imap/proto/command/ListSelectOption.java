package io.mailstream.imap.proto.command;

/** LIST selection options of RFC 5258 3.1 and RFC 6154 (SPECIAL-USE). */
public enum ListSelectOption {
    SUBSCRIBED,
    REMOTE,
    RECURSIVEMATCH,
    SPECIAL_USE;

    /** The wire atom ({@code SPECIAL-USE} with a hyphen). */
    public String atom() {
        return name().replace('_', '-');
    }
}
