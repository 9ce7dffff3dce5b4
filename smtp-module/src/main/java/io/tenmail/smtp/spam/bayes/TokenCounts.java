package io.tenmail.smtp.spam.bayes;

/** How many spam and ham messages a feature has been seen in. */
public record TokenCounts(long spam, long ham) {
    public static final TokenCounts NONE = new TokenCounts(0, 0);

    public TokenCounts {
        if (spam < 0 || ham < 0) throw new IllegalArgumentException("counts cannot be negative");
    }
}
