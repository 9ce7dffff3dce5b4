package io.tenmail.smtp.wire;

import java.util.Objects;
import java.util.Optional;

/**
 * The argument of MAIL FROM (RFC 5321 §4.1.2 {@code Reverse-path = Path / "<>"}): a mailbox, or the
 * null reverse path {@code <>} used by bounces and other notifications (§4.5.5). A source route
 * ({@code <@a,@b:user@c>}) is accepted and ignored, as §4.1.1.3 and Appendix C require; {@link
 * #hadSourceRoute()} only records that one was given.
 */
public final class ReversePath {

    /** {@code <>}. */
    public static final ReversePath NULL = new ReversePath(null, false);

    private final Mailbox mailbox;
    private final boolean hadSourceRoute;

    private ReversePath(Mailbox mailbox, boolean hadSourceRoute) {
        this.mailbox = mailbox;
        this.hadSourceRoute = hadSourceRoute;
    }

    public static ReversePath of(Mailbox mailbox) {
        return new ReversePath(Objects.requireNonNull(mailbox, "mailbox"), false);
    }

    static ReversePath routed(Mailbox mailbox, boolean hadSourceRoute) {
        return new ReversePath(mailbox, hadSourceRoute);
    }

    /** True for {@code <>}. */
    public boolean isNull() {
        return mailbox == null;
    }

    /** The sender's mailbox; empty for the null reverse path. */
    public Optional<Mailbox> mailbox() {
        return Optional.ofNullable(mailbox);
    }

    /** True if the client sent an (ignored) source route. */
    public boolean hadSourceRoute() {
        return hadSourceRoute;
    }

    /** Two reverse paths are equal when their mailboxes are; an ignored route does not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ReversePath other && Objects.equals(mailbox, other.mailbox);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(mailbox);
    }

    /** {@code <local@domain>} or {@code <>}. */
    @Override
    public String toString() {
        return mailbox == null ? "<>" : "<" + mailbox + ">";
    }
}
