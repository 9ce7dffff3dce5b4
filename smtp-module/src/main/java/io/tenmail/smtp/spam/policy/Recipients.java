package io.tenmail.smtp.spam.policy;

import io.tenmail.smtp.mailet.PassMemo;
import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamLists;
import io.tenmail.storage.model.SpamPolicy;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What the directory says about one recipient of a mail: its domain's policy and how its lists
 * judge the mail's sender. A store that cannot answer gives the default policy and no list
 * verdict (logged): the filters then act as they would without per-domain settings. Each is
 * looked up once per pass of a mail through the container ({@link PassMemo}).
 */
final class Recipients {
    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final SpamPolicies policies;

    Recipients(SpamPolicies policies) {
        this.policies = policies;
    }

    /** The policy of the recipient's domain, asked once per pass of a mail ({@link PassMemo}). */
    SpamPolicy policy(MailAddress recipient) {
        String domain = recipient.getDomain().asString();
        return PassMemo.remembered(new PolicyOf(domain), () -> lookUpPolicy(domain));
    }

    private SpamPolicy lookUpPolicy(String domain) {
        try {
            return policies.policyFor(domain);
        } catch (StoreException | RuntimeException e) {
            log.warn("cannot read the spam policy of {}; using the default: {}", domain, e.getMessage());
            return SpamPolicy.DEFAULT;
        }
    }

    /** Allow or block by the recipient's (and its tenant's) lists; empty for the null sender. */
    Optional<SpamListEntry.Kind> listed(MailAddress recipient, Mail mail) {
        Optional<String> sender = sender(mail);
        if (sender.isEmpty()) return Optional.empty();
        String address = recipient.asString();
        SpamLists lists = PassMemo.remembered(new ListsOf(address), () -> lookUpLists(address));
        try {
            return lists.verdictFor(sender.get());
        } catch (RuntimeException e) {
            log.warn("cannot judge {} by the allow and block lists of {}: {}", sender.get(), address, e.getMessage());
            return Optional.empty();
        }
    }

    private SpamLists lookUpLists(String address) {
        try {
            return policies.listsFor(address);
        } catch (StoreException | RuntimeException e) {
            log.warn("cannot read the allow and block lists of {}: {}", address, e.getMessage());
            return SpamLists.NONE;
        }
    }

    private record PolicyOf(String domain) {
    }

    private record ListsOf(String recipient) {
    }

    static Optional<String> sender(Mail mail) {
        return mail.getMaybeSender().asOptional().map(MailAddress::asString);
    }
}
