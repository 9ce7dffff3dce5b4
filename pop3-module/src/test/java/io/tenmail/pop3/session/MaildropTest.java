package io.tenmail.pop3.session;

import io.tenmail.storage.model.BlobId;
import io.tenmail.storage.model.MailboxId;
import io.tenmail.storage.model.Uid;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaildropTest {
    static final MailboxId INBOX = new MailboxId(1);
    static final MailboxId JUNK = new MailboxId(2);
    static final BlobId BLOB = new BlobId("0".repeat(64));

    static Maildrop threeMessages() {
        return new Maildrop(List.of(
                new Maildrop.Message(1, INBOX, new Uid(10), 100, BLOB, "7.10"),
                new Maildrop.Message(2, INBOX, new Uid(11), 200, BLOB, "7.11"),
                new Maildrop.Message(3, JUNK, new Uid(4), 300, BLOB, "8.4")));
    }

    @Test
    void countsAndSizesCoverMessagesNotMarkedDeleted() {
        Maildrop maildrop = threeMessages();
        assertThat(maildrop.visibleCount()).isEqualTo(3);
        assertThat(maildrop.visibleOctets()).isEqualTo(600);
        maildrop.markDeleted(2);
        assertThat(maildrop.visibleCount()).isEqualTo(2);
        assertThat(maildrop.visibleOctets()).isEqualTo(400);
        assertThat(maildrop.visible()).extracting(Maildrop.Message::number).containsExactly(1, 3);
    }

    @Test
    void markedMessagesKeepTheirNumbersAndCannotBeUsed() {
        Maildrop maildrop = threeMessages();
        assertThat(maildrop.markDeleted(2)).isTrue();
        assertThat(maildrop.markDeleted(2)).isFalse();
        assertThat(maildrop.visible(2)).isEmpty();
        assertThat(maildrop.isMarkedDeleted(2)).isTrue();
        assertThat(maildrop.visible(3)).get().extracting(Maildrop.Message::uniqueId).isEqualTo("8.4");
    }

    @Test
    void numbersOutOfRangeNameNothing() {
        Maildrop maildrop = threeMessages();
        for (long n : new long[] {0, 4, -1, Long.MAX_VALUE, Integer.MAX_VALUE + 1L}) {
            assertThat(maildrop.visible(n)).as("%d", n).isEmpty();
            assertThat(maildrop.isMarkedDeleted(n)).isFalse();
            assertThat(maildrop.markDeleted(n)).isFalse();
        }
    }

    @Test
    void unmarkAllRestoresEverything() {
        Maildrop maildrop = threeMessages();
        maildrop.markDeleted(1);
        maildrop.markDeleted(3);
        maildrop.unmarkAll();
        assertThat(maildrop.visibleCount()).isEqualTo(3);
        assertThat(maildrop.deletions()).isEmpty();
    }

    @Test
    void deletionsAreGroupedByMailboxInMessageOrder() {
        Maildrop maildrop = threeMessages();
        maildrop.markDeleted(3);
        maildrop.markDeleted(2);
        maildrop.markDeleted(1);
        assertThat(maildrop.deletions()).isEqualTo(Map.of(INBOX, List.of(new Uid(10), new Uid(11)), JUNK, List.of(new Uid(4))));
        assertThat(maildrop.markedCount()).isEqualTo(3);
    }

    @Test
    void messagesMustBeNumberedFromOne() {
        assertThatThrownBy(() -> new Maildrop(List.of(new Maildrop.Message(2, INBOX, new Uid(1), 1, BLOB, "1.1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyMaildropIsFine() {
        Maildrop maildrop = new Maildrop(List.of());
        assertThat(maildrop.visibleCount()).isZero();
        assertThat(maildrop.visibleOctets()).isZero();
        assertThat(maildrop.visible(1)).isEmpty();
    }
}
