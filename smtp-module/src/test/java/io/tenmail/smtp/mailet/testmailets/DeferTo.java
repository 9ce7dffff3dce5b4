package io.tenmail.smtp.mailet.testmailets;

import io.tenmail.smtp.mailet.QueueAttributes;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import java.time.Duration;
import java.time.Instant;

/** Defers the mail as RemoteDelivery does (MAILET-CONTRACT): resume in {@code processor} after {@code millis}. */
public class DeferTo extends GenericMailet {
    private String processor;
    private Duration delay;

    @Override
    public void init() {
        processor = getInitParameter("processor");
        delay = Duration.ofMillis(Long.parseLong(getInitParameter("millis", "1000")));
    }

    @Override
    public void service(Mail mail) {
        mail.setState(processor);
        mail.setAttribute(new Attribute(AttributeName.of(QueueAttributes.NEXT_ATTEMPT), AttributeValue.of(Instant.now().plus(delay).toString())));
        mail.setAttribute(new Attribute(AttributeName.of(QueueAttributes.LAST_ERROR), AttributeValue.of("421 4.4.2 test deferral")));
    }
}
