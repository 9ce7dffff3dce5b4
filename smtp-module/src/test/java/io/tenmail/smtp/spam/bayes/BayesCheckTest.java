package io.tenmail.smtp.spam.bayes;

import io.tenmail.smtp.spam.SpamScore;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Training through the API, kept in files, used by the mailet. */
class BayesCheckTest {
    private static final long TENANT = 7;


    private static MimeMessage message(String subject, String body) throws Exception {
        String raw = "From: x@sender.example\r\nTo: bob@tenmail.test\r\nSubject: " + subject + "\r\n\r\n" + body + "\r\n";
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static FakeMail mail(MimeMessage message) throws Exception {
        return FakeMail.builder().name("B1").sender("x@sender.example").recipient("bob@tenmail.test").mimeMessage(message).build();
    }

    private void trainCorpus(BayesTraining training) throws Exception {
        for (int i = 0; i < 12; i++) {
            training.markedSpam(TENANT, message("Winner lottery prize " + i, "Click now to claim your casino bitcoin prize, winner!"));
            training.markedHam(TENANT, message("Project meeting " + i, "Agenda for the budget review with the team; minutes attached."));
        }
    }

    private BayesCheck check(TokenStatistics statistics) throws Exception {
        BayesCheck check = new BayesCheck(statistics, m -> OptionalLong.of(TENANT));
        check.init(FakeMailetConfig.builder().mailetName("BayesCheck").mailetContext(FakeMailContext.defaultContext())
                .setProperty("minimumTraining", "10").build());
        return check;
    }

    @Test
    void trainedSpamScoresAndTrainedHamLowersTheScore() throws Exception {
        InMemoryTokenStatistics statistics = new InMemoryTokenStatistics();
        trainCorpus(new BayesTraining(statistics));
        BayesCheck check = check(statistics);
        FakeMail spam = mail(message("You are a winner", "Claim your lottery prize now, click!"));
        check.service(spam);
        assertThat(SpamScore.symbols(spam)).startsWith("BAYES_SPAM=");
        assertThat(SpamScore.score(spam).doubleValue()).isGreaterThan(4.0);
        FakeMail ham = mail(message("Budget meeting", "The agenda of the project review for the team."));
        check.service(ham);
        assertThat(SpamScore.symbols(ham)).startsWith("BAYES_HAM=");
        assertThat(SpamScore.score(ham).doubleValue()).isBetween(-2.0, -1.0);
    }

    @Test
    void tooLittleTrainingGivesNoVerdict() throws Exception {
        InMemoryTokenStatistics statistics = new InMemoryTokenStatistics();
        new BayesTraining(statistics).markedSpam(TENANT, message("winner", "prize"));
        FakeMail mail = mail(message("winner", "prize"));
        check(statistics).service(mail);
        assertThat(SpamScore.symbols(mail)).isEmpty();
    }

    @Test
    void theMessageOfATenantWithTooLittleTrainingIsNotEvenRead() throws Exception {
        FakeMail withoutMessage = FakeMail.builder().name("not parsed").build();   // reading it would throw
        check(new InMemoryTokenStatistics()).service(withoutMessage);
        assertThat(SpamScore.symbols(withoutMessage)).isEmpty();
    }

    @Test
    void aMessageRescuedFromJunkMovesItsCountsFromSpamToHam() throws Exception {
        InMemoryTokenStatistics statistics = new InMemoryTokenStatistics();
        BayesTraining training = new BayesTraining(statistics);
        MimeMessage newsletter = message("Monthly newsletter", "Our offers this month");
        training.markedSpam(TENANT, newsletter);
        training.rescuedFromJunk(TENANT, newsletter, true);
        assertThat(statistics.messages(TENANT)).isEqualTo(new TokenCounts(0, 1));
        assertThat(statistics.counts(TENANT, Set.of("offers"))).containsEntry("offers", new TokenCounts(0, 1));
    }
}
