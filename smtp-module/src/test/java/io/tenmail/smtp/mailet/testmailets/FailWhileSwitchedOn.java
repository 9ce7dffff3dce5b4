package io.tenmail.smtp.mailet.testmailets;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/** Throws while the recorder's switch is on (a broken mailet an administrator then fixes), else does nothing. */
public class FailWhileSwitchedOn extends GenericMailet {
    private final Recorder recorder;

    @Inject
    public FailWhileSwitchedOn(Recorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (recorder.failing.get()) throw new MessagingException("the test mailet is broken on purpose");
    }
}
