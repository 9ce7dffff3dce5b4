package io.tenmail.imap.wire.request;

/**
 * The {@code <origin.count>} of a BODY[] or BINARY[] fetch (RFC 9051 §6.4.5): at most {@code count}
 * octets from {@code origin}. The response names only the origin: {@code BODY[]<0>}.
 */
public record Partial(long origin, long count) {

    public Partial {
        if (origin < 0) throw new IllegalArgumentException("origin negative");
        if (count < 1) throw new IllegalArgumentException("count must be positive");
    }

    /** The request form, {@code <origin.count>}. */
    @Override
    public String toString() {
        return "<" + origin + "." + count + ">";
    }
}
