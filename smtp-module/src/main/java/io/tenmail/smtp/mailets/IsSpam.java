package io.tenmail.smtp.mailets;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.mailet.QueueMails;
import jakarta.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one matcher that decides spam (STYLE.md §5): all recipients when the verdict attribute
 * ({@link MailAttributes#SPAM_VERDICT}) is "spam", or, with a condition ({@code IsSpam=5.0}),
 * when the score the checks added up ({@link MailAttributes#SPAM_SCORE}) reaches it.
 */
public class IsSpam extends GenericMatcher {
    private Optional<Double> threshold = Optional.empty();

    @Override
    public void init() throws MessagingException {
        String condition = getCondition();
        if (condition == null || condition.isBlank()) return;
        try {
            threshold = Optional.of(Double.parseDouble(condition.trim()));
        } catch (NumberFormatException e) {
            throw new MessagingException("the condition of IsSpam is a score such as 5.0, was \"" + condition + "\"");
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        boolean spam = QueueMails.stringAttribute(mail, MailAttributes.SPAM_VERDICT).map(MailAttributes.SPAM_VERDICT_SPAM::equals).orElse(false)
                || threshold.isPresent() && score(mail).map(s -> s >= threshold.get()).orElse(false);
        return spam ? List.copyOf(mail.getRecipients()) : List.of();
    }

    private static Optional<Double> score(Mail mail) {
        try {
            return QueueMails.stringAttribute(mail, MailAttributes.SPAM_SCORE).map(Double::parseDouble);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
