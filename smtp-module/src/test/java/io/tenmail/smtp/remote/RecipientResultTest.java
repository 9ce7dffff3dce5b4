package io.tenmail.smtp.remote;

import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientResultTest {
    private static final MailAddress BOB = address();

    private static MailAddress address() {
        try {
            return new MailAddress("bob@example.net");
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecipientResult.Status status(int code) {
        return RecipientResult.of(BOB, new RemoteReply(code, List.of("x")), "mx.example.net").status();
    }

    @Test
    void repliesAreClassifiedByTheirFirstDigit() {
        assertThat(status(250)).isEqualTo(RecipientResult.Status.DELIVERED);
        assertThat(status(251)).isEqualTo(RecipientResult.Status.DELIVERED);
        assertThat(status(450)).isEqualTo(RecipientResult.Status.TEMPORARY_FAILURE);
        assertThat(status(452)).isEqualTo(RecipientResult.Status.TEMPORARY_FAILURE);
        assertThat(status(550)).isEqualTo(RecipientResult.Status.PERMANENT_FAILURE);
        assertThat(status(554)).isEqualTo(RecipientResult.Status.PERMANENT_FAILURE);
        // a 3xx or 1xx where a final reply belongs is a confused server: try again later
        assertThat(status(354)).isEqualTo(RecipientResult.Status.TEMPORARY_FAILURE);
        assertThat(status(199)).isEqualTo(RecipientResult.Status.TEMPORARY_FAILURE);
    }

    @Test
    void aServersReplyNamesTheServer() {
        RecipientResult r = RecipientResult.of(BOB, new RemoteReply(550, List.of("5.1.1 no such user")), "mx.example.net");
        assertThat(r.reply()).isEqualTo("550 5.1.1 no such user");
        assertThat(r.remoteMta()).contains("mx.example.net");
    }

    @Test
    void failuresOfTheWholeAttemptKeepTheirKind() {
        assertThat(RecipientResult.of(BOB, DeliveryException.permanent("556 5.1.10 null MX")).status())
                .isEqualTo(RecipientResult.Status.PERMANENT_FAILURE);
        RecipientResult refused = RecipientResult.of(BOB, DeliveryException.temporary("451 4.4.1 connection refused"));
        assertThat(refused.status()).isEqualTo(RecipientResult.Status.TEMPORARY_FAILURE);
        assertThat(refused.remoteMta()).isEmpty();
        assertThat(RecipientResult.of(BOB, DeliveryException.refused(new RemoteReply(554, List.of("go away")), "mx.example.net")).status())
                .isEqualTo(RecipientResult.Status.PERMANENT_FAILURE);
    }
}
