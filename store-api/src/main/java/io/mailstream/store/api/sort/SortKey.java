package io.mailstream.store.api.sort;

/**
 * The sort keys of RFC 5256 3 (ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO) and RFC 5957 4
 * (DISPLAYFROM, DISPLAYTO).
 */
public enum SortKey {
    ARRIVAL,
    CC,
    DATE,
    FROM,
    SIZE,
    SUBJECT,
    TO,
    DISPLAYFROM,
    DISPLAYTO
}
