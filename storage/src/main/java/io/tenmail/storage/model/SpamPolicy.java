package io.tenmail.storage.model;

/**
 * A domain's spam-filter policy (issue 7): which checks run on mail to it and the two thresholds
 * its verdicts use. Mail scoring {@link #junkThreshold} or more goes to the recipient's Junk
 * mailbox; {@link #rejectThreshold} or more is refused at DATA with 550 5.7.1 (no backscatter).
 * A domain without a stored policy has {@link #DEFAULT}.
 *
 * @param greylisting off by default: it delays first mail from every new sender by minutes
 */
public record SpamPolicy(boolean spf, boolean dkim, boolean dmarc, boolean dnsbl, boolean helo, boolean bayes, boolean greylisting,
                         double junkThreshold, double rejectThreshold) {
    /** The highest threshold accepted (GTUBE scores 1000; above that no check could ever reach it). */
    public static final double MAX_THRESHOLD = 10_000;

    /** Every check on except greylisting; Junk from 5, reject from 15. */
    public static final SpamPolicy DEFAULT = new SpamPolicy(true, true, true, true, true, true, false, 5.0, 15.0);

    /** @throws IllegalArgumentException a threshold is not a finite number in 0..{@value #MAX_THRESHOLD}, or reject is below junk */
    public SpamPolicy {
        checkThreshold("junkThreshold", junkThreshold);
        checkThreshold("rejectThreshold", rejectThreshold);
        if (rejectThreshold < junkThreshold) {
            throw new IllegalArgumentException("rejectThreshold must not be below junkThreshold");
        }
    }

    private static void checkThreshold(String name, double value) {
        if (!Double.isFinite(value) || value < 0 || value > MAX_THRESHOLD) {
            throw new IllegalArgumentException(name + " must be a number from 0 to " + (long) MAX_THRESHOLD);
        }
    }

    /** Whether the named check is on: spf, dkim, dmarc, dnsbl, helo, bayes, greylisting. */
    public boolean enables(SpamCheck check) {
        return switch (check) {
            case SPF -> spf;
            case DKIM -> dkim;
            case DMARC -> dmarc;
            case DNSBL -> dnsbl;
            case HELO -> helo;
            case BAYES -> bayes;
            case GREYLISTING -> greylisting;
        };
    }
}
