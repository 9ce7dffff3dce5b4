package io.tenmail.storage.model;

/** How many spam and ham messages were trained (in total, or that had one feature); never negative. */
public record BayesCounts(long spam, long ham) {
    public static final BayesCounts NONE = new BayesCounts(0, 0);

    public BayesCounts {
        if (spam < 0 || ham < 0) throw new IllegalArgumentException("counts cannot be negative: " + spam + "/" + ham);
    }
}
