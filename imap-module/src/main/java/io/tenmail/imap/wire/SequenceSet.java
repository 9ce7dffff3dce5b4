package io.tenmail.imap.wire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A sequence set (RFC 9051 §9 {@code sequence-set}): message sequence numbers or UIDs, as ranges
 * whose ends may be {@code *}, the largest number in use; or {@code $}, the result saved by the
 * last {@code SEARCH RETURN (SAVE)} (RFC 5182 §2.1).
 *
 * <pre>
 * 2,4:7,9,12:*     ranges kept as written, ends ordered: 7:4 is 4:7
 * $                {@link #isSaved()}
 * </pre>
 *
 * Parsing is strict: numbers are {@code nz-number} (1..4294967295, no leading zero), elements are
 * separated by single commas, and {@code $} stands alone (as in Dovecot; RFC 5182's grammar would
 * allow it after a comma, no client does that). A set has at most {@value #MAX_ELEMENTS} elements.
 *
 * <p>{@code *} cannot be resolved without the mailbox, so {@link #normalized()} only sorts and
 * merges the ranges without {@code *}; {@link #resolve(long)} replaces {@code *} and returns
 * sorted, merged, disjoint ranges. Immutable.
 */
public final class SequenceSet {

    /** The value that stands for {@code *}: larger than every number. */
    public static final long STAR = Long.MAX_VALUE;
    /** nz-number is a 32-bit unsigned integer (RFC 9051 §9). */
    public static final long MAX_NUMBER = 0xFFFF_FFFFL;
    /** Elements of one set; a 64 KiB command line holds fewer. */
    public static final int MAX_ELEMENTS = 65_536;

    /** The saved search result, {@code $} (RFC 5182). */
    public static final SequenceSet SAVED = new SequenceSet(List.of(), true);

    /**
     * A closed range {@code low..high}, either end possibly {@link #STAR}.
     */
    public record Range(long low, long high) {
        public Range {
            if (!valid(low) || !valid(high)) throw new IllegalArgumentException("not a sequence number: " + low + ":" + high);
            if (low > high) throw new IllegalArgumentException("range ends out of order: " + low + ":" + high);
        }

        /** The range between two ends given in either order (RFC 9051 §9: 4:2 equals 2:4). */
        public static Range between(long a, long b) {
            return new Range(Math.min(a, b), Math.max(a, b));
        }

        public static Range single(long n) {
            return new Range(n, n);
        }

        public boolean hasStar() {
            return high == STAR;
        }

        public boolean contains(long n) {
            return n >= low && n <= high;
        }

        /** Numbers in the range; a range with {@code *} is unbounded. */
        public long count() {
            return hasStar() ? Long.MAX_VALUE : high - low + 1;
        }

        private static boolean valid(long n) {
            return n == STAR || n >= 1 && n <= MAX_NUMBER;
        }

        @Override
        public String toString() {
            String a = low == STAR ? "*" : Long.toString(low);
            if (low == high) return a;
            return a + ":" + (high == STAR ? "*" : Long.toString(high));
        }
    }

    private final List<Range> ranges;
    private final boolean saved;

    private SequenceSet(List<Range> ranges, boolean saved) {
        this.ranges = ranges;
        this.saved = saved;
    }

    /** A set of these ranges in this order (for COPYUID, where order pairs source and target). */
    public static SequenceSet of(List<Range> ranges) {
        if (ranges.isEmpty()) throw new IllegalArgumentException("a sequence set is never empty");
        if (ranges.size() > MAX_ELEMENTS) throw new IllegalArgumentException("too many elements");
        return new SequenceSet(List.copyOf(ranges), false);
    }

    /** One range. */
    public static SequenceSet range(long a, long b) {
        return new SequenceSet(List.of(Range.between(a, b)), false);
    }

    /**
     * The most compact set of these numbers, which must be ascending and distinct (e.g. UIDs for
     * an ESEARCH ALL result, RFC 4731 §3.1): 1,2,3,5 gives {@code 1:3,5}.
     */
    public static SequenceSet ofAscending(long... numbers) {
        if (numbers.length == 0) throw new IllegalArgumentException("a sequence set is never empty");
        List<Range> out = new ArrayList<>();
        long low = numbers[0];
        long high = low;
        for (int i = 1; i < numbers.length; i++) {
            long n = numbers[i];
            if (n <= high) throw new IllegalArgumentException("numbers not ascending at index " + i);
            if (n == high + 1) {
                high = n;
            } else {
                out.add(new Range(low, high));
                low = n;
                high = n;
            }
        }
        out.add(new Range(low, high));
        return new SequenceSet(List.copyOf(out), false);
    }

    /**
     * Parses {@code sequence-set} or {@code $}.
     *
     * @throws IllegalArgumentException with a message fit for a BAD response
     */
    public static SequenceSet parse(CharSequence text) {
        if (text.isEmpty()) throw new IllegalArgumentException("Empty sequence set");
        if (text.length() == 1 && text.charAt(0) == '$') return SAVED;
        List<Range> ranges = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            if (ranges.size() == MAX_ELEMENTS) throw new IllegalArgumentException("Sequence set has too many elements");
            long first = parseNumber(text, i);
            i = skipNumber(text, i);
            long second = first;
            if (i < n && text.charAt(i) == ':') {
                i++;
                second = parseNumber(text, i);
                i = skipNumber(text, i);
            }
            ranges.add(Range.between(first, second));
            if (i == n) break;
            char c = text.charAt(i);
            if (c != ',') throw new IllegalArgumentException("Invalid character '" + printable(c) + "' in sequence set");
            i++;
            if (i == n) throw new IllegalArgumentException("Sequence set ends with ','");
        }
        return new SequenceSet(List.copyOf(ranges), false);
    }

    private static long parseNumber(CharSequence text, int start) {
        if (start >= text.length()) throw new IllegalArgumentException("Sequence set ends with ':'");
        char c = text.charAt(start);
        if (c == '*') return STAR;
        if (c == '$') throw new IllegalArgumentException("'$' must be the whole sequence set");
        if (c == ',') throw new IllegalArgumentException("Empty element in sequence set");
        if (c < '0' || c > '9') throw new IllegalArgumentException("Invalid character '" + printable(c) + "' in sequence set");
        if (c == '0') {
            boolean more = start + 1 < text.length() && Character.isDigit(text.charAt(start + 1));
            throw new IllegalArgumentException(more ? "Leading zero in sequence number" : "0 is not a valid sequence number");
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            char d = text.charAt(i);
            if (d < '0' || d > '9') break;
            value = value * 10 + (d - '0');
            if (value > MAX_NUMBER) {
                throw new IllegalArgumentException("Sequence number too large (max " + MAX_NUMBER + ")");
            }
        }
        return value;
    }

    private static int skipNumber(CharSequence text, int i) {
        if (text.charAt(i) == '*') return i + 1;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
        return i;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c);
    }

    /** True for {@code $}: the saved search result, resolved by the session. */
    public boolean isSaved() {
        return saved;
    }

    /** The ranges as written (ends ordered); empty for {@code $}. */
    public List<Range> ranges() {
        return ranges;
    }

    /** True if some range ends at {@code *}. */
    public boolean hasStar() {
        for (Range r : ranges) {
            if (r.hasStar()) return true;
        }
        return false;
    }

    /** The largest explicit number (not {@code *}), 0 if there is none. */
    public long maxNumber() {
        long max = 0;
        for (Range r : ranges) {
            if (r.low() != STAR) max = Math.max(max, r.hasStar() ? r.low() : r.high());
        }
        return max;
    }

    /**
     * Sorted and merged (overlapping or adjacent) ranges. Ranges ending in {@code *} are kept
     * apart, deduplicated, at the end: merging them would change which explicit numbers lie beyond
     * {@code *}.
     */
    public SequenceSet normalized() {
        if (saved) return this;
        List<Range> plain = new ArrayList<>();
        List<Range> starred = new ArrayList<>();
        for (Range r : ranges) (r.hasStar() ? starred : plain).add(r);
        List<Range> out = merge(plain);
        starred.sort(Comparator.comparingLong(Range::low));
        Range previous = null;
        for (Range r : starred) {
            if (!r.equals(previous)) out.add(r);
            previous = r;
        }
        return new SequenceSet(List.copyOf(out), false);
    }

    /**
     * The numbers of this set in a mailbox whose largest number in use is {@code largest}:
     * {@code *} becomes {@code largest} (RFC 9051 §9: {@code 559:*} with largest 100 is 100:559),
     * and the ranges are sorted, merged and disjoint. With {@code largest} 0 (empty mailbox)
     * {@code *} alone resolves to nothing and {@code n:*} to {@code n}.
     *
     * @throws IllegalStateException for {@code $}, which the session resolves
     */
    public List<Range> resolve(long largest) {
        if (saved) throw new IllegalStateException("$ is resolved by the session");
        if (largest < 0 || largest > MAX_NUMBER) throw new IllegalArgumentException("largest out of range: " + largest);
        List<Range> concrete = new ArrayList<>(ranges.size());
        for (Range r : ranges) {
            if (largest == 0 && r.hasStar()) {
                if (r.low() != STAR) concrete.add(Range.single(r.low()));
                continue;
            }
            long low = r.low() == STAR ? largest : r.low();
            long high = r.high() == STAR ? largest : r.high();
            concrete.add(Range.between(low, high));
        }
        return List.copyOf(merge(concrete));
    }

    /** True if {@code n} is in the set when the largest number in use is {@code largest}. */
    public boolean contains(long n, long largest) {
        for (Range r : resolve(largest)) {
            if (r.contains(n)) return true;
        }
        return false;
    }

    private static List<Range> merge(List<Range> input) {
        List<Range> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingLong(Range::low));
        List<Range> out = new ArrayList<>();
        for (Range r : sorted) {
            if (!out.isEmpty()) {
                Range last = out.get(out.size() - 1);
                if (r.low() <= last.high() + 1) {
                    if (r.high() > last.high()) out.set(out.size() - 1, new Range(last.low(), r.high()));
                    continue;
                }
            }
            out.add(r);
        }
        return out;
    }

    /** The wire form, e.g. {@code 1:3,7:*} or {@code $}. */
    @Override
    public String toString() {
        if (saved) return "$";
        StringBuilder sb = new StringBuilder();
        for (Range r : ranges) {
            if (!sb.isEmpty()) sb.append(',');
            sb.append(r);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceSet other && saved == other.saved && ranges.equals(other.ranges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ranges, saved);
    }
}
