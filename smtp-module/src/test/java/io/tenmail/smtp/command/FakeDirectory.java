package io.tenmail.smtp.command;

import io.tenmail.storage.Directory;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AuthResult;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.Principal;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.Resolution;
import io.tenmail.storage.model.TenantId;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A directory in maps for session-level tests (no database): domain example.test with users,
 * each with a password and the addresses it may send as; groups with the senders they admit.
 * Can be told to fail, to test how the session maps store failures.
 */
final class FakeDirectory implements Directory {
    static final String DOMAIN = "example.test";
    private static final TenantId TENANT = new TenantId(1);

    private record User(Principal principal, String password, AuthResult.Failure failureOnRightPassword, Set<String> sendAs) {
    }

    private final Map<String, User> users = new HashMap<>();
    private final Map<String, GroupId> groups = new HashMap<>();
    private final Map<GroupId, Set<String>> posters = new HashMap<>();
    private long nextId = 1;
    StoreException failure;
    RuntimeException bug;
    int authentications;

    FakeDirectory user(String address, String password, String... sendAs) {
        return user(address, password, AuthResult.Failure.NONE, sendAs);
    }

    FakeDirectory user(String address, String password, AuthResult.Failure failure, String... sendAs) {
        EmailAddress a = EmailAddress.parse(address);
        Set<String> allowed = new HashSet<>(List.of(sendAs));
        allowed.add(a.key());
        users.put(a.key(), new User(new Principal(new AccountId(nextId++), TENANT, a), password, failure, allowed));
        return this;
    }

    FakeDirectory group(String address, String... allowedPosters) {
        GroupId id = new GroupId(nextId++);
        groups.put(EmailAddress.parse(address).key(), id);
        posters.put(id, Set.of(allowedPosters));
        return this;
    }

    private void check() throws StoreException {
        if (bug != null) throw bug;
        if (failure != null) throw failure;
    }

    @Override
    public AuthResult authenticate(String user, String secret, Protocol protocol, InetAddress client) throws StoreException {
        check();
        authentications++;
        User u = users.get(user.toLowerCase());
        if (u == null || !u.password().equals(secret)) return AuthResult.failure(AuthResult.Failure.BAD_CREDENTIALS);
        if (u.failureOnRightPassword() != AuthResult.Failure.NONE) return AuthResult.failure(u.failureOnRightPassword());
        return AuthResult.success(u.principal());
    }

    @Override
    public Resolution resolve(EmailAddress recipient) throws StoreException {
        check();
        if (!recipient.domain().equals(DOMAIN)) return Resolution.notLocal();
        User u = users.get(recipient.key());
        if (u != null) return new Resolution(Resolution.Kind.LOCAL, Set.of(u.principal().account()), List.of(), List.of());
        GroupId g = groups.get(recipient.key());
        if (g != null) return new Resolution(Resolution.Kind.LOCAL, Set.of(), List.of(), List.of(g));
        return Resolution.unknownLocal();
    }

    @Override
    public boolean mayPost(GroupId group, EmailAddress sender) throws StoreException {
        check();
        Set<String> allowed = posters.get(group);
        return allowed.contains("*") || allowed.contains(sender.key());
    }

    @Override
    public boolean maySendAs(AccountId account, EmailAddress from) throws StoreException {
        check();
        return users.values().stream().filter(u -> u.principal().account().equals(account))
                .anyMatch(u -> u.sendAs().contains(from.key()));
    }

    @Override
    public Optional<Account> findAccount(EmailAddress address) {
        throw new UnsupportedOperationException("not used by SMTP");
    }

    @Override
    public Optional<Account> findAccount(AccountId id) {
        throw new UnsupportedOperationException("not used by SMTP");
    }
}
