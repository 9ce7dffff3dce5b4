package io.tenmail.smtp.mailet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataScreenTest {

    @Test
    void aShortValueIsKeptAsItIs() {
        assertThat(DataScreen.fitted("SPF_FAIL=3,GTUBE=1000")).isEqualTo("SPF_FAIL=3,GTUBE=1000");
    }

    @Test
    void aValueTooLongForTheQueueIsCutAfterItsLastWholeItem() {
        String clause = "dkim=pass header.d=example.com header.s=sel header.b=abcdefgh";
        String many = (clause + "\n").repeat(200);
        String fitted = DataScreen.fitted(many);
        assertThat(fitted.length()).isLessThanOrEqualTo(DataScreen.MAX_VALUE);
        assertThat(fitted.split("\n")).allMatch(clause::equals);
    }

    @Test
    void aRefusalIsReadBackAsTheReplyItNames() {
        assertThat(DataRefusal.parse("451 4.7.1 Greylisted, please try again in 300 seconds")).get()
                .satisfies(r -> assertThat(r.status()).isEqualTo("451 4.7.1"));
        assertThat(DataRefusal.parse("250 2.0.0 OK")).isEmpty();
        assertThat(DataRefusal.parse("550 4.7.1 mixed classes")).isEmpty();
    }
}
