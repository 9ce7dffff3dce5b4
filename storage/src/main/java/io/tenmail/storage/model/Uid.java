package io.tenmail.storage.model;

/** RFC 9051 §2.3.1.1: a message's unique identifier, a non-zero unsigned 32-bit value. */
public record Uid(long value) implements Comparable<Uid> {
    public static final long MAX = 0xFFFF_FFFFL;

    public Uid {
        if (value < 1 || value > MAX) throw new IllegalArgumentException("UID out of range: " + value);
    }

    @Override
    public int compareTo(Uid other) {
        return Long.compare(value, other.value);
    }
}
