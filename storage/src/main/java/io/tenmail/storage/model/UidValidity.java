package io.tenmail.storage.model;

/** RFC 9051 §2.3.1.1: changes whenever UIDs of a mailbox name may have been reused. */
public record UidValidity(long value) {
    public UidValidity {
        if (value < 1 || value > Uid.MAX) throw new IllegalArgumentException("UIDVALIDITY out of range: " + value);
    }
}
