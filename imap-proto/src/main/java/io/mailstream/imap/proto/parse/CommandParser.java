package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import java.util.List;

/**
 * {@code command = tag SP (command-any / command-auth / command-nonauth / command-select) CRLF}
 * (RFC 9051 9), dispatching to one parser per command. States are not checked here: that is the
 * session's job (a command valid in no state is still a syntax error).
 */
final class CommandParser {
    private CommandParser() {
    }

    /**
     * Parses a framed command. With {@code partial}, the last chunk is a line ending in a literal
     * marker whose octets have not arrived: returns NEED_MORE when everything so far is valid.
     */
    static ParseResult parse(List<Chunk> chunks, int maxDepth, boolean utf8, boolean partial) {
        Reader r = new Reader(chunks, maxDepth, utf8);
        String tag = null;
        try {
            tag = r.tag();
            if (r.atEnd()) {
                throw new SyntaxException("missing command");
            }
            r.sp();
            String name = r.keyword();
            ImapCommand c = command(tag, name, r);
            r.end();
            return new ParseResult.Request(c);
        } catch (SyntaxException e) {
            if (e == SyntaxException.INCOMPLETE) {
                return partial ? ParseResult.NEED_MORE : new ParseResult.Error(tag, "incomplete command");
            }
            return new ParseResult.Error(tag, e.getMessage(), e.kind());
        } catch (RuntimeException e) {
            // a value the grammar let through but a record refused: still just a bad command
            return new ParseResult.Error(tag, "invalid command");
        }
    }

    private static ImapCommand command(String tag, String name, Reader r) {
        switch (name) {
            case "CAPABILITY":
                return new ImapCommand.Capability(tag);
            case "NOOP":
                return new ImapCommand.Noop(tag);
            case "LOGOUT":
                return new ImapCommand.Logout(tag);
            case "STARTTLS":
                return new ImapCommand.StartTls(tag);
            case "NAMESPACE":
                return new ImapCommand.Namespace(tag);
            case "IDLE":
                return new ImapCommand.Idle(tag);
            case "CHECK":
                return new ImapCommand.Check(tag);
            case "CLOSE":
                return new ImapCommand.Close(tag);
            case "UNSELECT":
                return new ImapCommand.Unselect(tag);
            case "EXPUNGE":
                return new ImapCommand.Expunge(tag);
            case "LOGIN":
                return AuthParser.login(tag, r);
            case "AUTHENTICATE":
                return AuthParser.authenticate(tag, r);
            case "ENABLE":
                return AuthParser.enable(tag, r);
            case "ID":
                return IdParser.id(tag, r);
            case "SELECT":
            case "EXAMINE":
                return SelectParser.select(tag, name.equals("EXAMINE"), r);
            case "CREATE":
            case "DELETE":
            case "RENAME":
            case "SUBSCRIBE":
            case "UNSUBSCRIBE":
                return MailboxParser.parse(tag, name, r);
            case "STATUS":
                return StatusParser.status(tag, r);
            case "LIST":
                return ListParser.list(tag, r);
            case "LSUB":
                return ListParser.lsub(tag, r);
            case "APPEND":
                return AppendParser.append(tag, r);
            case "SEARCH":
                return SearchParser.search(tag, false, r);
            case "SORT":
                return SortParser.sort(tag, false, r);
            case "THREAD":
                return SortParser.thread(tag, false, r);
            case "FETCH":
                return FetchParser.fetch(tag, false, r);
            case "STORE":
                return StoreParser.store(tag, false, r);
            case "COPY":
            case "MOVE":
                return CopyParser.copyOrMove(tag, false, name.equals("MOVE"), r);
            case "UID":
                return uid(tag, r);
            case "NOTIFY":
                return NotifyParser.notify(tag, r);
            case "COMPRESS":
                // RFC 4978 3: "COMPRESS" SP algorithm; algorithm = "DEFLATE" (checked by the handler)
                r.sp();
                return new ImapCommand.Compress(tag, r.keyword());
            case "GETQUOTA":
            case "GETQUOTAROOT":
            case "SETQUOTA":
                return QuotaParser.parse(tag, name, r);
            default:
                throw new SyntaxException("unknown command " + shorten(name));
        }
    }

    /** uid = "UID" SP (copy / move / fetch / search / store / uid-expunge). */
    private static ImapCommand uid(String tag, Reader r) {
        r.sp();
        String name = r.keyword();
        switch (name) {
            case "FETCH":
                return FetchParser.fetch(tag, true, r);
            case "SEARCH":
                return SearchParser.search(tag, true, r);
            case "SORT":
                return SortParser.sort(tag, true, r);
            case "THREAD":
                return SortParser.thread(tag, true, r);
            case "STORE":
                return StoreParser.store(tag, true, r);
            case "COPY":
            case "MOVE":
                return CopyParser.copyOrMove(tag, true, name.equals("MOVE"), r);
            case "EXPUNGE":
                return CopyParser.uidExpunge(tag, r);
            default:
                throw new SyntaxException("unknown UID command " + shorten(name));
        }
    }

    static String shorten(String s) {
        return s.length() > 32 ? s.substring(0, 32) + "..." : s;
    }
}
