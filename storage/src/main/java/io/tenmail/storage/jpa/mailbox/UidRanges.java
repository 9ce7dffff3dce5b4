package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.model.UidRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * UID ranges as statements need them. Every statement reads by {@code MAILBOX_ID = ? AND
 * MESSAGE_UID BETWEEN ? AND ?}, an index range scan on the primary key on every database; Derby
 * uses the index neither for an OR of ranges nor for an IN list on the second key column, which
 * made either approach take minutes on a 100,000-message mailbox.
 *
 * <ul>
 * <li>Reads: an IMAP sequence set may repeat and overlap itself, so ranges are sorted and merged,
 * then ranges close to each other are read as one {@link Span} and the rows between them dropped
 * in memory ("1,3,5,...,999" is one statement, not 500).
 * <li>Writes: under the mailbox row lock, the rows in a requested range that match the statement's
 * condition are exactly the rows read, so {@link #cover} narrows each requested range to the rows
 * being changed and the write uses those ranges with the same condition.
 * </ul>
 */
final class UidRanges {
    /** Ranges at most this many UIDs apart are read together. */
    static final long SPAN_GAP = 64;

    /** One read: {@code first..last}, keeping only UIDs inside {@code ranges}. */
    record Span(long first, long last, List<UidRange> ranges) {
        boolean isExact() {
            return ranges.size() == 1;
        }

        boolean contains(long uid) {
            if (isExact()) return true;
            int i = Collections.binarySearch(ranges, new UidRange(uid, uid), Comparator.comparingLong(UidRange::first));
            if (i < 0) i = -i - 2;   // the range starting at or before uid
            return i >= 0 && ranges.get(i).contains(uid);
        }
    }

    private UidRanges() {
    }

    static List<UidRange> normalize(List<UidRange> ranges) {
        List<UidRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(UidRange::first));
        List<UidRange> merged = new ArrayList<>();
        for (UidRange r : sorted) {
            UidRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.first() <= last.last() + 1) {
                merged.set(merged.size() - 1, new UidRange(last.first(), Math.max(last.last(), r.last())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    /** The reads for a set of ranges, ascending. */
    static List<Span> spans(List<UidRange> ranges) {
        List<Span> spans = new ArrayList<>();
        List<UidRange> current = new ArrayList<>();
        for (UidRange r : normalize(ranges)) {
            if (!current.isEmpty() && r.first() - current.get(current.size() - 1).last() > SPAN_GAP) {
                spans.add(span(current));
                current = new ArrayList<>();
            }
            current.add(r);
        }
        if (!current.isEmpty()) spans.add(span(current));
        return spans;
    }

    /**
     * For each requested range that holds some of {@code uids} (ascending), the part of it from
     * the first to the last of them; ranges holding none are left out.
     */
    static List<UidRange> cover(List<UidRange> requested, List<Long> uids) {
        List<UidRange> cover = new ArrayList<>();
        int i = 0;
        for (UidRange r : normalize(requested)) {
            while (i < uids.size() && uids.get(i) < r.first()) i++;
            int first = i;
            while (i < uids.size() && uids.get(i) <= r.last()) i++;
            if (i > first) cover.add(new UidRange(uids.get(first), uids.get(i - 1)));
        }
        return cover;
    }

    private static Span span(List<UidRange> ranges) {
        return new Span(ranges.get(0).first(), ranges.get(ranges.size() - 1).last(), List.copyOf(ranges));
    }
}
