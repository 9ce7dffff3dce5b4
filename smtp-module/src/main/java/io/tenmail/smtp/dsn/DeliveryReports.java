package io.tenmail.smtp.dsn;

import jakarta.mail.MessagingException;
import org.apache.mailet.Mail;

import java.util.List;

/**
 * Sends RFC 3464 delivery status notifications about a mail to its envelope sender. The report is
 * itself queued (null reverse path) before the method returns, so it survives a crash like any
 * accepted mail. No report is sent for a mail with the null reverse path, nor for recipients
 * whose RFC 3461 NOTIFY excludes it (NEVER, or no FAILURE / DELAY); the DSN's ENVID, RET and
 * ORCPT come from {@link Mail#dsnParameters()}.
 */
public interface DeliveryReports {

    /** Reports recipients that failed permanently (Action: failed). */
    void failed(Mail mail, List<DeliveryFailure> failures) throws MessagingException;

    /** Reports recipients whose delivery is still being retried (Action: delayed). */
    void delayed(Mail mail, List<DeliveryFailure> pending) throws MessagingException;
}
