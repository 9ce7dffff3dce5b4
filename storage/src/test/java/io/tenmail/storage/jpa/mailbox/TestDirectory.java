package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.Directory;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestDkimKeys;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.jpa.JpaDirectoryAdmin;
import io.tenmail.storage.jpa.Transactions;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AuthResult;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.Resolution;
import io.tenmail.storage.model.TenantId;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test double of {@link Directory} that knows accounts by id and their quota, which is all the
 * mailbox store asks of it. Each account is a real ACCOUNT row (mailboxes belong to an account
 * by foreign key), made through {@link JpaDirectoryAdmin} with a cheap password hash.
 * Thread-safe.
 */
public final class TestDirectory implements Directory {
    /** The cheapest Argon2id the hasher accepts: tests create many accounts and never log in. */
    static final PasswordHasher CHEAP_HASHER = new PasswordHasher(new PasswordHasher.Parameters(8, 1, 1));
    private static final AtomicLong IDS = new AtomicLong(1000);

    private final JpaDirectoryAdmin admin;
    private final TenantId tenant;
    private final String domain;
    private final Map<AccountId, Account> accounts = new ConcurrentHashMap<>();

    /** A directory with a tenant and a domain of its own in the database of {@code tx}. */
    public TestDirectory(Transactions tx) {
        this.admin = new JpaDirectoryAdmin(tx, CHEAP_HASHER, Clock.systemUTC(), TestDkimKeys.SHARED);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        try {
            this.tenant = admin.createTenant("test-" + unique, 0, 0).id();
            this.domain = "d" + unique + ".example.test";
            admin.createDomain(tenant, domain);
        } catch (StoreException e) {
            throw new IllegalStateException("cannot create the test tenant", e);
        }
    }

    /** A new account with this quota in bytes (0 = unlimited). */
    public AccountId add(long quotaBytes) {
        long n = IDS.incrementAndGet();
        try {
            Account a = admin.createAccount(tenant, EmailAddress.parse("user" + n + "@" + domain), "User " + n, "secret", quotaBytes);
            accounts.put(a.id(), a);
            return a.id();
        } catch (StoreException e) {
            throw new IllegalStateException("cannot create a test account", e);
        }
    }

    /** Gives the account another quota, as an administrator's change would (the directory's answer only). */
    void setQuota(AccountId id, long quotaBytes) {
        accounts.computeIfPresent(id, (k, a) -> new Account(a.id(), a.tenant(), a.domain(), a.address(), a.displayName(), a.enabled(),
                quotaBytes, a.protocols(), a.appPasswordRequired(), a.created()));
    }

    JpaDirectoryAdmin admin() {
        return admin;
    }

    TenantId tenant() {
        return tenant;
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
