package io.tenmail.storage.jpa;

import io.tenmail.storage.Directory;
import io.tenmail.storage.StorageSettings;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.StoreException.Reason;
import io.tenmail.storage.directory.AppPasswordSecret;
import io.tenmail.storage.directory.IpNetwork;
import io.tenmail.storage.directory.PasswordHasher;
import io.tenmail.storage.directory.RecipientResolver;
import io.tenmail.storage.directory.VerifiedPasswords;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.AuthResult;
import io.tenmail.storage.model.AuthResult.Failure;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.GroupId;
import io.tenmail.storage.model.Principal;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.Resolution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Directory} on the directory tables. Thread-safe.
 *
 * <p>Authentication reads what it needs in one short transaction, verifies the password outside
 * any transaction (Argon2 takes tens of milliseconds and must not hold a pooled connection), and
 * writes only after a success: the last login per protocol (ACCOUNT_LOGIN, shown to the user in
 * the console), the last use of an app password, or a stored hash upgraded to the current
 * parameters. An unknown user costs the same Argon2 work as a wrong password, and every refusal
 * before the secret is proven correct is BAD_CREDENTIALS, so neither
 * timing nor answers reveal who has an account.
 *
 * <p>An account password proven correct is remembered for a short time ({@link VerifiedPasswords},
 * {@code tenmail.auth.cache-ttl-seconds}), so that the next login with it skips Argon2; the
 * account's row is still read, and every switch on it honoured, at every login.
 *
 * <p>The answers mail routing asks for every message (resolve, findAccount, maySendAs, mayPost)
 * come from a {@link ReadCache}: a change committed on this node is seen by the very next call,
 * one made by another node sharing the database within {@code tenmail.directory.cache-seconds}.
 * Logins never use it.
 */
@ApplicationScoped
public class JpaDirectory implements Directory {
    private static final Logger log = LoggerFactory.getLogger(JpaDirectory.class);

    private final Transactions tx;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final VerifiedPasswords verified;
    private final ReadCache cache;

    /** The questions whose answers the cache keeps, one record each so that keys never collide. */
    private record ResolveKey(EmailAddress recipient) {
    }

    private record MayPostKey(GroupId group, EmailAddress sender) {
    }

    private record MaySendAsKey(AccountId account, EmailAddress from) {
    }

    private record AccountByAddressKey(EmailAddress address) {
    }

    private record AccountByIdKey(AccountId id) {
    }

    /** For CDI's client proxy only. */
    protected JpaDirectory() {
        this.tx = null;
        this.hasher = null;
        this.clock = null;
        this.verified = null;
        this.cache = null;
    }

    @Inject
    public JpaDirectory(Transactions tx, StorageSettings settings) {
        this(tx, PasswordHasher.owaspMinimum(), Clock.systemUTC(),
                new VerifiedPasswords(settings.authCacheTtl(), VerifiedPasswords.DEFAULT_MAX_ENTRIES, Clock.systemUTC()),
                settings.directoryCacheTtl());
    }

    /** With the default time-to-live of verified passwords. */
    public JpaDirectory(Transactions tx) {
        this(tx, PasswordHasher.owaspMinimum(), Clock.systemUTC(),
                new VerifiedPasswords(VerifiedPasswords.DEFAULT_TTL, VerifiedPasswords.DEFAULT_MAX_ENTRIES, Clock.systemUTC()));
    }

    /** Without memory of verified passwords: every login runs the hasher. */
    public JpaDirectory(Transactions tx, PasswordHasher hasher, Clock clock) {
        this(tx, hasher, clock, VerifiedPasswords.disabled());
    }

    /** With the default time-to-live of cached answers. */
    public JpaDirectory(Transactions tx, PasswordHasher hasher, Clock clock, VerifiedPasswords verified) {
        this(tx, hasher, clock, verified, StorageSettings.DEFAULT_DIRECTORY_CACHE_TTL);
    }

