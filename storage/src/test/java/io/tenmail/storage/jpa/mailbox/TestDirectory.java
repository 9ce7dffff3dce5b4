package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.Directory;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AuthResult;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.Resolution;
import io.tenmail.storage.model.TenantId;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test double of {@link Directory} that knows accounts by id and their quota, which is all the
 * mailbox store asks of it. Thread-safe.
 */
final class TestDirectory implements Directory {
    private static final AtomicLong IDS = new AtomicLong(1000);
    private final Map<AccountId, Account> accounts = new ConcurrentHashMap<>();

    /** A new account with this quota in bytes (0 = unlimited). */
    AccountId add(long quotaBytes) {
        long id = IDS.incrementAndGet();
        AccountId account = new AccountId(id);
        accounts.put(account, new Account(account, new TenantId(1), new DomainId(1), EmailAddress.parse("user" + id + "@example.test"),
                "User " + id, true, quotaBytes, Set.of(Protocol.values()), false, Instant.now()));
        return account;
    }

    @Override
    public Optional<Account> findAccount(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Optional<Account> findAccount(EmailAddress address) {
        return accounts.values().stream().filter(a -> a.address().equals(address)).findFirst();
    }

    @Override
    public AuthResult authenticate(String user, String secret, Protocol protocol, InetAddress client) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Resolution resolve(EmailAddress recipient) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean mayPost(GroupId group, EmailAddress sender) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean maySendAs(AccountId account, EmailAddress from) {
        throw new UnsupportedOperationException();
    }
}
