package io.tenmail.smtp.mailet.testmailets;

import io.tenmail.smtp.mailet.QueueAttributes;
import jakarta.inject.Inject;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import java.util.concurrent.CopyOnWriteArrayList;

/** Records the attempts attribute the container set, under the mail's queue entry. */
public class RecordAttempts extends GenericMailet {
    private final Recorder recorder;

    @Inject
    public RecordAttempts(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void service(Mail mail) {
        Object entry = mail.getAttribute(AttributeName.of(QueueAttributes.ENTRY)).<Object>map(a -> a.getValue().value()).orElse("?");
        Object attempts = mail.getAttribute(AttributeName.of(QueueAttributes.ATTEMPTS)).<Object>map(a -> a.getValue().value()).orElse(-1);
        recorder.attempts.computeIfAbsent(String.valueOf(entry), k -> new CopyOnWriteArrayList<>()).add((Integer) attempts);
    }
}
