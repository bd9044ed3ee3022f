package io.mailstream.imap.proto.command;

import io.mailstream.imap.proto.types.MailboxName;
import io.mailstream.imap.proto.types.ModSeq;
import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.search.SearchKey;
import java.util.Map;
import java.util.Set;

/**
 * A client command of RFC 9051 6 (and RFC 3501, plus the extensions the server offers), one
 * record per command; UID forms carry {@code uid == true}. Mailbox names are already decoded
 * (modified UTF-7 for rev1 clients). Strings never contain CR, LF or NUL.
 */
public sealed interface ImapCommand {

    String tag();

    /** Upper-case command name as used in responses and logs, e.g. {@code "UID FETCH"}. */
    default String name() {
        return CommandNames.of(this);
    }

    // ---- any state: RFC 9051 6.1

    record Capability(String tag) implements ImapCommand {
    }

    record Noop(String tag) implements ImapCommand {
    }

    record Logout(String tag) implements ImapCommand {
    }

    // ---- not authenticated: RFC 9051 6.2

    record StartTls(String tag) implements ImapCommand {
    }

    /**
     * AUTHENTICATE mechanism [initial-response] (RFC 9051 6.2.2, RFC 4959 SASL-IR).
     *
     * @param mechanism        upper-cased
     * @param initialResponse  base64 text as sent; null when absent; "" when "=" (empty response)
     */
    record Authenticate(String tag, String mechanism, String initialResponse) implements ImapCommand {
    }

    record Login(String tag, String userid, String password) implements ImapCommand {
        @Override
        public String toString() {
            return "Login[tag=" + tag + ", userid=" + userid + ", password=***]";
        }
    }

    // ---- authenticated: RFC 9051 6.3

    /** ENABLE (RFC 5161); capability names upper-cased. */
    record Enable(String tag, java.util.List<String> capabilities) implements ImapCommand {
        public Enable {
            capabilities = java.util.List.copyOf(capabilities);
        }
    }

    record Select(String tag, MailboxName mailbox, SelectParams params) implements ImapCommand {
    }

    record Examine(String tag, MailboxName mailbox, SelectParams params) implements ImapCommand {
    }

    /** CREATE, with the RFC 6154 5.2 {@code USE (...)} special-use attributes (canonical case). */
    record Create(String tag, MailboxName mailbox, java.util.List<String> specialUse) implements ImapCommand {
        public Create {
            specialUse = java.util.List.copyOf(specialUse);
        }
    }

    record Delete(String tag, MailboxName mailbox) implements ImapCommand {
    }

    record Rename(String tag, MailboxName from, MailboxName to) implements ImapCommand {
    }

    record Subscribe(String tag, MailboxName mailbox) implements ImapCommand {
    }

    record Unsubscribe(String tag, MailboxName mailbox) implements ImapCommand {
    }

    /**
     * LIST, basic or RFC 5258 extended. Reference and patterns are decoded names (wildcards
     * kept); patterns has at least one element; INBOX is not normalized inside patterns.
     *
     * @param extended whether selection options, several patterns or return options were given
     */
    record List(String tag, Set<ListSelectOption> selectOptions, String reference,
            java.util.List<String> patterns, ListReturnOptions returnOptions, boolean extended)
            implements ImapCommand {
        public List {
            selectOptions = Set.copyOf(selectOptions);
            patterns = java.util.List.copyOf(patterns);
        }
    }

    /** LSUB (RFC 3501 6.3.9; rev1 only). */
    record Lsub(String tag, String reference, String pattern) implements ImapCommand {
    }

    record Namespace(String tag) implements ImapCommand {
    }

    record Status(String tag, MailboxName mailbox, java.util.List<StatusItem> items) implements ImapCommand {
        public Status {
            items = java.util.List.copyOf(items);
        }
    }

    /** APPEND (RFC 9051 6.3.12); more than one message only with MULTIAPPEND (RFC 3502). */
    record Append(String tag, MailboxName mailbox, java.util.List<AppendMessage> messages) implements ImapCommand {
        public Append {
            messages = java.util.List.copyOf(messages);
        }
    }

    /**
     * IDLE (RFC 2177, RFC 9051 6.3.13). The connection sends {@code + idling}, then calls
     * {@code ImapParser.expectLine()} and waits for a line that {@code isDone()}.
     */
    record Idle(String tag) implements ImapCommand {
    }

    /** GETQUOTA quota-root (RFC 9208 4.1.1). */
    record GetQuota(String tag, String root) implements ImapCommand {
    }

    /** GETQUOTAROOT mailbox (RFC 9208 4.1.2); the mailbox need not exist. */
    record GetQuotaRoot(String tag, MailboxName mailbox) implements ImapCommand {
    }

