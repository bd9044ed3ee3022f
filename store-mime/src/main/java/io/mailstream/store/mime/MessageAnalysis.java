package io.mailstream.store.mime;

import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.Envelope;

/**
 * Everything IMAP FETCH and SEARCH need about one message, computed once at APPEND time so the
 * stored bytes never have to be re-parsed: ENVELOPE, BODYSTRUCTURE, the part offsets used to cut
 * BODY[section] out of the raw bytes, and the searchable header/text fields.
 */
public record MessageAnalysis(Envelope envelope, BodyStructure bodyStructure, PartIndex parts, SearchFields search) {
}
