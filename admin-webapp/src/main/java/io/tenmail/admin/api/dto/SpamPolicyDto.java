package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.SpamPolicy;

/**
 * {@code SpamPolicy}: a domain's spam checks (on/off) and thresholds; also the body of PUT
 * /domains/{name}/spam-policy, where a field left out (or null) keeps its current value.
 */
public record SpamPolicyDto(Boolean spf, Boolean dkim, Boolean dmarc, Boolean dnsbl, Boolean helo, Boolean bayes, Boolean greylisting,
                            Double junkThreshold, Double rejectThreshold) {
    public static SpamPolicyDto from(SpamPolicy p) {
        return new SpamPolicyDto(p.spf(), p.dkim(), p.dmarc(), p.dnsbl(), p.helo(), p.bayes(), p.greylisting(), p.junkThreshold(),
                p.rejectThreshold());
    }

    /** The current policy with this body's fields applied. */
    public SpamPolicy applyTo(SpamPolicy current) {
        return new SpamPolicy(or(spf, current.spf()), or(dkim, current.dkim()), or(dmarc, current.dmarc()), or(dnsbl, current.dnsbl()),
                or(helo, current.helo()), or(bayes, current.bayes()), or(greylisting, current.greylisting()),
                junkThreshold == null ? current.junkThreshold() : junkThreshold,
                rejectThreshold == null ? current.rejectThreshold() : rejectThreshold);
    }

    private static boolean or(Boolean value, boolean current) {
        return value == null ? current : value;
    }
}
