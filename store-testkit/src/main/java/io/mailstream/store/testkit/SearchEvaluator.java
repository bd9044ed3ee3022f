package io.mailstream.store.testkit;

import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.search.SearchKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** Evaluates a {@link SearchKey} against one in-memory message (RFC 9051 6.4.4). */
final class SearchEvaluator {
    private SearchEvaluator() {
    }

    static boolean matches(SearchKey key, TestMessage m) {
        // Java 17: no pattern matching for switch, so an instanceof chain over the sealed type.
        if (key instanceof SearchKey.All) {
            return true;
        } else if (key instanceof SearchKey.And and) {
            return and.keys().stream().allMatch(k -> matches(k, m));
        } else if (key instanceof SearchKey.Or or) {
            return matches(or.left(), m) || matches(or.right(), m);
        } else if (key instanceof SearchKey.Not not) {
            return !matches(not.key(), m);
        } else if (key instanceof SearchKey.Flag f) {
            return m.flags.stream().anyMatch(x -> x.equalsIgnoreCase(f.flag())) == f.set();
        } else if (key instanceof SearchKey.Header h) {
            return m.analysis.search().values(h.field()).stream().anyMatch(v -> contains(v, h.value()));
        } else if (key instanceof SearchKey.Body b) {
            return contains(m.analysis.search().bodyText(), b.value());
        } else if (key instanceof SearchKey.Text t) {
            return contains(m.analysis.search().bodyText(), t.value()) || m.analysis.search().headers().stream()
                    .anyMatch(h -> contains(h.name() + ": " + h.value(), t.value()));
        } else if (key instanceof SearchKey.InternalDate d) {
            return compare(d.op(), m.internalDate.atOffset(
                    m.internalDateOffset == null ? ZoneOffset.UTC : m.internalDateOffset).toLocalDate(), d.date());
        } else if (key instanceof SearchKey.SentDate d) {
            return m.analysis.search().sentDate() != null && compare(d.op(), m.analysis.search().sentDate(), d.date());
        } else if (key instanceof SearchKey.Size s) {
            return s.larger() ? m.raw.length > s.octets() : m.raw.length < s.octets();
        } else if (key instanceof SearchKey.Uids u) {
            return u.uids().contains(m.uid);
        } else if (key instanceof SearchKey.ModSeq ms) {
            return m.modSeq >= ms.modSeq();
        } else if (key instanceof SearchKey.EmailId e) {
            return m.emailId.equals(e.id());
        } else if (key instanceof SearchKey.ThreadId t) {
            return m.threadId.equals(t.id());
        }
        throw new StoreException(StoreErrorCode.BADREQUEST, "search key must be resolved by the front-end: " + key);
    }

    private static boolean contains(String haystack, String needle) {
        if (haystack == null) {
            return false;
        }
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static boolean compare(SearchKey.DateOp op, LocalDate actual, LocalDate wanted) {
        return switch (op) {
            case BEFORE -> actual.isBefore(wanted);
            case ON -> actual.equals(wanted);
            case SINCE -> !actual.isBefore(wanted);
        };
    }
}
