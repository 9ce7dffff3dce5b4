package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.Directory;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.TenantId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quota limit kept a few seconds per account for appends. */
class QuotaLimitsTest {
    private static final AccountId ALICE = new AccountId(1);

    private long quota = 1000;
    private int reads;

    private Directory directory() {
        return (Directory) Proxy.newProxyInstance(Directory.class.getClassLoader(), new Class<?>[] {Directory.class},
                (p, m, a) -> {
                    if (!m.getName().equals("findAccount")) throw new AssertionError("not expected: " + m.getName());
                    reads++;
                    if (!a[0].equals(ALICE)) return Optional.empty();
                    return Optional.of(new Account(ALICE, new TenantId(1), new DomainId(1), EmailAddress.parse("alice@example.test"),
                            "Alice", true, quota, Set.of(), false, Instant.EPOCH));
                });
    }

    @Test
    void theLimitIsReadOnceWithinTheTimeToLiveAndAgainAfterIt() throws StoreException {
        AtomicLong now = new AtomicLong(0);
        QuotaLimits limits = new QuotaLimits(directory(), now::get);

        assertThat(limits.bytes(ALICE)).isEqualTo(1000);
        quota = 500;
        now.set(QuotaLimits.TTL_NANOS - 1);
        assertThat(limits.bytes(ALICE)).isEqualTo(1000);
        assertThat(reads).isEqualTo(1);

        now.set(QuotaLimits.TTL_NANOS);
        assertThat(limits.bytes(ALICE)).isEqualTo(500);
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void anAccountTheDirectoryDoesNotKnowIsNotFoundEveryTime() {
        QuotaLimits limits = new QuotaLimits(directory(), () -> 0);

        assertThatThrownBy(() -> limits.bytes(new AccountId(2))).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThatThrownBy(() -> limits.bytes(new AccountId(2))).isInstanceOf(StoreException.class);
        assertThat(reads).isEqualTo(2);
    }
}
