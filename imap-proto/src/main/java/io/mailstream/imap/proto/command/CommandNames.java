package io.mailstream.imap.proto.command;

/** The wire name of each command record. */
final class CommandNames {
    private CommandNames() {
    }

    static String of(ImapCommand c) {
        if (c instanceof ImapCommand.Capability) {
            return "CAPABILITY";
        }
        if (c instanceof ImapCommand.Noop) {
            return "NOOP";
        }
        if (c instanceof ImapCommand.Logout) {
            return "LOGOUT";
        }
        if (c instanceof ImapCommand.StartTls) {
            return "STARTTLS";
        }
        if (c instanceof ImapCommand.Authenticate) {
            return "AUTHENTICATE";
        }
        if (c instanceof ImapCommand.Login) {
            return "LOGIN";
        }
        if (c instanceof ImapCommand.Enable) {
            return "ENABLE";
        }
        if (c instanceof ImapCommand.Select) {
            return "SELECT";
        }
        if (c instanceof ImapCommand.Examine) {
            return "EXAMINE";
        }
        if (c instanceof ImapCommand.Create) {
            return "CREATE";
        }
        if (c instanceof ImapCommand.Delete) {
            return "DELETE";
        }
        if (c instanceof ImapCommand.Rename) {
            return "RENAME";
        }
        if (c instanceof ImapCommand.Subscribe) {
            return "SUBSCRIBE";
        }
        if (c instanceof ImapCommand.Unsubscribe) {
            return "UNSUBSCRIBE";
        }
        if (c instanceof ImapCommand.List) {
            return "LIST";
        }
        if (c instanceof ImapCommand.Lsub) {
            return "LSUB";
        }
        if (c instanceof ImapCommand.Namespace) {
            return "NAMESPACE";
        }
        if (c instanceof ImapCommand.Status) {
            return "STATUS";
        }
        if (c instanceof ImapCommand.Append) {
            return "APPEND";
        }
        if (c instanceof ImapCommand.Idle) {
            return "IDLE";
        }
        if (c instanceof ImapCommand.Check) {
            return "CHECK";
        }
        if (c instanceof ImapCommand.Close) {
            return "CLOSE";
        }
        if (c instanceof ImapCommand.Unselect) {
            return "UNSELECT";
        }
        if (c instanceof ImapCommand.Expunge) {
            return "EXPUNGE";
        }
        if (c instanceof ImapCommand.UidExpunge) {
            return "UID EXPUNGE";
        }
        if (c instanceof ImapCommand.Search) {
            return ((ImapCommand.Search) c).uid() ? "UID SEARCH" : "SEARCH";
        }
        if (c instanceof ImapCommand.Fetch) {
            return ((ImapCommand.Fetch) c).uid() ? "UID FETCH" : "FETCH";
        }
        if (c instanceof ImapCommand.Store) {
            return ((ImapCommand.Store) c).uid() ? "UID STORE" : "STORE";
        }
        if (c instanceof ImapCommand.Copy) {
            return ((ImapCommand.Copy) c).uid() ? "UID COPY" : "COPY";
        }
        if (c instanceof ImapCommand.Move) {
            return ((ImapCommand.Move) c).uid() ? "UID MOVE" : "MOVE";
        }
        if (c instanceof ImapCommand.Sort) {
            return ((ImapCommand.Sort) c).uid() ? "UID SORT" : "SORT";
        }
        if (c instanceof ImapCommand.Thread) {
            return ((ImapCommand.Thread) c).uid() ? "UID THREAD" : "THREAD";
        }
        if (c instanceof ImapCommand.Id) {
            return "ID";
        }
        if (c instanceof ImapCommand.Compress) {
            return "COMPRESS";
        }
        if (c instanceof ImapCommand.Notify) {
            return "NOTIFY";
        }
        if (c instanceof ImapCommand.GetQuota) {
            return "GETQUOTA";
        }
        if (c instanceof ImapCommand.GetQuotaRoot) {
            return "GETQUOTAROOT";
        }
        if (c instanceof ImapCommand.SetQuota) {
            return "SETQUOTA";
        }
        throw new IllegalArgumentException("unknown command " + c);
    }
}