    /** SETQUOTA quota-root (resource limit ...) (RFC 9208 4.1.3); resource names upper-cased. */
    record SetQuota(String tag, String root, Map<String, Long> limits) implements ImapCommand {
        public SetQuota {
            limits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(limits));
        }
    }

    // ---- selected: RFC 9051 6.4

    /** CHECK (RFC 3501 6.4.1; rev1 only, same as NOOP in rev2). */
    record Check(String tag) implements ImapCommand {
    }

    record Close(String tag) implements ImapCommand {
    }

    record Unselect(String tag) implements ImapCommand {
    }

    record Expunge(String tag) implements ImapCommand {
    }

    /** UID EXPUNGE (RFC 4315 2.1, RFC 9051 6.4.9). */
    record UidExpunge(String tag, SequenceSet uids) implements ImapCommand {
    }

    /**
     * SEARCH / UID SEARCH (RFC 9051 6.4.4, RFC 4731 ESEARCH, RFC 5182 SAVE). Sequence sets in
     * the key are {@link SearchKey.MessageSet} ({@code $} included); \Recent, NEW and OLD use
     * {@code SearchKey.Flag("\\Recent", ...)}; the session resolves both.
     *
     * @param charset        upper-cased UTF-8 or US-ASCII; null when absent
     * @param returnOptions  null without RETURN (rev1 untagged SEARCH, or rev2 ESEARCH ALL);
     *                       {@code RETURN ()} yields {ALL} (RFC 4731 3.1)
     */
    record Search(String tag, boolean uid, String charset, Set<SearchReturnOption> returnOptions, SearchKey key)
            implements ImapCommand {
        public Search {
            returnOptions = returnOptions == null ? null : Set.copyOf(returnOptions);
        }
    }

    /**
     * SORT / UID SORT (RFC 5256 3) with the RFC 5957 DISPLAYFROM/DISPLAYTO keys and the ESORT
     * return options (RFC 5267 3.1); keys as for {@link Search}.
     *
     * @param returnOptions null without RETURN; {@code RETURN ()} yields {ALL}
     */
    record Sort(String tag, boolean uid, Set<SearchReturnOption> returnOptions,
            java.util.List<io.mailstream.store.api.sort.SortCriterion> criteria, String charset, SearchKey key)
            implements ImapCommand {
        public Sort {
            returnOptions = returnOptions == null ? null : Set.copyOf(returnOptions);
            criteria = java.util.List.copyOf(criteria);
        }
    }

    /** THREAD / UID THREAD (RFC 5256 3); keys as for {@link Search}. */
    record Thread(String tag, boolean uid, io.mailstream.store.api.sort.ThreadAlgorithm algorithm, String charset,
            SearchKey key) implements ImapCommand {
    }

    /**
     * FETCH / UID FETCH (RFC 9051 6.4.5) with RFC 7162 modifiers. Items as requested, macros
     * expanded; for UID FETCH the server adds UID (and MODSEQ with CHANGEDSINCE) itself.
     *
     * @param changedSince null when absent
     * @param vanished     the QRESYNC VANISHED modifier (UID FETCH only)
     */
    record Fetch(String tag, boolean uid, SequenceSet set, java.util.List<FetchItem> items, ModSeq changedSince,
            boolean vanished) implements ImapCommand {
        public Fetch {
            items = java.util.List.copyOf(items);
        }
    }

    /**
     * STORE / UID STORE (RFC 9051 6.4.6) with RFC 7162 UNCHANGEDSINCE.
     *
     * @param flags          canonical flags (may be empty)
     * @param unchangedSince null when absent
     */
    record Store(String tag, boolean uid, SequenceSet set, FlagOperation operation, boolean silent,
            java.util.List<String> flags, ModSeq unchangedSince) implements ImapCommand {
        public Store {
            flags = java.util.List.copyOf(flags);
        }
    }

    record Copy(String tag, boolean uid, SequenceSet set, MailboxName mailbox) implements ImapCommand {
    }

    /** MOVE / UID MOVE (RFC 6851). */
    record Move(String tag, boolean uid, SequenceSet set, MailboxName mailbox) implements ImapCommand {
    }

    /**
     * ID (RFC 2971).
     *
     * @param params field/value pairs in order (values may be null for NIL); null for ID NIL
     */
    record Id(String tag, Map<String, String> params) implements ImapCommand {
    }

    /** COMPRESS (RFC 4978 3); {@code mechanism} upper-cased ("DEFLATE" is the only one defined). */
    record Compress(String tag, String mechanism) implements ImapCommand {
    }

    /**
     * NOTIFY (RFC 5465 3.1): {@code NOTIFY NONE} ({@code groups} empty, {@code none}) or
     * {@code NOTIFY SET [STATUS] event-groups}.
     */
    record Notify(String tag, boolean none, boolean status, java.util.List<NotifyEventGroup> groups)
            implements ImapCommand {
        public Notify {
            groups = java.util.List.copyOf(groups);
        }
    }
}
