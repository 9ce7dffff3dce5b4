package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.model.UidRange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * UID ranges as queries need them: sorted, overlapping and adjacent ranges merged (an IMAP
 * sequence set may repeat and overlap itself), then split into chunks whose length is a power of
 * two, so that any number of ranges is read with a handful of distinct statements the databases
 * can cache.
 */
final class UidRanges {
    static final int MAX_PER_QUERY = 64;

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

    /**
     * Normalized ranges in ascending chunks of at most {@link #MAX_PER_QUERY}, each padded to a
     * power of two by repeating its last range (a repeated OR term selects nothing twice).
     */
    static List<List<UidRange>> chunks(List<UidRange> ranges) {
        List<UidRange> normalized = normalize(ranges);
        List<List<UidRange>> chunks = new ArrayList<>();
        for (int i = 0; i < normalized.size(); i += MAX_PER_QUERY) {
            List<UidRange> chunk = new ArrayList<>(normalized.subList(i, Math.min(normalized.size(), i + MAX_PER_QUERY)));
            int size = Integer.highestOneBit(chunk.size());
            if (size < chunk.size()) size <<= 1;
            while (chunk.size() < size) chunk.add(chunk.get(chunk.size() - 1));
            chunks.add(chunk);
        }
        return chunks;
    }
}
