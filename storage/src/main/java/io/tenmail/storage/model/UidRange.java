package io.tenmail.storage.model;

/** An inclusive range of UIDs, {@code first..last}; last may be {@link Uid#MAX} for "*". */
public record UidRange(long first, long last) {
    public static final UidRange ALL = new UidRange(1, Uid.MAX);

    public UidRange {
        if (first < 1 || last < first || last > Uid.MAX) throw new IllegalArgumentException("bad UID range " + first + ":" + last);
    }

    public static UidRange of(Uid uid) {
        return new UidRange(uid.value(), uid.value());
    }

    public boolean contains(long uid) {
        return uid >= first && uid <= last;
    }
}
