package io.tenmail.smtp.spam.bayes;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The training API of the classifier: what a user's action means. A message the user moved into
 * Junk is spam ({@link #markedSpam}); one moved out of Junk is ham, and if our filter had filed it
 * there because of earlier training, that training is reversed first ({@link #rescuedFromJunk}).
 * Callers: the IMAP MOVE/COPY into or out of Junk (the store's change events do not tell a user's
 * move from a delivery, so the IMAP side must call this), and the admin API. Thread-safe.
 */
public final class BayesTraining {
    private final TokenStatistics statistics;

    public BayesTraining(TokenStatistics statistics) {
        this.statistics = statistics;
    }

    /** The user says this is spam. */
    public void markedSpam(long tenant, MimeMessage message) throws MessagingException {
        statistics.train(tenant, Tokenizer.tokens(message), true);
    }

    /** The user says this is not spam. */
    public void markedHam(long tenant, MimeMessage message) throws MessagingException {
        statistics.train(tenant, Tokenizer.tokens(message), false);
    }

    /**
     * The user moved a message out of Junk: it is ham; {@code wasTrainedAsSpam} when it had been
     * trained as spam before (the user had moved it into Junk), whose counts are taken back.
     */
    public void rescuedFromJunk(long tenant, MimeMessage message, boolean wasTrainedAsSpam) throws MessagingException {
        var tokens = Tokenizer.tokens(message);
        if (wasTrainedAsSpam) statistics.untrain(tenant, tokens, true);
        statistics.train(tenant, tokens, false);
    }
}
