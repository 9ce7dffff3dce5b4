package io.tenmail.smtp.spam;

import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.tenmail.smtp.spam.TestMails.MESSAGE;
import static io.tenmail.smtp.spam.TestMails.mail;
import static org.assertj.core.api.Assertions.assertThat;

class GtubeCheckTest {
    private static final String GTUBE = new String(GtubeCheck.GTUBE, StandardCharsets.US_ASCII);

    private static FakeMail checked(String message, Map<String, String> parameters) throws Exception {
        GtubeCheck check = new GtubeCheck();
        check.init(TestMails.config("GtubeCheck", parameters));
        FakeMail mail = mail("a@example.test", "192.0.2.1", "h.example.test", message);
        check.service(mail);
        return mail;
    }

    @Test
    void theTestStringInTheBodyScoresAsSpam() throws Exception {
        FakeMail mail = checked(MESSAGE + "\r\n" + GTUBE + "\r\n", Map.of());
        assertThat(SpamScore.symbols(mail)).isEqualTo("GTUBE=1000");
    }

    @Test
    void anOrdinaryMessageScoresNothing() throws Exception {
        assertThat(SpamScore.symbols(checked(MESSAGE, Map.of()))).isEmpty();
    }

    @Test
    void theScoreIsAParameter() throws Exception {
        assertThat(SpamScore.score(checked(MESSAGE + GTUBE + "\r\n", Map.of("score", "50")))).isEqualByComparingTo("50");
    }

    @Test
    void aBadScoreParameterFailsStartUpNamingIt() {
        GtubeCheck check = new GtubeCheck();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check.init(TestMails.config("GtubeCheck", Map.of("score", "high"))))
                .hasMessageContaining("score");
    }

    @Test
    void theSearchFindsTheStringAcrossBufferBoundariesAndAfterFalseStarts() throws Exception {
        byte[] pattern = "abcabd".getBytes(StandardCharsets.US_ASCII);
        String text = "x".repeat(8190) + "abcabcabd";
        assertThat(GtubeCheck.contains(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), pattern)).isTrue();
        assertThat(GtubeCheck.contains(new ByteArrayInputStream("abcab".getBytes(StandardCharsets.US_ASCII)), pattern)).isFalse();
    }
}
