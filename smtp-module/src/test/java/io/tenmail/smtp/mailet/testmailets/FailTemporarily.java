package io.tenmail.smtp.mailet.testmailets;

import io.tenmail.smtp.mailet.TemporaryFailure;
import io.tenmail.storage.StoreException;
import jakarta.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/** Fails as a mailet does when the database is down: with a TEMPORARY store failure. */
public class FailTemporarily extends GenericMailet {
    @Override
    public void service(Mail mail) throws MessagingException {
        throw new TemporaryFailure("the database is down (test)",
                new StoreException(StoreException.Reason.TEMPORARY, "connection refused"));
    }
}
