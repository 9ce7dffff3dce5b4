package io.tenmail.smtp.spam;

/** DNS did not answer (timeout, SERVFAIL): the "temperror" of RFC 7208 §2.6.6 and RFC 7489 §6.6.3. */
public final class DnsTemporaryFailure extends Exception {
    public DnsTemporaryFailure(String message) {
        super(message);
    }
}
