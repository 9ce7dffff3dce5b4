package io.tenmail.smtp.spam.policy;

import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.model.SpamCheck;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * {@code match="SpamCheckEnabled=spf"}: the recipients whose domain's spam policy has that check
 * on (spf, dkim, dmarc, dnsbl, helo, bayes, greylisting; see SpamPolicy). In the "smtp-data"
 * processor a step runs when any recipient matches (the screen does not split a message: a check
 * runs if any recipient's domain has it on); in other processors the mail is split as usual.
 */
public class SpamCheckEnabled extends GenericMatcher {
    private final Recipients recipients;
    private SpamCheck check;

    @Inject
    public SpamCheckEnabled(SpamPolicies policies) {
        this.recipients = new Recipients(policies);
    }

    @Override
    public void init() throws MessagingException {
        String condition = getCondition();
        check = SpamCheck.ofKey(condition).orElseThrow(() -> new MessagingException("SpamCheckEnabled needs one of "
                + Arrays.stream(SpamCheck.values()).map(SpamCheck::key).collect(Collectors.joining(", ")) + ", not \"" + condition + "\""));
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        return mail.getRecipients().stream().filter(r -> recipients.policy(r).enables(check)).toList();
    }

    @Override
    public String getMatcherInfo() {
        return "recipients whose domain has a spam check on";
    }
}
