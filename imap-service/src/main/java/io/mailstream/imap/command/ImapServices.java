package io.mailstream.imap.command;

import io.mailstream.imap.ImapMetrics;
import io.mailstream.imap.ImapSettings;
import io.mailstream.imap.events.MailboxChangeBus;
import io.mailstream.imap.server.ConnectionLimits;
import io.mailstream.imap.session.Capabilities;
import io.mailstream.store.api.MailStore;

/** What every session of one server shares. */
public record ImapServices(ImapSettings settings, MailStore store, Capabilities capabilities,
        ConnectionLimits limits, MailboxChangeBus changes, ImapMetrics metrics) {
}
