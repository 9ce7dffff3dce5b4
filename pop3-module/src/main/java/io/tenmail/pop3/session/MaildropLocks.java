package io.tenmail.pop3.session;

import io.tenmail.storage.model.AccountId;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive-access locks on maildrops, RFC 1939 §8: while a session is in the TRANSACTION
 * state, a second login to the same account is refused with {@code -ERR [IN-USE]} (RFC 2449 §8.1.1),
 * so two clients never mark and remove the same messages from different snapshots.
 *
 * <p>One registry per POP3 server, shared by its listeners, so 110 and 995 exclude each other.
 * It lives in this process only: scale-out over several nodes needs the lock in the shared
 * database instead (a row per account, taken at login and released at session end, with a lease
 * so that a crashed node's locks expire). IMAP is not excluded: it may expunge messages a POP3
 * session still lists, which RETR then answers with {@code -ERR}.
 *
 * <p>Thread-safe and lock-free.
 */
public final class MaildropLocks {
    private final ConcurrentHashMap<AccountId, MaildropLock> held = new ConcurrentHashMap<>();

    /** The account's lock, or empty when another session holds it. */
    public Optional<MaildropLock> tryLock(AccountId account) {
        MaildropLock lock = new MaildropLock(Objects.requireNonNull(account, "account"));
        return held.putIfAbsent(account, lock) == null ? Optional.of(lock) : Optional.empty();
    }

    public boolean isLocked(AccountId account) {
        return held.containsKey(account);
    }

    /** Number of maildrops locked now. */
    public int size() {
        return held.size();
    }

    /** A held lock; {@link #close()} releases it and may be called more than once. */
    public final class MaildropLock implements AutoCloseable {
        private final AccountId account;

        private MaildropLock(AccountId account) {
            this.account = account;
        }

        public AccountId account() {
            return account;
        }

        @Override
        public void close() {
            held.remove(account, this);
        }
    }
}
