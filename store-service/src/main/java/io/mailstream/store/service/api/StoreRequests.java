package io.mailstream.store.service.api;

import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.search.SearchKey;
import java.util.Set;

/** JSON request bodies of the store API ({@code /store/v1}). Uid sets are IMAP sequence-set strings. */
public final class StoreRequests {
    private StoreRequests() {
    }

    public record Auth(String username, String password) {
    }

    public record Lookup(String username) {
    }

    public record CreateMailbox(String name, Set<String> specialUse) {
    }

    public record Name(String name) {
    }

    public record Rename(String from, String to) {
    }

    public record Subscription(String name, boolean subscribed) {
    }

    public record Select(String name, boolean claimRecent) {
    }

    public record StoreFlags(String uids, FlagOperation operation, Set<String> flags, Long unchangedSince) {
    }

    /** {@code uids == null}: every \Deleted message. */
    public record Expunge(String uids) {
    }

    public record Copy(String uids, String destination) {
    }

    public record Search(SearchKey key) {
    }

    public record Maildrop(String owner, long ttlMillis) {
    }

    /** RFC 5256 SORT: criteria in priority order. */
    public record Sort(java.util.List<io.mailstream.store.api.sort.SortCriterion> criteria, SearchKey key) {
    }

    /** RFC 5256 THREAD. */
    public record Thread(io.mailstream.store.api.sort.ThreadAlgorithm algorithm, SearchKey key) {
    }
}
