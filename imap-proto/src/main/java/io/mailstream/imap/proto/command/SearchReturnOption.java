package io.mailstream.imap.proto.command;

/** ESEARCH return options of RFC 4731 3.1 and SAVE of RFC 5182. */
public enum SearchReturnOption {
    MIN,
    MAX,
    ALL,
    COUNT,
    SAVE
}
