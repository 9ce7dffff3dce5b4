package io.tenmail.smtp.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * The argument of RCPT TO (RFC 5321 §4.1.1.3): a mailbox, or the special {@code <Postmaster>}
 * without a domain, which every server must accept (§4.5.1) and which means the postmaster of the
 * receiving server. A source route is accepted and ignored (§4.1.1.3, Appendix C).
 */
public final class ForwardPath {

    /** {@code <Postmaster>} (any case), no domain. */
    public static final ForwardPath POSTMASTER = new ForwardPath(null, false);

    private final Mailbox mailbox;
    private final boolean hadSourceRoute;

    private ForwardPath(Mailbox mailbox, boolean hadSourceRoute) {
        this.mailbox = mailbox;
        this.hadSourceRoute = hadSourceRoute;
    }

    public static ForwardPath of(Mailbox mailbox) {
        return new ForwardPath(Objects.requireNonNull(mailbox, "mailbox"), false);
    }

    static ForwardPath routed(Mailbox mailbox, boolean hadSourceRoute) {
        return new ForwardPath(mailbox, hadSourceRoute);
    }

    /** The recipient; empty only for the domain-less {@code <Postmaster>}. */
    public Optional<Mailbox> mailbox() {
        return Optional.ofNullable(mailbox);
    }

    /** True for the domain-less {@code <Postmaster>}: the session fills in its own domain. */
    public boolean isBarePostmaster() {
        return mailbox == null;
    }

    /** True for {@code <Postmaster>} and for {@code <postmaster@any.domain>} (§4.5.1). */
    public boolean isPostmaster() {
        return mailbox == null || mailbox.isPostmaster();
    }

    /** True if the client sent an (ignored) source route. */
    public boolean hadSourceRoute() {
        return hadSourceRoute;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForwardPath other && Objects.equals(mailbox, other.mailbox);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(mailbox);
    }

    /** {@code <local@domain>} or {@code <Postmaster>}. */
    @Override
    public String toString() {
        return mailbox == null ? "<Postmaster>" : "<" + mailbox + ">";
    }
}
