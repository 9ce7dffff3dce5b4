package io.tenmail.smtp.spam.policy;

import io.tenmail.smtp.mailet.DataRefusal;
import io.tenmail.smtp.spam.AuthAttributes;
import io.tenmail.smtp.spam.SpamScore;
import io.tenmail.storage.SpamPolicies;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamPolicy;
import jakarta.inject.Inject;
import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict before 250, last in the "smtp-data" processor (ADR 0015). Each recipient would
 * refuse the mail when its lists block the sender; when DMARC failed under {@code p=reject} and its
 * domain has the DMARC check on (even for an allowed sender: the allow list trusts a sender, not a
 * forgery of it); or — unless its lists allow the sender — when the score reaches its domain's
 * reject threshold. The mail is refused with {@code 550 5.7.1} only when every
 * recipient would refuse it: one recipient who wants it gets it (in Junk if the score says so,
 * by {@link IsJunk}), and the others' copies go to Junk too. Trusted clients are never refused.
 */
public class DataVerdict extends GenericMailet {
    private final Recipients recipients;

    /** Why one recipient would refuse, in the order the reply prefers them. */
    enum Reason { BLOCKED, DMARC, SPAM }

    @Inject
    public DataVerdict(SpamPolicies policies) {
        this.recipients = new Recipients(policies);
    }

    @Override
    public void service(Mail mail) {
        if (AuthAttributes.trusted(mail) || mail.getRecipients().isEmpty()) return;
        BigDecimal score = SpamScore.score(mail);
        boolean dmarcReject = "fail".equals(string(mail, AuthAttributes.DMARC_RESULT)) && "reject".equals(string(mail, AuthAttributes.DMARC_POLICY));
        List<Reason> reasons = new ArrayList<>();
        for (MailAddress r : mail.getRecipients()) {
            Optional<Reason> reason = reason(r, mail, score, dmarcReject);
            if (reason.isEmpty()) return;   // this recipient takes the mail
            reasons.add(reason.get());
        }
        Reason first = reasons.stream().min(Enum::compareTo).orElseThrow();
        switch (first) {
            case BLOCKED -> DataRefusal.refuse(mail, 550, "5.7.1", "Message refused: the sender is blocked by the recipient");
            case DMARC -> DataRefusal.refuse(mail, 550, "5.7.1", "Message refused by the DMARC reject policy of the From domain");
            case SPAM -> DataRefusal.refuse(mail, 550, "5.7.1", "Message refused as spam (score " + score.stripTrailingZeros().toPlainString() + ")");
        }
    }

    private Optional<Reason> reason(MailAddress recipient, Mail mail, BigDecimal score, boolean dmarcReject) {
        Optional<SpamListEntry.Kind> listed = recipients.listed(recipient, mail);
        if (listed.equals(Optional.of(SpamListEntry.Kind.BLOCK))) return Optional.of(Reason.BLOCKED);
        SpamPolicy policy = recipients.policy(recipient);
        // authentication, not content: an allow entry names a sender and cannot vouch for a forgery of it
        if (dmarcReject && policy.dmarc()) return Optional.of(Reason.DMARC);
        if (listed.isPresent()) return Optional.empty();
        if (score.compareTo(BigDecimal.valueOf(policy.rejectThreshold())) >= 0) return Optional.of(Reason.SPAM);
        return Optional.empty();
    }

    private static String string(Mail mail, String name) {
        return mail.getAttribute(AttributeName.of(name)).map(a -> String.valueOf(a.getValue().value())).orElse("");
    }

    @Override
    public String getMailetInfo() {
        return "spam verdict before 250: 550 5.7.1 above the reject threshold, on DMARC p=reject, for blocked senders";
    }
}
