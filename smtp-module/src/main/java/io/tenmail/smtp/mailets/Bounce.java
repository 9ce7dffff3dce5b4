package io.tenmail.smtp.mailets;

import io.tenmail.smtp.dsn.DeliveryFailure;
import io.tenmail.smtp.dsn.DeliveryReports;
import io.tenmail.smtp.dsn.DeliveryStatusReport;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import java.util.List;
import java.util.Optional;

/**
 * Reports every recipient of the mail as failed to its sender (an RFC 3464 DSN through
 * {@link DeliveryReports}, which never answers a mail with the null sender) and ends the mail.
 * The reason is the init parameter {@code status}, a reply such as
 * {@code 550 5.3.5 remote delivery not configured}; without it, the mail's error message under
 * {@code 550 5.0.0}.
 */
public class Bounce extends GenericMailet {
    private final DeliveryReports reports;
    private String status;

    @Inject
    public Bounce(DeliveryReports reports) {
        this.reports = reports;
    }

    @Override
    public void init() throws MessagingException {
        status = getInitParameter("status");
        if (status != null && !status.matches("^[45]\\d\\d .*")) {
            throw new MessagingException("status must be an SMTP reply such as \"550 5.3.5 text\", was \"" + status + "\"");
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        String reply = status != null ? status : "550 5.0.0 " + Optional.ofNullable(mail.getErrorMessage()).orElse("delivery failed");
        List<DeliveryFailure> failures = mail.getRecipients().stream().map(r -> new DeliveryFailure(r, reply, Optional.empty())).toList();
        if (!failures.isEmpty()) reports.failed(mail, failures);
        log("bounced " + mail.getName() + " (" + DeliveryStatusReport.status(reply) + ") for " + failures.size() + " recipient(s)");
        mail.setState(Mail.GHOST);
    }

    @Override
    public String getMailetInfo() {
        return "Bounce: a failure DSN to the sender for every recipient";
    }
}
