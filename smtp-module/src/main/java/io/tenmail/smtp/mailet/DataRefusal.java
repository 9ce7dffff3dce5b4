package io.tenmail.smtp.mailet;

import io.tenmail.smtp.wire.Reply;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a mailet of the "smtp-data" processor refuses the message it screens (ADR 0015): it sets
 * the string attribute {@value #ATTRIBUTE} to the reply, {@code "550 5.7.1 text"} or {@code "451
 * 4.7.1 text"}; SMTP sends it instead of 250 and queues nothing. Only 4xx and 5xx replies with an
 * enhanced status code of the same class count; anything else is ignored.
 */
public final class DataRefusal {
    /** The attribute; the first mailet to set it wins, the screen stops there. */
    public static final String ATTRIBUTE = "tenmail.smtp.refusal";
    private static final Pattern REPLY = Pattern.compile("([45])([0-9]{2}) (\\1\\.[0-9]{1,3}\\.[0-9]{1,3}) (\\p{Print}{1,400})");

    private DataRefusal() {
    }

    /** Refuses the mail with this reply, unless an earlier mailet already did. */
    public static void refuse(Mail mail, int code, String enhancedCode, String text) {
        String value = code + " " + enhancedCode + " " + text;
        if (!REPLY.matcher(value).matches()) throw new IllegalArgumentException("not a 4xx/5xx refusal: " + value);
        if (of(mail).isPresent()) return;
        mail.setAttribute(new Attribute(AttributeName.of(ATTRIBUTE), AttributeValue.of(value)));
    }

    /** The refusal set on the mail, if any (and well-formed). */
    public static Optional<Reply> of(Mail mail) {
        return QueueMails.stringAttribute(mail, ATTRIBUTE).flatMap(DataRefusal::parse);
    }

    static Optional<Reply> parse(String value) {
        Matcher m = REPLY.matcher(value.strip());
        if (!m.matches()) return Optional.empty();
        return Optional.of(Reply.of(Integer.parseInt(m.group(1) + m.group(2)), m.group(3), m.group(4)));
    }
}
