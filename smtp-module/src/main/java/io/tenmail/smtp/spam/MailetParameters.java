package io.tenmail.smtp.spam;

import jakarta.mail.MessagingException;
import org.apache.mailet.base.GenericMailet;

/** Reads and validates mailet init parameters, failing start-up with the parameter's name (STYLE.md §5). */
final class MailetParameters {
    private MailetParameters() {
    }

    static double score(GenericMailet mailet, String name, double defaultValue) throws MessagingException {
        String raw = mailet.getInitParameter(name);
        if (raw == null || raw.isBlank()) return defaultValue;
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new MessagingException(mailet.getClass().getSimpleName() + ": " + name + " must be a number such as 2.5, was \"" + raw + "\"");
        }
    }
}
