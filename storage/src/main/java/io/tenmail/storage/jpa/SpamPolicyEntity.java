package io.tenmail.storage.jpa;

import io.tenmail.storage.model.SpamPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of SPAM_POLICY: a domain's spam checks and thresholds; no row means {@link SpamPolicy#DEFAULT}. */
@Entity
@EntityListeners(CachedDataListener.class)
@Table(name = "SPAM_POLICY")
class SpamPolicyEntity {
    @Id
    @Column(name = "DOMAIN_ID")
    private long domainId;

    @Column(name = "SPF_CHECK", nullable = false)
    private boolean spf;
    @Column(name = "DKIM_CHECK", nullable = false)
    private boolean dkim;
    @Column(name = "DMARC_CHECK", nullable = false)
    private boolean dmarc;
    @Column(name = "DNSBL_CHECK", nullable = false)
    private boolean dnsbl;
    @Column(name = "HELO_CHECK", nullable = false)
    private boolean helo;
    @Column(name = "BAYES_CHECK", nullable = false)
    private boolean bayes;
    @Column(name = "GREYLISTING", nullable = false)
    private boolean greylisting;
    @Column(name = "JUNK_THRESHOLD", nullable = false)
    private double junkThreshold;
    @Column(name = "REJECT_THRESHOLD", nullable = false)
    private double rejectThreshold;

    protected SpamPolicyEntity() {
    }

    SpamPolicyEntity(long domainId, SpamPolicy policy) {
        this.domainId = domainId;
        set(policy);
    }

    void set(SpamPolicy p) {
        spf = p.spf();
        dkim = p.dkim();
        dmarc = p.dmarc();
        dnsbl = p.dnsbl();
        helo = p.helo();
        bayes = p.bayes();
        greylisting = p.greylisting();
        junkThreshold = p.junkThreshold();
        rejectThreshold = p.rejectThreshold();
    }

    SpamPolicy toModel() {
        return new SpamPolicy(spf, dkim, dmarc, dnsbl, helo, bayes, greylisting, junkThreshold, rejectThreshold);
    }
}
