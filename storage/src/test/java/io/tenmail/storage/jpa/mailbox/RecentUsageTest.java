package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.QuotaUsage;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The usage answers kept for SMTP's advisory quota check at RCPT. */
class RecentUsageTest {
    private static final AccountId ALICE = new AccountId(1);
    private static final AccountId BOB = new AccountId(2);
    private static final QuotaUsage USED = new QuotaUsage(100, 0, 1);

    private final AtomicLong now = new AtomicLong(0);
    private final RecentUsage usage = new RecentUsage(now::get);

    @Test
    void aUsageIsServedWithinTheTimeToLiveAndNotAfterIt() {
        usage.put(ALICE, USED, usage.start());
        now.set(RecentUsage.TTL_NANOS - 1);
        assertThat(usage.get(ALICE)).contains(USED);
        now.set(RecentUsage.TTL_NANOS);
        assertThat(usage.get(ALICE)).isEmpty();
    }

    @Test
    void aChangeOfTheAccountEndsItsAnswerAtOnceAndLeavesOtherAccountsAlone() {
        usage.put(ALICE, USED, usage.start());
        usage.put(BOB, USED, usage.start());
        usage.changed(ALICE);
        assertThat(usage.get(ALICE)).isEmpty();
        assertThat(usage.get(BOB)).contains(USED);
    }

    @Test
    void aReadThatStartedBeforeAChangeIsNotKept() {
        long since = usage.start();
        usage.changed(ALICE);   // committed while the read was under way: what it read may be old
        usage.put(ALICE, USED, since);
        assertThat(usage.get(ALICE)).isEmpty();
        usage.put(ALICE, USED, usage.start());
        assertThat(usage.get(ALICE)).contains(USED);
    }

    @Test
    void anAddedMessageIsCountedIntoTheKnownUsageUntilTheTimeToLiveEnds() {
        usage.put(ALICE, USED, usage.start());
        now.set(1000);
        usage.appended(ALICE, 50);
        assertThat(usage.get(ALICE)).contains(new QuotaUsage(150, 0, 2));
        now.set(RecentUsage.TTL_NANOS);   // measured from the read, not from the addition
        assertThat(usage.get(ALICE)).isEmpty();
    }

    @Test
    void anAddedMessageOfAnAccountWithoutAKnownUsageLeavesNothingToServe() {
        usage.appended(ALICE, 50);
        assertThat(usage.get(ALICE)).isEmpty();
    }

    @Test
    void aReadThatStartedBeforeAnAddedMessageIsNotKept() {
        usage.put(ALICE, USED, usage.start());
        long since = usage.start();
        usage.appended(ALICE, 50);
        usage.put(ALICE, USED, since);   // read before the addition committed: it lacks the 50 bytes
        assertThat(usage.get(ALICE)).contains(new QuotaUsage(150, 0, 2));
    }
}
