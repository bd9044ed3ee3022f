package io.mailstream.store.api;

/** An authenticated user: the store's id and the canonical (lower-cased) username. */
public record UserRef(String userId, String username) {
}
