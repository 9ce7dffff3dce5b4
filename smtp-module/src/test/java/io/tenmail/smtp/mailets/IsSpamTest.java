package io.tenmail.smtp.mailets;

import io.tenmail.smtp.MailAttributes;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsSpamTest {

    static IsSpam matcher(String condition) throws Exception {
        IsSpam m = new IsSpam();
        FakeMatcherConfig.Builder config = FakeMatcherConfig.builder().matcherName("IsSpam");
        if (condition != null) config.condition(condition);
        m.init(config.build());
        return m;
    }

    static FakeMail mail(String attribute, String value) throws Exception {
        FakeMail.Builder b = FakeMail.builder().name("m").recipients("a@x.test", "b@x.test");
        if (attribute != null) b.attribute(new org.apache.mailet.Attribute(org.apache.mailet.AttributeName.of(attribute),
                org.apache.mailet.AttributeValue.of(value)));
        return b.build();
    }

    @Test
    void theSpamVerdictMatchesEveryRecipient() throws Exception {
        assertThat(matcher(null).match(mail(MailAttributes.SPAM_VERDICT, "spam"))).hasSize(2);
        assertThat(matcher(null).match(mail(MailAttributes.SPAM_VERDICT, "ham"))).isEmpty();
        assertThat(matcher(null).match(mail(null, null))).isEmpty();
    }

    @Test
    void aScoreAtOrAboveTheConditionMatches() throws Exception {
        assertThat(matcher("5.0").match(mail(MailAttributes.SPAM_SCORE, "5"))).hasSize(2);
        assertThat(matcher("5.0").match(mail(MailAttributes.SPAM_SCORE, "4.9"))).isEmpty();
        assertThat(matcher("5.0").match(mail(MailAttributes.SPAM_SCORE, "garbage"))).isEmpty();
    }

    @Test
    void aConditionThatIsNoNumberFailsInit() {
        assertThatThrownBy(() -> matcher("lots")).hasMessageContaining("IsSpam");
    }
}
