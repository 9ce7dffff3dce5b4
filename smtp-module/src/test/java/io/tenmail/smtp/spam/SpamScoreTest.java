package io.tenmail.smtp.spam;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpamScoreTest {

    @Test
    void pointsAddUpExactlyAndSymbolsKeepTheirOrder() throws Exception {
        FakeMail mail = FakeMail.builder().name("m").build();
        SpamScore.add(mail, "SPF_SOFTFAIL", 1.1);
        SpamScore.add(mail, "DKIM_FAIL", 2.2);
        assertThat(SpamScore.score(mail)).isEqualByComparingTo("3.3");
        assertThat(SpamScore.symbols(mail)).isEqualTo("SPF_SOFTFAIL=1.1,DKIM_FAIL=2.2");
    }

    @Test
    void negativePointsLowerTheScore() throws Exception {
        FakeMail mail = FakeMail.builder().name("m").build();
        SpamScore.add(mail, "ALLOWLISTED", -20);
        assertThat(SpamScore.score(mail)).isEqualByComparingTo("-20");
    }

    @Test
    void anUnreadableScoreCountsAsZero() throws Exception {
        FakeMail mail = FakeMail.builder().name("m").build();
        mail.setAttribute(new Attribute(AttributeName.of(SpamScore.SCORE), AttributeValue.of("lots")));
        assertThat(SpamScore.score(mail)).isZero();
    }
}
