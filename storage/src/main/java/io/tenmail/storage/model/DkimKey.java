package io.tenmail.storage.model;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One domain's DKIM key under one selector (RFC 6376 §3.1), as stored.
 *
 * @param domainName the domain's primary name, the d= of its signatures
 * @param selector   s=; the public key is published at {@code <selector>._domainkey.<domainName>}
 * @param privateKey the RSA private key, PKCS#8 DER
 * @param publicKey  the RSA public key, X.509 SubjectPublicKeyInfo DER (what the TXT record's p= holds)
 * @param retired    when it stopped signing; empty while it is the active key
 */
public record DkimKey(DomainId domain, String domainName, String selector, byte[] privateKey, byte[] publicKey,
                      Instant created, State state, Optional<Instant> retired) {

    /** ACTIVE signs new mail; RETIRED stays published for a grace period so mail signed before still verifies. */
    public enum State { ACTIVE, RETIRED }

    public DkimKey {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(domainName, "domainName");
        Objects.requireNonNull(selector, "selector");
        privateKey = privateKey.clone();
        publicKey = publicKey.clone();
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(retired, "retired");
    }

    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Where the public key is published. */
    public String dnsName() {
        return selector + "._domainkey." + domainName;
    }

    /** The TXT record to publish at {@link #dnsName()} (RFC 6376 §3.6.1). */
    public String dnsRecord() {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DkimKey k && k.domain.equals(domain) && k.selector.equals(selector) && k.state == state;
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, selector);
    }

    @Override
    public String toString() {
        return "DkimKey[" + dnsName() + ", " + state + "]";   // never the private key
    }
}
