package io.mailstream.lmtp.delivery;

import io.mailstream.lmtp.LmtpSettings;
import io.mailstream.lmtp.proto.MailAddress;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UserRef;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Resolves an RCPT address to an account and a mailbox. Usernames are lower-cased full
 * addresses ({@code demo@localhost}). Tried in order, first match wins:
 * <ol>
 *   <li>the full address, without its {@code +detail};</li>
 *   <li>for a configured local domain (or no domain at all): the bare local part, then the local
 *       part at each local domain, so {@code demo@host.example} reaches {@code demo@localhost}
 *       when both are local.</li>
 * </ol>
 * The {@code +detail} selects the mailbox of that name when the user has it (as Dovecot's
 * lmtp_save_to_detail_mailbox does), else INBOX. Unknown users fail with NONEXISTENT.
 */
public final class RecipientResolver {
    private final MailStore store;
    private final Set<String> localDomains;
    private final String delimiter;
    private final Duration timeout;

    public RecipientResolver(MailStore store, LmtpSettings settings) {
        this.store = store;
        this.localDomains = new LinkedHashSet<>(settings.localDomains());
        this.delimiter = settings.recipientDelimiter();
        this.timeout = settings.storeTimeout();
    }

    public Uni<Recipient> resolve(MailAddress address) {
        String local = address.localPart();
        String detail = null;
        int d = delimiter.isEmpty() ? -1 : local.indexOf(delimiter);
        if (d > 0) {
            detail = local.substring(d + delimiter.length());
            local = local.substring(0, d);
        }
        String mailboxHint = detail;
        return first(candidates(local.toLowerCase(Locale.ROOT), address.normalizedDomain()), 0)
                .chain(user -> mailbox(user, mailboxHint).map(mb -> new Recipient(address, user, mb)));
    }

    List<String> candidates(String local, String domain) {
        Set<String> names = new LinkedHashSet<>();
        if (domain != null) {
            names.add(local + "@" + domain);
        }
        if (domain == null || localDomains.contains(domain)) {
            names.add(local);
            for (String ld : localDomains) {
                names.add(local + "@" + ld);
            }
        }
        return new ArrayList<>(names);
    }

    private Uni<UserRef> first(List<String> names, int i) {
        if (i >= names.size()) {
            return Uni.createFrom().failure(new StoreException(StoreErrorCode.NONEXISTENT, "no such user"));
        }
        return StoreCalls.guard(store.findUser(names.get(i)), timeout)
                .onFailure(StoreCalls.is(StoreErrorCode.NONEXISTENT)).recoverWithUni(() -> first(names, i + 1));
    }

    private Uni<String> mailbox(UserRef user, String detail) {
        if (detail == null || detail.isEmpty()) {
            return Uni.createFrom().item("INBOX");
        }
        return StoreCalls.guard(store.listMailboxes(user.userId()), timeout).map(list -> pick(list, detail));
    }

    /** The mailbox named {@code detail}: an exact match, else the only case-insensitive one. */
    static String pick(List<MailboxInfo> mailboxes, String detail) {
        List<String> folded = new ArrayList<>();
        for (MailboxInfo m : mailboxes) {
            if (m.noselect()) {
                continue;
            }
            if (m.name().equals(detail)) {
                return m.name();
            }
            if (m.name().equalsIgnoreCase(detail)) {
                folded.add(m.name());
            }
        }
        return folded.size() == 1 ? folded.get(0) : "INBOX";
    }
}
