package io.tenmail.smtp.mailet.testmailets;

import io.tenmail.smtp.MailAttributes;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * For benchmarks over loopback: makes the mail look as if its client had been {@code address}
 * greeting as {@code helo}, so the spam checks judge it (a loopback client is trusted and skipped).
 */
public class PretendClient extends GenericMailet {
    private String address;
    private String helo;

    @Override
    public void init() {
        address = getInitParameter("address", "192.0.2.10");
        helo = getInitParameter("helo", "mx.sender.test");
    }

    @Override
    public void service(Mail mail) {
        mail.setAttribute(new Attribute(AttributeName.of(MailAttributes.CLIENT_ADDRESS), AttributeValue.of(address)));
        mail.setAttribute(new Attribute(AttributeName.of(MailAttributes.HELO), AttributeValue.of(helo)));
    }
}
