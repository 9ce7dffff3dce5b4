package io.tenmail.smtp.spam.bayes;

import io.tenmail.smtp.spam.MessageBytes;
import io.tenmail.storage.BayesTokens;
import io.tenmail.storage.Directory;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.EmailAddress;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The statistical content check: the message's features ({@link Tokenizer}) judged by the
 * {@link BayesClassifier} against the training of the tenant of the mail's first local recipient.
 * An indicator I at or above 0.8 adds {@code BAYES_SPAM} with (I − 0.5) × 2 × {@code spamScore}
 * points (init parameter, default 5); at or below 0.2, {@code BAYES_HAM} with (0.5 − I) × 2 ×
 * {@code hamScore} negative points (default 2, so that statistics alone never hide an
 * authentication failure). Nothing while the tenant has trained fewer than {@code minimumTraining}
 * messages of each kind (default 50). Authenticated mail is not judged. The training is the
 * database's by default ({@link DatabaseTokenStatistics}, trained by {@link JunkTraining}). Thread-safe.
 */
public class BayesCheck extends GenericMailet {
    private static final Logger log = LoggerFactory.getLogger(BayesCheck.class);

    private final TokenStatistics statistics;
    private final Function<Mail, OptionalLong> tenantOf;
    private BayesClassifier classifier;
    private double spamScore;
    private double hamScore;

    /** The training in the database ({@link DatabaseTokenStatistics}), filled by {@link JunkTraining}. */
    @Inject
    public BayesCheck(Directory directory, BayesTokens tokens) {
        this(new DatabaseTokenStatistics(tokens), mail -> firstLocalTenant(directory, mail));
    }

    /** For tests and embedding: explicit statistics and how to find a mail's tenant. */
    public BayesCheck(TokenStatistics statistics, Function<Mail, OptionalLong> tenantOf) {
        this.statistics = statistics;
        this.tenantOf = tenantOf;
    }

    @Override
    public void init() throws MessagingException {
        spamScore = parameter("spamScore", 5.0);
        hamScore = parameter("hamScore", 2.0);
        double minimum = parameter("minimumTraining", 50);
        classifier = new BayesClassifier(statistics, (long) minimum);
    }

    private double parameter(String name, double defaultValue) throws MessagingException {
        String raw = getInitParameter(name);
        if (raw == null || raw.isBlank()) return defaultValue;
        try {
            double v = Double.parseDouble(raw.trim());
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new MessagingException("BayesCheck: " + name + " must be a number of at least 0, was \"" + raw + "\"");
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (mail.getAttribute(AttributeName.of("tenmail.smtp.auth-user")).isPresent()) return;
        OptionalLong tenant = tenantOf.apply(mail);
        if (tenant.isEmpty()) return;
        // the training first: the message of an untrained tenant is not even parsed
        Optional<TokenCounts> training = classifier.training(tenant.getAsLong());
        if (training.isEmpty()) return;
        double i = classifier.indicator(tenant.getAsLong(), training.get(), Tokenizer.tokens(MessageBytes.forReading(mail)));
        log.debug("bayes={} tenant={}", i, tenant.getAsLong());
        if (i >= 0.8) io.tenmail.smtp.spam.SpamScore.add(mail, "BAYES_SPAM", round((i - 0.5) * 2 * spamScore));
        else if (i <= 0.2) io.tenmail.smtp.spam.SpamScore.add(mail, "BAYES_HAM", -round((0.5 - i) * 2 * hamScore));
    }

    private static double round(double points) {
        return BigDecimal.valueOf(points).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static OptionalLong firstLocalTenant(Directory directory, Mail mail) {
        for (MailAddress recipient : mail.getRecipients()) {
            try {
                Optional<io.tenmail.storage.model.Account> account = directory.findAccount(new EmailAddress(recipient.getLocalPart(), recipient.getDomain().asString()));
                if (account.isPresent()) return OptionalLong.of(account.get().tenant().value());
            } catch (StoreException | IllegalArgumentException e) {
                log.debug("no tenant for {}: {}", recipient, e.getMessage());
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public String getMailetInfo() {
        return "Bayesian content score";
    }
}
