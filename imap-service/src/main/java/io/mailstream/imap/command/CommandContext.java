package io.mailstream.imap.command;

import io.mailstream.imap.ImapSettings;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.MailboxSync;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.imap.session.ImapSession;
import io.mailstream.imap.session.SessionState;
import io.mailstream.imap.store.StoreAccess;
import io.mailstream.store.api.UserRef;
import io.smallrye.mutiny.Uni;

/** Everything one command execution may use: its tag, the session, the store, the connection. */
public final class CommandContext {
    private final String tag;
    private final ImapSession session;
    private final SessionIo io;
    private final ImapServices services;
    private final StoreAccess store;
    private final MailboxSync sync;

    public CommandContext(String tag, ImapSession session, SessionIo io, ImapServices services, StoreAccess store,
            MailboxSync sync) {
        this.tag = tag;
        this.session = session;
        this.io = io;
        this.services = services;
        this.store = store;
        this.sync = sync;
    }

    public String tag() {
        return tag;
    }

    public ImapSession session() {
        return session;
    }

    public SessionIo io() {
        return io;
    }

    public ImapServices services() {
        return services;
    }

    public ImapSettings settings() {
        return services.settings();
    }

    public StoreAccess store() {
        return store;
    }

    public MailboxSync sync() {
        return sync;
    }

    /** The authenticated user; the command table guarantees there is one. */
    public UserRef user() {
        UserRef u = session.user();
        if (u == null) {
            throw new IllegalStateException("no user in state " + session.state());
        }
        return u;
    }

    public String userId() {
        return user().userId();
    }

    /** The selected mailbox; the command table guarantees there is one. */
    public SelectedMailbox selected() {
        SelectedMailbox m = session.selected();
        if (m == null) {
            throw new IllegalStateException("no mailbox selected");
        }
        return m;
    }

    public void state(SessionState next) {
        session.state(next);
    }

    public void send(ImapResponse response) {
        io.send(response);
    }

    public Uni<Void> write(ImapResponse response) {
        return io.write(response);
    }

    public ImapResponse.Tagged ok(String text) {
        return ImapResponse.Tagged.ok(tag, text);
    }

    public ImapResponse.Tagged ok(ResponseCode code, String text) {
        return ImapResponse.Tagged.ok(tag, code, text);
    }

    public ImapResponse.Tagged no(String text) {
        return ImapResponse.Tagged.no(tag, text);
    }

    public ImapResponse.Tagged no(ResponseCode code, String text) {
        return ImapResponse.Tagged.no(tag, code, text);
    }

    public ImapResponse.Tagged bad(String text) {
        return ImapResponse.Tagged.bad(tag, text);
    }

    public ImapResponse.Tagged bad(ResponseCode code, String text) {
        return ImapResponse.Tagged.bad(tag, code, text);
    }

    public Uni<ImapResponse.Tagged> done(ImapResponse.Tagged tagged) {
        return Uni.createFrom().item(tagged);
    }
}
