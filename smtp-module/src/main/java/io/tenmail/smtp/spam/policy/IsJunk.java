package io.tenmail.smtp.spam.policy;

import io.tenmail.smtp.spam.AuthAttributes;
import io.tenmail.smtp.spam.SpamScore;
import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.model.SpamListEntry;
import jakarta.inject.Inject;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The recipients whose copy goes to Junk: those whose lists block the sender, and those whose
 * lists do not allow it when the mail's score reaches their domain's junk threshold. Allowed
 * senders never go to Junk. Mail from a trusted client (authenticated, loopback) matches nothing.
 * The per-domain successor of {@code IsSpam=<threshold>}.
 */
public class IsJunk extends GenericMatcher {
    private final Recipients recipients;

    @Inject
    public IsJunk(SpamPolicies policies) {
        this.recipients = new Recipients(policies);
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        if (AuthAttributes.trusted(mail)) return List.of();
        BigDecimal score = SpamScore.score(mail);
        return mail.getRecipients().stream().filter(r -> junk(r, mail, score)).toList();
    }

    private boolean junk(MailAddress recipient, Mail mail, BigDecimal score) {
        Optional<SpamListEntry.Kind> listed = recipients.listed(recipient, mail);
        if (listed.isPresent()) return listed.get() == SpamListEntry.Kind.BLOCK;
        return score.compareTo(BigDecimal.valueOf(recipients.policy(recipient).junkThreshold())) >= 0;
    }

    @Override
    public String getMatcherInfo() {
        return "recipients whose domain's junk threshold the spam score reaches, or who block the sender";
    }
}
