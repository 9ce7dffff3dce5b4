package io.tenmail.smtp.spam;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The running spam score of a mail (STYLE.md §5): checks add a named symbol and its points; the
 * IsSpam matcher reads the total. Both live in string attributes so that they survive the queue:
 * {@code tenmail.spam.score} ("6.5") and {@code tenmail.spam.symbols} ("SPF_FAIL=3,GTUBE=1000").
 * The names equal {@code io.tenmail.smtp.MailAttributes.SPAM_SCORE}/{@code SPAM_SYMBOLS}.
 */
public final class SpamScore {
    public static final String SCORE = "tenmail.spam.score";
    public static final String SYMBOLS = "tenmail.spam.symbols";

    private SpamScore() {
    }

    /** Adds {@code points} under {@code symbol}; a mailet runs one mail at a time, so no lock is needed. */
    public static void add(Mail mail, String symbol, double points) {
        BigDecimal total = score(mail).add(BigDecimal.valueOf(points));
        mail.setAttribute(new Attribute(AttributeName.of(SCORE), AttributeValue.of(total.stripTrailingZeros().toPlainString())));
        String entry = symbol + "=" + BigDecimal.valueOf(points).stripTrailingZeros().toPlainString();
        String symbols = string(mail, SYMBOLS).filter(s -> !s.isEmpty()).map(s -> s + "," + entry).orElse(entry);
        mail.setAttribute(new Attribute(AttributeName.of(SYMBOLS), AttributeValue.of(symbols)));
    }

    /** The total so far; 0 when no check added anything (or the attribute is unreadable). */
    public static BigDecimal score(Mail mail) {
        try {
            return string(mail, SCORE).map(BigDecimal::new).orElse(BigDecimal.ZERO);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    /** The symbols so far, "" when none. */
    public static String symbols(Mail mail) {
        return string(mail, SYMBOLS).orElse("");
    }

    static Optional<String> string(Mail mail, String name) {
        return mail.getAttribute(AttributeName.of(name)).map(a -> {
            Object v = a.getValue().value();
            return v instanceof String s ? s : String.valueOf(v);
        });
    }

    static void set(Mail mail, String name, String value) {
        mail.setAttribute(new Attribute(AttributeName.of(name), AttributeValue.of(value)));
    }
}
