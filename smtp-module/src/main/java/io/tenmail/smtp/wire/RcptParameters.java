package io.tenmail.smtp.wire;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ESMTP parameters of RCPT TO this server understands (RFC 3461 §4.1, §4.2; only with DSN
 * advertised).
 *
 * @param notifyOn NOTIFY=; empty when not given (the default then is FAILURE, or FAILURE,DELAY, at
 *     the server's choice: RFC 3461 §4.1); {@code NEVER} only alone
 * @param originalRecipient ORCPT=
 */
public record RcptParameters(Set<Notify> notifyOn, Optional<OriginalRecipient> originalRecipient) {

    /** No parameters given. */
    public static final RcptParameters NONE = new RcptParameters(Set.of(), Optional.empty());

    /** NOTIFY= values. */
    public enum Notify { NEVER, SUCCESS, FAILURE, DELAY }

    /**
     * ORCPT= (RFC 3461 §4.2): the recipient's original address and its type, decoded from xtext
     * (or from utf-8-addr-xtext for type {@code utf-8}, RFC 6533 §3).
     *
     * @param addressType {@code rfc822} or {@code utf-8} usually, as given (case-insensitive)
     * @param address the decoded address
     */
    public record OriginalRecipient(String addressType, String address) {
        public OriginalRecipient {
            Objects.requireNonNull(addressType, "addressType");
            Objects.requireNonNull(address, "address");
            if (addressType.isEmpty() || address.isEmpty()) throw new IllegalArgumentException("empty ORCPT part");
        }
    }

    public RcptParameters {
        notifyOn = notifyOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notifyOn));
        Objects.requireNonNull(originalRecipient, "originalRecipient");
        if (notifyOn.contains(Notify.NEVER) && notifyOn.size() > 1) {
            throw new IllegalArgumentException("NOTIFY=NEVER cannot be combined");
        }
    }
}
