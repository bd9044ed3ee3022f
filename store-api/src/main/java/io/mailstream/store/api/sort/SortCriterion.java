package io.mailstream.store.api.sort;

/** One sort criterion: a key, REVERSE'd or not (RFC 5256 3: REVERSE affects that key only). */
public record SortCriterion(SortKey key, boolean reverse) {
    public static SortCriterion of(SortKey key) {
        return new SortCriterion(key, false);
    }
}
