package io.tenmail.smtp.spam;

import org.apache.james.jdkim.DKIMSigner;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** A real RSA key pair for DKIM tests: signs messages with jDKIM and gives the DNS record. */
public final class DkimKeys {
    final KeyPair keys;

    public DkimKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);  // RFC 8301 §3.2: signers use at least 1024, 2048 recommended
        keys = generator.generateKeyPair();
    }

    /** The TXT record of RFC 6376 §3.6.1. */
    public String dnsRecord() {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** The message with a DKIM-Signature for {@code domain} and {@code selector} on top. */
    public String sign(String message, String domain, String selector) throws Exception {
        String template = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + "; h=from:to:subject:date:message-id; bh=; b=;";
        String field = new DKIMSigner(template, keys.getPrivate())
                .sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
        return field + "\r\n" + message;
    }
}
