package io.tenmail.smtp.spam.policy;

import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamPolicy;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What the directory says about one recipient of a mail: its domain's policy and how its lists
 * judge the mail's sender. A store that cannot answer gives the default policy and no list
 * verdict (logged): the filters then act as they would without per-domain settings.
 */
final class Recipients {
    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final SpamPolicies policies;

    Recipients(SpamPolicies policies) {
        this.policies = policies;
    }

    SpamPolicy policy(MailAddress recipient) {
        try {
            return policies.policyFor(recipient.getDomain().asString());
        } catch (StoreException | RuntimeException e) {
            log.warn("cannot read the spam policy of {}; using the default: {}", recipient.getDomain().asString(), e.getMessage());
            return SpamPolicy.DEFAULT;
        }
    }

    /** Allow or block by the recipient's (and its tenant's) lists; empty for the null sender. */
    Optional<SpamListEntry.Kind> listed(MailAddress recipient, Mail mail) {
        Optional<String> sender = sender(mail);
        if (sender.isEmpty()) return Optional.empty();
        try {
            return policies.listsFor(recipient.asString()).verdictFor(sender.get());
        } catch (StoreException | RuntimeException e) {
            log.warn("cannot read the allow and block lists of {}: {}", recipient.asString(), e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<String> sender(Mail mail) {
        return mail.getMaybeSender().asOptional().map(MailAddress::asString);
    }
}
