package io.mailstream.store.api;

import java.util.Set;

/** A message's uid, its current flags and the mod-sequence of its last change. */
public record MessageFlags(long uid, Set<String> flags, long modSeq) {
}
