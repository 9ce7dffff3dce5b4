package io.tenmail.smtp.mailets;

import io.tenmail.smtp.mailet.QueueAttributes;
import jakarta.mail.MessagingException;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import java.util.Optional;

/**
 * Keeps the mail in the error repository ({@code MailQueue.moveToError}), where an administrator
 * lists, retries or deletes it through the admin API. The reason recorded is the mail's error
 * message (set when a mailet failed), else the init parameter {@code reason}. The container parks
 * the queue entry once the mailet returns (QueueAttributes.PARK).
 */
public class ToErrorRepository extends GenericMailet {
    private String reason;

    @Override
    public void init() throws MessagingException {
        reason = Optional.ofNullable(getInitParameter("reason")).filter(r -> !r.isBlank()).orElse("sent to the error repository");
    }

    @Override
    public void service(Mail mail) {
        String why = Optional.ofNullable(mail.getErrorMessage()).filter(m -> !m.isBlank()).orElse(reason);
        mail.setAttribute(new Attribute(AttributeName.of(QueueAttributes.PARK), AttributeValue.of(why)));
    }

    @Override
    public String getMailetInfo() {
        return "ToErrorRepository: park the mail for an administrator";
    }
}
