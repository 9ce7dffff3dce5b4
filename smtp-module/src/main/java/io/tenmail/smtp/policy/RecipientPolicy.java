package io.tenmail.smtp.policy;

import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.ForwardPath;
import io.tenmail.smtp.wire.Mailbox;
import io.tenmail.smtp.wire.Replies;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.QuotaUsage;
import io.tenmail.storage.model.Resolution;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which recipients a transaction may have (RCPT TO). Never an open relay:
 * <ul>
 *   <li>A domain that is not ours is relay, refused with 550 5.7.1 unless the client authenticated.
 *   <li>An unknown user in one of our domains gets 550 5.1.1 at once, so senders learn of typos
 *       and no bounce is ever sent to a forged sender (backscatter).
 *   <li>The classic open-relay tests are refused from unauthenticated clients before any look-up,
 *       and for our own domains from anyone: the percent hack ({@code u%other@us}), bang paths
 *       ({@code other!u@us}), quoted local parts holding an address ({@code "u@other"@us}),
 *       source routes ({@code <@us:u@other>}) and address literals ({@code u@[192.0.2.1]}).
 *   <li>A group whose sending policy does not admit the sender refuses with 550 5.7.1
 *       ({@link Directory#mayPost}); a bounce ({@code <>}) is judged as {@code MAILER-DAEMON@}
 *       this host, so only groups open to anyone take bounces.
 *   <li>A recipient that is one account already over its quota gets 452 4.2.2 (when the policy
 *       has the mailbox store).
 *   <li>{@code <Postmaster>} (RFC 5321 §4.5.1) is always accepted, as is postmaster at each of
 *       our domains, which goes to the configured postmaster when no such mailbox exists.
 * </ul>
 */
public final class RecipientPolicy {

    private final Directory directory;
    private final Optional<MailboxStore> mailboxes;

    /** Without quota checks at RCPT (over-quota mail is then refused at delivery, by a DSN). */
    public RecipientPolicy(Directory directory) {
        this(directory, Optional.empty());
    }

    /** With {@code mailboxes}, a recipient that is one account already over its quota gets 452 4.2.2. */
    public RecipientPolicy(Directory directory, Optional<MailboxStore> mailboxes) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.mailboxes = Objects.requireNonNull(mailboxes, "mailboxes");
    }

    /** The address to record for this recipient, or why RCPT is refused. */
    public Verdict<EmailAddress> check(SmtpSession session, ForwardPath path) throws StoreException {
        EmailAddress postmaster = session.settings().postmaster();
        if (path.isBarePostmaster()) return Verdict.accept(postmaster);
        Mailbox mailbox = path.mailbox().orElseThrow();
        boolean relay = session.mayRelay();
        Set<Mailbox.RelayTrick> tricks = mailbox.relayTricks();
        boolean tricky = !tricks.isEmpty() || path.hadSourceRoute();
        if (!relay && tricky) return Verdict.refuse(Replies.RELAY_DENIED, "relay trick " + describe(tricks, path) + " in " + path);
        if (mailbox.isAddressLiteral()) {
            return relay
                    ? Verdict.refuse(Replies.RECIPIENT_NOT_SUPPORTED, "address literal " + path)
                    : Verdict.refuse(Replies.RELAY_DENIED, "address literal " + path);
        }
        Optional<EmailAddress> address = Addresses.of(mailbox);
        if (address.isEmpty()) return Verdict.refuse(Replies.RECIPIENT_NOT_SUPPORTED, "recipient form not supported: " + path);
        Resolution resolution = directory.resolve(address.get());
        return switch (resolution.kind()) {
            case NOT_LOCAL -> relay
                    ? Verdict.accept(address.get())
                    : Verdict.refuse(Replies.RELAY_DENIED, "relay to " + address.get().domain() + " from an unauthenticated client");
            case UNKNOWN_LOCAL, LOCAL -> {
                if (tricky) {
                    yield Verdict.refuse(Replies.RELAY_DENIED, "relay trick " + describe(tricks, path) + " for a local domain in " + path);
                }
                if (resolution.kind() == Resolution.Kind.LOCAL) yield local(session, address.get(), resolution);
                yield mailbox.isPostmaster()
                        ? Verdict.accept(postmaster)
                        : Verdict.refuse(Replies.NO_SUCH_USER, "unknown local recipient " + address.get());
            }
        };
    }

    private Verdict<EmailAddress> local(SmtpSession session, EmailAddress address, Resolution resolution) throws StoreException {
        EmailAddress poster = session.envelope().sender()
                .orElseGet(() -> new EmailAddress("MAILER-DAEMON", session.settings().hostname()));
        for (GroupId group : resolution.groups()) {
            if (!directory.mayPost(group, poster)) {
                return Verdict.refuse(Replies.POLICY_REJECTED, poster + " may not post to group " + group.value() + " (via " + address + ")");
            }
        }
        if (overQuota(resolution)) {
            return Verdict.refuse(Replies.MAILBOX_FULL, "mailbox of " + address + " is over its quota");
        }
        return Verdict.accept(address);
    }

    /**
     * Whether the recipient is a single account that is already at or over its quota (RFC 5321
     * §4.5.3.1.10 lets the client try again later: 452 4.2.2). Groups and aliases with several
     * targets are accepted: the members with room get the mail, the others a DSN.
     */
    private boolean overQuota(Resolution resolution) throws StoreException {
        if (mailboxes.isEmpty() || resolution.accounts().size() != 1 || !resolution.external().isEmpty()) return false;
        QuotaUsage usage = mailboxes.get().recentQuota(resolution.accounts().iterator().next());   // advisory: delivery enforces the quota
        return usage.limitBytes() > 0 && usage.usedBytes() >= usage.limitBytes();
    }

    private static String describe(Set<Mailbox.RelayTrick> tricks, ForwardPath path) {
        if (tricks.isEmpty()) return "SOURCE_ROUTE";
        return tricks.toString() + (path.hadSourceRoute() ? "+SOURCE_ROUTE" : "");
    }
}
