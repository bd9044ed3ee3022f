package io.mailstream.pop3.server;

import io.mailstream.pop3.Pop3Settings;
import io.mailstream.pop3.command.CommandRegistry;
import io.mailstream.store.api.MailStore;

/** What every connection of one server shares. */
record ServerShared(Pop3Settings settings, MailStore store, CommandRegistry commands, ConnectionLimits limits,
        Pop3Metrics metrics, boolean tlsConfigured, Pop3Drain drain) {
}
