package io.tenmail.smtp.command;

import io.tenmail.smtp.wire.SmtpVerb;
import io.tenmail.storage.StoreException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** STYLE.md §6's table, SMTP column. */
class SmtpErrorsTest {

    @Test
    void everyReasonHasTheReplyOfTheTable() {
        assertThat(SmtpErrors.reply(Reason.NOT_FOUND, SmtpVerb.RCPT).status()).isEqualTo("550 5.1.1");
        assertThat(SmtpErrors.reply(Reason.NOT_ALLOWED, SmtpVerb.RCPT).status()).isEqualTo("550 5.7.1");
        assertThat(SmtpErrors.reply(Reason.OVER_QUOTA, SmtpVerb.RCPT).status()).isEqualTo("452 4.2.2");
        assertThat(SmtpErrors.reply(Reason.OVER_QUOTA, SmtpVerb.DATA).status()).isEqualTo("552 5.2.2");
        assertThat(SmtpErrors.reply(Reason.OVER_QUOTA, SmtpVerb.BDAT).status()).isEqualTo("552 5.2.2");
        assertThat(SmtpErrors.reply(Reason.TOO_BIG, SmtpVerb.DATA).status()).isEqualTo("552 5.3.4");
        assertThat(SmtpErrors.reply(Reason.IN_USE, SmtpVerb.RCPT).status()).isEqualTo("451 4.3.0");
        assertThat(SmtpErrors.reply(Reason.INVALID, SmtpVerb.MAIL).status()).isEqualTo("501 5.5.4");
        assertThat(SmtpErrors.reply(Reason.TEMPORARY, SmtpVerb.MAIL).status()).isEqualTo("451 4.3.0");
    }
}
