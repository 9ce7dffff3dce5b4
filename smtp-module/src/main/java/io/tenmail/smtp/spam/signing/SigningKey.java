package io.tenmail.smtp.spam.signing;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Objects;

/**
 * One domain's DKIM key under one selector (RFC 6376 §3.1).
 *
 * @param domain    the signing domain, d=
 * @param selector  s=; the DNS record lives at {@code <selector>._domainkey.<domain>}
 */
public record SigningKey(String domain, String selector, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
    public SigningKey {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** Where the public key is published. */
    public String dnsName() {
        return selector + "._domainkey." + domain;
    }

    /** The TXT record to publish (RFC 6376 §3.6.1): the SubjectPublicKeyInfo, base64. */
    public String dnsRecord() {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    @Override
    public String toString() {
        return "SigningKey[" + dnsName() + "]";   // never the private key
    }
}
