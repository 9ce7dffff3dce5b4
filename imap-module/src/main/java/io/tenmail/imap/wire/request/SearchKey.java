package io.tenmail.imap.wire.request;

import io.tenmail.imap.wire.SequenceSet;
import io.tenmail.storage.model.Flags.SystemFlag;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A search criterion (RFC 9051 §6.4.4 search-key, with MODSEQ from RFC 7162 §3.1.5, OLDER and
 * YOUNGER from RFC 5032, and {@code $} from RFC 5182). Strings are decoded from the command's
 * CHARSET. The parser folds the spellings of one criterion into one record: {@code UNSEEN} is
 * {@code FlagIs(SEEN, false)}, {@code NEW} is {@code And(RecentIs(true), FlagIs(SEEN, false))}, a
 * SEARCH with several keys is an {@link And}.
 */
public sealed interface SearchKey {

    /** ALL. */
    record All() implements SearchKey {}

    /** ANSWERED, DELETED, DRAFT, FLAGGED, SEEN and their UN- forms. */
    record FlagIs(SystemFlag flag, boolean set) implements SearchKey {
        public FlagIs {
            Objects.requireNonNull(flag, "flag");
        }
    }

    /** KEYWORD and UNKEYWORD. */
    record KeywordIs(String keyword, boolean set) implements SearchKey {
        public KeywordIs {
            Objects.requireNonNull(keyword, "keyword");
        }
    }

    /** RECENT, and OLD (not recent); IMAP4rev1 only (RFC 3501 §6.4.4). */
    record RecentIs(boolean recent) implements SearchKey {}

    /** Fields searched by BCC, BODY, CC, FROM, SUBJECT, TEXT and TO. */
    enum Field { BCC, BODY, CC, FROM, SUBJECT, TEXT, TO }

    /** BCC, BODY, CC, FROM, SUBJECT, TEXT, TO: the field contains the string (case-insensitively). */
    record Contains(Field field, String value) implements SearchKey {
        public Contains {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    /** HEADER field-name string; an empty string matches every message with that header. */
    record HeaderContains(String fieldName, String value) implements SearchKey {
        public HeaderContains {
            Objects.requireNonNull(fieldName, "fieldName");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Which date a date criterion compares. */
    enum DateField {
        /** BEFORE, ON, SINCE: the internal date. */
        INTERNAL,
        /** SENTBEFORE, SENTON, SENTSINCE: the Date header. */
        SENT
    }

    /** How a date criterion compares; dates disregard time and timezone (RFC 9051 §6.4.4). */
    enum DateComparison { BEFORE, ON, SINCE }

    record DateIs(DateField field, DateComparison comparison, LocalDate date) implements SearchKey {
        public DateIs {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(date, "date");
        }
    }

    /** LARGER n: RFC822.SIZE above n; SMALLER n: below n. */
    record SizeIs(boolean larger, long octets) implements SearchKey {}

    /** OLDER n / YOUNGER n (RFC 5032 §3): internal date at least / at most n seconds ago. */
    record AgeIs(boolean older, long seconds) implements SearchKey {}

    /**
     * MODSEQ (RFC 7162 §3.1.5): mod-sequence at least {@code modSeq}. The optional entry name and
     * type (only {@code "/flags/..."} with priv/shared/all) do not change the result on a server
     * without per-flag mod-sequences.
     */
    record ModSeqAtLeast(long modSeq, String entryName, String entryType) implements SearchKey {}

    /** A sequence-set of message numbers (or {@code $}). */
    record SequenceNumbers(SequenceSet set) implements SearchKey {
        public SequenceNumbers {
            Objects.requireNonNull(set, "set");
        }
    }

    /** UID sequence-set (or {@code UID $}). */
    record Uids(SequenceSet set) implements SearchKey {
        public Uids {
            Objects.requireNonNull(set, "set");
        }
    }

    /** NOT key. */
    record Not(SearchKey key) implements SearchKey {
        public Not {
            Objects.requireNonNull(key, "key");
        }
    }

    /** OR key key. */
    record Or(SearchKey left, SearchKey right) implements SearchKey {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** A parenthesised list, or several keys in a row: all must match. At least two keys. */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
            if (keys.size() < 2) throw new IllegalArgumentException("And needs two keys or more");
        }
    }

    /** True if this key or a key inside it refers to the saved result {@code $} (RFC 5182). */
    default boolean usesSavedResult() {
        if (this instanceof SequenceNumbers s) return s.set().isSaved();
        if (this instanceof Uids u) return u.set().isSaved();
        if (this instanceof Not n) return n.key().usesSavedResult();
        if (this instanceof Or o) return o.left().usesSavedResult() || o.right().usesSavedResult();
        if (this instanceof And a) return a.keys().stream().anyMatch(SearchKey::usesSavedResult);
        return false;
    }
}
