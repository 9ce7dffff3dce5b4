package io.tenmail.storage.directory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A short-lived memory of account passwords that were recently proven correct, so that a client
 * polling every few minutes (POP3 "leave a copy on the server", IMAP clients opening several
 * connections, SMTP submission) does not pay an Argon2id verification at every login. The same idea
 * as Dovecot's {@code auth_cache}. Thread-safe.
 *
 * <p>What is kept, per account, is only an HMAC-SHA256 under a random key made when this object is
 * created (never stored, never logged) of the account id, the <em>stored password hash</em> and
 * the password. Hence:
 * <ul>
 *   <li>the password itself is never kept, and the values are useless outside this process;</li>
 *   <li>a password change or reset stores a new hash (fresh salt), so the old entry can never match
 *       again, on this node or any other, without an explicit invalidation;</li>
 *   <li>only successes are remembered: a wrong password always costs the full verification and goes
 *       through the login throttle as before;</li>
 *   <li>everything else a login depends on (account or tenant disabled, the protocol switch, "app
 *       password required", app passwords and their revocation) is read from the database at every
 *       login; this class only replaces the one slow step, {@link PasswordHasher#verify}.</li>
 * </ul>
 * A hit needs the right password, so its shorter time tells a client nothing it does not learn from
 * the success itself. Entries live for the configured time-to-live from the verification that made
 * them; at most {@code maxEntries} are kept (beyond that, new successes are simply not remembered
 * until expired ones are purged). A time-to-live of zero turns the memory off.
 */
public final class VerifiedPasswords {
    /** The default time-to-live: a mail client polling every few minutes logs in from memory. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    /** The default bound: about 100 bytes an entry, so some 10 MB at most. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;
    private static final String MAC = "HmacSHA256";

    private record Entry(byte[] mac, long expiresMillis) {
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final long ttlMillis;
    private final int maxEntries;
    private final Clock clock;

    public VerifiedPasswords(Duration ttl, int maxEntries, Clock clock) {
        if (ttl.isNegative()) throw new IllegalArgumentException("time-to-live must not be negative: " + ttl);
        if (maxEntries < 0) throw new IllegalArgumentException("maxEntries must not be negative: " + maxEntries);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, MAC);
        Arrays.fill(random, (byte) 0);
        this.ttlMillis = ttl.toMillis();
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** Remembers nothing: every login verifies the password. */
    public static VerifiedPasswords disabled() {
        return new VerifiedPasswords(Duration.ZERO, 0, Clock.systemUTC());
    }

    public boolean isEnabled() {
        return ttlMillis > 0 && maxEntries > 0;
    }

    /**
     * Whether {@code password} was proven to match {@code storedHash} of {@code account} within the
     * time-to-live. Constant-time comparison.
     */
    public boolean recentlyVerified(long account, String storedHash, String password) {
        if (!isEnabled()) return false;
        Entry entry = entries.get(account);
        if (entry == null) return false;
        if (clock.millis() >= entry.expiresMillis()) {
            entries.remove(account, entry);
            return false;
        }
        return MessageDigest.isEqual(entry.mac(), mac(account, storedHash, password));
    }

    /** Records that {@code password} has just been proven to match {@code storedHash} of {@code account}. */
    public void verified(long account, String storedHash, String password) {
        if (!isEnabled()) return;
        long now = clock.millis();
        if (entries.size() >= maxEntries && !entries.containsKey(account)) {
            purgeExpired(now);
            if (entries.size() >= maxEntries) return;
        }
        entries.put(account, new Entry(mac(account, storedHash, password), now + ttlMillis));
    }

    /** Forgets the account's entry, e.g. when an administrator changes its password or disables it. */
    public void forget(long account) {
        entries.remove(account);
    }

    /** How many entries are held (expired ones included until they are next looked at or purged). */
    public int size() {
        return entries.size();
    }

    private void purgeExpired(long now) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (now >= it.next().expiresMillis()) it.remove();
        }
    }

    private byte[] mac(long account, String storedHash, String password) {
        // the same normalisation as PasswordHasher: what verifies there is what matches here
        byte[] secret = Normalizer.normalize(password == null ? "" : password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(account).array());
            byte[] hash = (storedHash == null ? "" : storedHash).getBytes(StandardCharsets.UTF_8);
            // length-prefixed, so that no (hash, password) pair reads as another
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(hash.length).array());
            mac.update(hash);
            return mac.doFinal(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + MAC, e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