    /** @param cacheTtl how long routing answers are kept ({@code tenmail.directory.cache-seconds}); zero for none */
    public JpaDirectory(Transactions tx, PasswordHasher hasher, Clock clock, VerifiedPasswords verified, Duration cacheTtl) {
        this.tx = tx;
        this.hasher = hasher;
        this.clock = clock;
        this.verified = verified;
        this.cache = new ReadCache(tx.generation(CachedData.DIRECTORY), cacheTtl);
    }

    /** What a login needs to know about the account it names, read in one transaction. */
    private record Candidate(Principal principal, String passwordHash, boolean enabled, boolean tenantSuspended,
                             Set<Protocol> protocols, boolean appPasswordRequired, Optional<AppPasswordCandidate> appPassword) {
    }

    private record AppPasswordCandidate(long id, Set<Protocol> protocols, List<String> allowedNetworks, Optional<Instant> expires) {
    }

    @Override
    public AuthResult authenticate(String user, String secret, Protocol protocol, InetAddress client) throws StoreException {
        Objects.requireNonNull(protocol, "protocol");
        Optional<EmailAddress> address = parse(user);
        Optional<String> appSecretHash = AppPasswordSecret.canonical(secret).map(AppPasswordSecret::hash);
        Optional<Candidate> candidate = address.isEmpty() || secret == null ? Optional.empty()
                : tx.run(em -> candidate(em, address.get(), appSecretHash));
        if (candidate.isEmpty()) {
            hasher.verifyNothing(secret);
            return AuthResult.failure(Failure.BAD_CREDENTIALS);
        }
        Candidate c = candidate.get();
        if (c.appPassword().isPresent()) return authenticateWithAppPassword(c, c.appPassword().get(), protocol, client);

        long account = c.principal().account().value();
        boolean remembered = verified.recentlyVerified(account, c.passwordHash(), secret);
        if (!remembered) {
            if (!hasher.verify(secret, c.passwordHash())) return AuthResult.failure(Failure.BAD_CREDENTIALS);
            verified.verified(account, c.passwordHash(), secret);
        }
        Optional<Failure> refused = refusal(c, protocol);
        if (refused.isPresent()) return AuthResult.failure(refused.get());
        if (c.appPasswordRequired()) return AuthResult.failure(Failure.APP_PASSWORD_REQUIRED);
        if (!remembered && hasher.needsRehash(c.passwordHash())) upgradeHash(c, secret);
        AccountLogins.record(tx, c.principal().account().value(), protocol.name(), DbTime.now(clock),
                client == null ? null : client.getHostAddress());
        return AuthResult.success(c.principal());
    }

    private AuthResult authenticateWithAppPassword(Candidate c, AppPasswordCandidate p, Protocol protocol, InetAddress client)
            throws StoreException {
        Instant now = DbTime.now(clock);
        String why = null;
        if (p.expires().isPresent() && !now.isBefore(p.expires().get())) {
            why = "expired";
        } else if (!p.protocols().contains(protocol)) {
            why = "not valid for " + protocol;
        } else if (!p.allowedNetworks().isEmpty()
                && (client == null || p.allowedNetworks().stream().map(IpNetwork::parse).noneMatch(n -> n.contains(client)))) {
            why = "not valid from " + (client == null ? "an unknown address" : client.getHostAddress());
        }
        if (why != null) {
            // the secret was right, so saying why helps the owner and tells an attacker nothing new
            log.info("app password {} of {} refused: {}", p.id(), c.principal().address(), why);
            return AuthResult.failure(Failure.BAD_CREDENTIALS);
        }
        Optional<Failure> refused = refusal(c, protocol);
        if (refused.isPresent()) return AuthResult.failure(refused.get());
        String clientAddress = client == null ? null : client.getHostAddress();
        tx.run(em -> {
            AppPasswordEntity entity = em.find(AppPasswordEntity.class, p.id());
            if (entity != null) entity.recordUse(now, protocol, clientAddress);
            return null;
        });
        AccountLogins.record(tx, c.principal().account().value(), protocol.name(), now, clientAddress);
        return AuthResult.success(c.principal());
    }

