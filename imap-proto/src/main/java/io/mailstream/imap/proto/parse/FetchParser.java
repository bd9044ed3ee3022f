package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.FetchItem;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.types.ModSeq;
import io.mailstream.imap.proto.types.SequenceSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * fetch = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
 * "(" fetch-att *(SP fetch-att) ")") [SP fetch-modifiers] (RFC 9051 6.4.5; RFC 7162 3.1.4.1
 * CHANGEDSINCE and 3.2.6 VANISHED).
 */
final class FetchParser {
    private FetchParser() {
    }

    static ImapCommand.Fetch fetch(String tag, boolean uid, Reader r) {
        r.sp();
        SequenceSet set = r.sequenceSet();
        r.sp();
        List<FetchItem> items = new ArrayList<>();
        if (r.peekIs('(')) {
            r.open();
            do {
                items.add(item(r));
            } while (r.trySp());
            r.close();
        } else {
            String name = name(r);
            switch (name) {
                // RFC 9051 6.4.5: the macros
                case "ALL" -> items.addAll(List.of(FetchItem.FLAGS, FetchItem.INTERNALDATE, FetchItem.RFC822_SIZE,
                        FetchItem.ENVELOPE));
                case "FAST" -> items.addAll(List.of(FetchItem.FLAGS, FetchItem.INTERNALDATE, FetchItem.RFC822_SIZE));
                case "FULL" -> items.addAll(List.of(FetchItem.FLAGS, FetchItem.INTERNALDATE, FetchItem.RFC822_SIZE,
                        FetchItem.ENVELOPE, FetchItem.BODY));
                default -> items.add(item(name, r));
            }
        }
        ModSeq changedSince = null;
        boolean vanished = false;
        if (r.trySp()) {
            r.open();
            do {
                String mod = r.keyword();
                if (mod.equals("CHANGEDSINCE") && changedSince == null) {
                    r.sp();
                    changedSince = new ModSeq(r.number64());
                    if (changedSince.value() == 0) {
                        // RFC 7162 7: chgsince-fetch-mod takes a mod-sequence-value (positive)
                        throw new SyntaxException("CHANGEDSINCE must be positive");
                    }
                } else if (mod.equals("VANISHED") && !vanished) {
                    vanished = true;
                } else {
                    throw new SyntaxException("unknown or repeated FETCH modifier " + CommandParser.shorten(mod));
                }
            } while (r.trySp());
            r.close();
            // RFC 7162 3.2.6: VANISHED only in UID FETCH, and only together with CHANGEDSINCE
            if (vanished && (!uid || changedSince == null)) {
                throw new SyntaxException("VANISHED requires UID FETCH and CHANGEDSINCE");
            }
        }
        return new ImapCommand.Fetch(tag, uid, set, items, changedSince, vanished);
    }

    /** The item name: letters, digits and dots, up to "[", SP, ")" or the end. */
    private static String name(Reader r) {
        String n = r.until(" [)<");
        if (n.isEmpty()) {
            throw new SyntaxException("missing FETCH item");
        }
        return n.toUpperCase(Locale.ROOT);
    }

    /** One fetch-att (also the RFC 5465 MessageNew list). */
    static FetchItem item(Reader r) {
        return item(name(r), r);
    }

    private static FetchItem item(String name, Reader r) {
        switch (name) {
            case "FLAGS":
                return FetchItem.FLAGS;
            case "INTERNALDATE":
                return FetchItem.INTERNALDATE;
            case "RFC822.SIZE":
                return FetchItem.RFC822_SIZE;
            case "ENVELOPE":
                return FetchItem.ENVELOPE;
            case "BODYSTRUCTURE":
                return FetchItem.BODYSTRUCTURE;
            case "UID":
                return FetchItem.UID;
            case "MODSEQ":
                return FetchItem.MODSEQ;
            case "EMAILID":
                return FetchItem.EMAILID;
            case "THREADID":
                return FetchItem.THREADID;
            case "RFC822":
                return FetchItem.RFC822;
            case "RFC822.HEADER":
                return FetchItem.RFC822_HEADER;
            case "RFC822.TEXT":
                return FetchItem.RFC822_TEXT;
            case "BODY":
                if (!r.peekIs('[')) {
                    return FetchItem.BODY;
                }
                return new FetchItem.BodySection(SectionParser.section(r), false, partial(r));
            case "BODY.PEEK":
                return new FetchItem.BodySection(SectionParser.section(r), true, partial(r));
            case "BINARY":
                return new FetchItem.Binary(SectionParser.binaryPart(r), false, partial(r));
            case "BINARY.PEEK":
                return new FetchItem.Binary(SectionParser.binaryPart(r), true, partial(r));
            case "BINARY.SIZE":
                return new FetchItem.BinarySize(SectionParser.binaryPart(r));
            default:
                throw new SyntaxException("unknown FETCH item " + CommandParser.shorten(name));
        }
    }

    /** partial = "&lt;" number64 "." nz-number64 "&gt;". */
    private static FetchItem.Partial partial(Reader r) {
        if (!r.peekIs('<')) {
            return null;
        }
        r.expect('<');
        long offset = r.number64();
        r.expect('.');
        long length = r.number64();
        if (length == 0) {
            throw new SyntaxException("partial length must not be zero");
        }
        r.expect('>');
        return new FetchItem.Partial(offset, length);
    }
}
