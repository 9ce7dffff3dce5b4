package io.tenmail.storage.model;

/** RFC 7162 §3.1.1: a mailbox's modification sequence, a positive unsigned 63-bit value. */
public record ModSeq(long value) implements Comparable<ModSeq> {
    public ModSeq {
        if (value < 0) throw new IllegalArgumentException("MODSEQ out of range: " + value);
    }

    @Override
    public int compareTo(ModSeq other) {
        return Long.compare(value, other.value);
    }
}
