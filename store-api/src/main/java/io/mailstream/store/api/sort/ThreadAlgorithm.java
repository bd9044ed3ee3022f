package io.mailstream.store.api.sort;

/** The threading algorithms of RFC 5256 3. */
public enum ThreadAlgorithm {
    ORDEREDSUBJECT,
    REFERENCES
}
