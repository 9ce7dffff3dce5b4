package io.tenmail.smtp.mailet.testmailets;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** Stands in for remote delivery in tests: records each mail and its recipients, then ends it. */
public class Outbox extends GenericMailet {
    private final Recorder recorder;

    @Inject
    public Outbox(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            mail.getMessage().writeTo(bytes);
        } catch (IOException e) {
            throw new MessagingException("cannot read", e);
        }
        recorder.sent(new Recorder.Sent(mail.getMaybeSender().asString(), mail.getRecipients().stream().map(r -> r.asString()).toList(),
                bytes.toByteArray()));
        mail.setRecipients(List.of());
    }
}