    /** Why a login with a correct secret is still refused, if it is. */
    private static Optional<Failure> refusal(Candidate c, Protocol protocol) {
        if (!c.enabled() || c.tenantSuspended()) return Optional.of(Failure.DISABLED);
        if (!c.protocols().contains(protocol)) return Optional.of(Failure.PROTOCOL_DISABLED);
        return Optional.empty();
    }

    private Optional<Candidate> candidate(EntityManager em, EmailAddress address, Optional<String> appSecretHash) {
        return account(em, address).map(a -> {
            Optional<AppPasswordCandidate> app = appSecretHash.flatMap(h -> AppPasswordEntity.bySecretHash(em, a, h))
                    .map(p -> new AppPasswordCandidate(p.appPasswordId().value(), p.protocols(), p.allowedNetworks(), p.expires()));
            AddressEntity ad = a.address();
            return new Candidate(new Principal(a.accountId(), ad.tenant().tenantId(), ad.address()), a.passwordHash(), a.enabled(),
                    ad.tenant().suspended(), a.protocols(), a.appPasswordRequired(), app);
        });
    }

    /** Re-hashes a password stored with weaker parameters, now that we know it (OWASP: upgrade on login). */
    private void upgradeHash(Candidate c, String secret) {
        String replacement = hasher.hash(secret);
        try {
            boolean replaced = tx.run(em -> AccountEntity.replaceHash(em, c.principal().account(), c.passwordHash(), replacement));
            if (replaced) log.info("password hash of {} upgraded to {}", c.principal().address(), hasher.parameters());
        } catch (StoreException e) {
            // the login itself succeeded; the upgrade is tried again at the next one
            log.warn("could not upgrade the password hash of {}: {}", c.principal().address(), e.getMessage());
        }
    }

    @Override
    public Resolution resolve(EmailAddress recipient) throws StoreException {
        Objects.requireNonNull(recipient, "recipient");
        return cache.get(new ResolveKey(recipient),
                () -> tx.run(em -> new RecipientResolver(new JpaDirectoryLookup(em)).resolve(recipient)));
    }

    @Override
    public boolean mayPost(GroupId group, EmailAddress sender) throws StoreException {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(sender, "sender");
        return cache.get(new MayPostKey(group, sender), () -> tx.run(em -> {
            JpaDirectoryLookup lookup = new JpaDirectoryLookup(em);
            var entry = lookup.group(group).orElseThrow(() -> new StoreException(Reason.NOT_FOUND, "group " + group.value() + " not found"));
            return new RecipientResolver(lookup).mayPost(entry, sender);
        }));
    }

    @Override
    public boolean maySendAs(AccountId account, EmailAddress from) throws StoreException {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(from, "from");
        return cache.get(new MaySendAsKey(account, from),
                () -> tx.run(em -> new RecipientResolver(new JpaDirectoryLookup(em)).maySendAs(account, from)));
    }

    @Override
    public Optional<Account> findAccount(EmailAddress address) throws StoreException {
        Objects.requireNonNull(address, "address");
        return cache.get(new AccountByAddressKey(address), () -> tx.run(em -> account(em, address).map(AccountEntity::toModel)));
    }

    @Override
    public Optional<Account> findAccount(AccountId id) throws StoreException {
        Objects.requireNonNull(id, "id");
        return cache.get(new AccountByIdKey(id), () -> tx.run(em -> AccountEntity.find(em, id).map(AccountEntity::toModel)));
    }

    /** The account answering to this address, through domain aliases, in any tenant. */
    static Optional<AccountEntity> account(EntityManager em, EmailAddress address) {
        return DomainNameEntity.byName(em, address.domain())
                .flatMap(n -> AddressEntity.byKey(em, AddressEntity.keyOf(address.localPart(), n.domain())))
                .filter(a -> a.kind() == AddressEntity.Kind.ACCOUNT)
                .flatMap(a -> AccountEntity.byAddress(em, a));
    }

    private static Optional<EmailAddress> parse(String user) {
        try {
            return Optional.of(EmailAddress.parse(user == null ? null : user.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
