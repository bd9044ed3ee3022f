package io.mailstream.store.api;

import io.smallrye.mutiny.Multi;

/**
 * The bytes of a section, streamed: {@code size} is known before the first chunk, so an IMAP
 * literal header {@code {size}} can be written first. An empty part has size 0.
 */
public record SectionBody(long size, Multi<byte[]> content) {
}
