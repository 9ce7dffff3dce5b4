package io.tenmail.imap.wire.request;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * SORT (RFC 5256 §3), with ESORT return options (RFC 5267 §3) and DISPLAYFROM/DISPLAYTO
 * (RFC 5957).
 */
public record SortRequest(String tag, boolean uid, List<Criterion> criteria, Set<SearchReturnOption> returnOptions,
                          boolean extended, SearchKey key) implements ImapRequest {

    /** RFC 5256 §3 sort-key, RFC 5957 §3. */
    public enum Key { ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM, DISPLAYTO }

    /** A sort key, optionally REVERSE. */
    public record Criterion(Key key, boolean reverse) {
        public Criterion {
            Objects.requireNonNull(key, "key");
        }
    }

    public SortRequest {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(key, "key");
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) throw new IllegalArgumentException("SORT needs a criterion");
        returnOptions = returnOptions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(returnOptions));
    }

    @Override
    public String name() {
        return uid ? "UID SORT" : "SORT";
    }
}
