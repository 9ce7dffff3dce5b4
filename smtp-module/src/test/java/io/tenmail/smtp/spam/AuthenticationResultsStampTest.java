package io.tenmail.smtp.spam;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;

import static io.tenmail.smtp.spam.TestMails.MESSAGE;
import static io.tenmail.smtp.spam.TestMails.mail;
import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationResultsStampTest {

    private static FakeMail stamped(FakeMail mail) throws Exception {
        AuthenticationResultsStamp stamp = new AuthenticationResultsStamp("mx.tenmail.test");
        stamp.init(TestMails.config("AuthenticationResultsStamp", Map.of()));
        stamp.service(mail);
        return mail;
    }

    @Test
    void theResultsGoInOneFieldOnTopWithOurName() throws Exception {
        FakeMail mail = mail("a@example.test", "192.0.2.1", "h.example.test");
        AuthAttributes.addResult(mail, "spf", "spf=pass smtp.mailfrom=example.test");
        AuthAttributes.addResults(mail, "dkim", java.util.List.of("dkim=pass header.d=example.test header.s=sel"));
        AuthAttributes.addResult(mail, "dmarc", "dmarc=pass header.from=example.test");
        stamped(mail);
        String first = Collections.list(mail.getMessage().getAllHeaderLines()).get(0);
        assertThat(first).startsWith("Authentication-Results: mx.tenmail.test;");
        assertThat(mail.getMessage().getHeader("Authentication-Results")[0].replaceAll("\\s+", " "))
                .isEqualTo("mx.tenmail.test; spf=pass smtp.mailfrom=example.test; dkim=pass header.d=example.test header.s=sel; dmarc=pass header.from=example.test");
    }

    @Test
    void aForgedFieldWithOurNameIsRemovedAndOthersKept() throws Exception {
        String forged = "Authentication-Results: mx.tenmail.test; dkim=pass header.d=bank.test\r\n"
                + "Authentication-Results: relay.other.test; spf=pass smtp.mailfrom=x.test\r\n" + MESSAGE;
        FakeMail mail = stamped(mail("a@example.test", "192.0.2.1", "h", forged));
        assertThat(mail.getMessage().getHeader("Authentication-Results"))
                .hasSize(2).noneMatch(v -> v.contains("bank.test"))
                .anyMatch(v -> v.startsWith("relay.other.test"));
    }

    @Test
    void noMethodIsReportedAsNone() throws Exception {
        FakeMail mail = stamped(mail("a@example.test", "192.0.2.1", "h"));
        assertThat(mail.getMessage().getHeader("Authentication-Results")).containsExactly("mx.tenmail.test; none");
    }

    @Test
    void theSpamHeadersCarryScoreAndVerdict() throws Exception {
        FakeMail mail = mail("a@example.test", "192.0.2.1", "h");
        SpamScore.add(mail, "SPF_FAIL", 3);
        SpamScore.add(mail, "DMARC_QUARANTINE", 6);
        stamped(mail);
        assertThat(mail.getMessage().getHeader("X-Spam-Score")).containsExactly("9");
        assertThat(mail.getMessage().getHeader("X-Spam-Status")).containsExactly("Yes, score=9 required=5 tests=SPF_FAIL=3,DMARC_QUARANTINE=6");
    }

    @Test
    void authenticatedMailWithoutChecksGetsNoResultsField() throws Exception {
        FakeMail mail = mail("a@example.test", "192.0.2.1", "h");
        mail.setAttribute(new Attribute(AttributeName.of("tenmail.smtp.auth-user"), AttributeValue.of("a@example.test")));
        stamped(mail);
        assertThat(mail.getMessage().getHeader("Authentication-Results")).isNull();
        assertThat(mail.getMessage().getHeader("X-Spam-Status")).containsExactly("No, score=0 required=5");
    }
}
