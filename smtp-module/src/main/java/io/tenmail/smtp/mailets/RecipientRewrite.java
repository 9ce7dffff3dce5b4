package io.tenmail.smtp.mailets;

import io.tenmail.smtp.dsn.DeliveryFailure;
import io.tenmail.smtp.dsn.DeliveryReports;
import io.tenmail.smtp.mailet.MailAddresses;
import io.tenmail.storage.Directory;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.Resolution;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites the recipients through the directory ({@link Directory#resolve}): domain aliases,
 * aliases, groups and catch-all become the accounts' own addresses, and external targets stay as
 * remote recipients. Each account appears once across all recipients, so a group mail reaches a
 * member once even when the member is also a direct recipient or in two of the groups.
 *
 * <p>A group whose sending policy refuses the sender ({@link Directory#mayPost}; the null sender
 * posts as MAILER-DAEMON) and an address that no longer leads anywhere are reported as failed
 * (550 5.7.1, 550 5.1.1) through {@link DeliveryReports}. Other recipients are untouched, so the
 * mailet is idempotent. Expanded recipients keep their original's NOTIFY, and their ORCPT names
 * the original (RFC 3461 §4.2) unless the client gave one.
 */
public class RecipientRewrite extends GenericMailet {
    private final Directory directory;
    private final DeliveryReports reports;

    @Inject
    public RecipientRewrite(Directory directory, DeliveryReports reports) {
        this.directory = directory;
        this.reports = reports;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Map<String, MailAddress> rewritten = new LinkedHashMap<>();
        Map<MailAddress, DsnParameters.RecipientDsnParameters> dsn = new HashMap<>();
        Set<AccountId> accounts = new HashSet<>();
        List<DeliveryFailure> failures = new ArrayList<>();
        Optional<DsnParameters> given = mail.dsnParameters();
        for (MailAddress recipient : mail.getRecipients()) {
            Resolution resolution = resolve(recipient);
            List<MailAddress> targets = new ArrayList<>();
            switch (resolution.kind()) {
                case NOT_LOCAL -> targets.add(recipient);
                case UNKNOWN_LOCAL -> failures.add(new DeliveryFailure(recipient,
                        "550 5.1.1 <" + recipient.asString() + ">: no such mailbox here", Optional.empty()));
                case LOCAL -> {
                    Optional<GroupId> refused = refusingGroup(mail, resolution);
                    if (refused.isPresent()) {
                        failures.add(new DeliveryFailure(recipient, "550 5.7.1 <" + recipient.asString()
                                + ">: the sender may not post to this group", Optional.empty()));
                        continue;
                    }
                    for (AccountId id : resolution.accounts()) {
                        if (accounts.add(id)) account(id).ifPresent(a -> targets.add(MailAddresses.toMailAddress(a.address())));
                    }
                    resolution.external().forEach(e -> targets.add(MailAddresses.toMailAddress(e)));
                }
            }
            for (MailAddress target : targets) {
                if (rewritten.putIfAbsent(target.asString().toLowerCase(java.util.Locale.ROOT), target) == null) {
                    carryDsn(given, recipient, target).ifPresent(p -> dsn.put(target, p));
                }
            }
        }
        if (!failures.isEmpty()) reports.failed(mail, failures);
        mail.setRecipients(List.copyOf(rewritten.values()));
        DsnParameters.of(given.flatMap(DsnParameters::getEnvIdParameter), given.flatMap(DsnParameters::getRetParameter),
                com.google.common.collect.ImmutableMap.copyOf(dsn)).ifPresent(mail::setDsnParameters);
    }

    private Resolution resolve(MailAddress recipient) throws MessagingException {
        try {
            return directory.resolve(MailAddresses.toEmailAddress(recipient));
        } catch (StoreException e) {
            throw StoreFailures.of("cannot resolve " + recipient.asString(), e);
        }
    }

    private Optional<Account> account(AccountId id) throws MessagingException {
        try {
            return directory.findAccount(id);
        } catch (StoreException e) {
            throw StoreFailures.of("cannot look up account " + id.value(), e);
        }
    }

    private Optional<GroupId> refusingGroup(Mail mail, Resolution resolution) throws MessagingException {
        EmailAddress poster = mail.getMaybeSender().asOptional().map(MailAddresses::toEmailAddress)
                .orElseGet(() -> MailAddresses.toEmailAddress(postmasterDaemon()));
        for (GroupId group : resolution.groups()) {
            try {
                if (!directory.mayPost(group, poster)) return Optional.of(group);
            } catch (StoreException e) {
                throw StoreFailures.of("cannot check the sending policy of group " + group.value(), e);
            }
        }
        return Optional.empty();
    }

    private MailAddress postmasterDaemon() {
        MailAddress postmaster = getMailetContext().getPostmaster();
        try {
            return new MailAddress("MAILER-DAEMON", postmaster.getDomain().asString());
        } catch (jakarta.mail.internet.AddressException e) {
            return postmaster;
        }
    }

    /** The original's NOTIFY, and an ORCPT naming the original when the client gave none. */
    private static Optional<DsnParameters.RecipientDsnParameters> carryDsn(Optional<DsnParameters> given, MailAddress original,
                                                                           MailAddress target) {
        Optional<DsnParameters.RecipientDsnParameters> p = given.map(d -> d.getRcptParameters().get(original));
        var notify = p.flatMap(DsnParameters.RecipientDsnParameters::getNotifyParameter);
        var orcpt = p.flatMap(DsnParameters.RecipientDsnParameters::getOrcptParameter)
                .or(() -> original.equals(target) ? Optional.empty() : Optional.of(original));
        return DsnParameters.RecipientDsnParameters.of(notify, orcpt);
    }

    @Override
    public String getMailetInfo() {
        return "RecipientRewrite: aliases, groups, domain aliases and catch-all through the directory";
    }
}
