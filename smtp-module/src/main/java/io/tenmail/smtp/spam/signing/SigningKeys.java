package io.tenmail.smtp.spam.signing;

import io.tenmail.storage.DkimKeys;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.dkim.DkimKeyPairs;
import io.tenmail.storage.model.DkimKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The key each domain signs with, from {@link DkimKeys}, decoded and kept for {@link #TTL} so that
 * signing does not query the database and decode an RSA key per message. A rotation (on any node)
 * therefore takes effect within {@link #TTL}; the retired key stays published far longer
 * ({@link DkimKeys#GRACE}), so mail signed with it meanwhile still verifies. Thread-safe.
 */
final class SigningKeys {
    static final Duration TTL = Duration.ofMinutes(1);

    private record Cached(Optional<SigningKey> key, Instant until) {
    }

    private final DkimKeys keys;
    private final Clock clock;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    SigningKeys(DkimKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The domain's active key, made now if the hosted domain has none; empty for a domain not hosted here. */
    Optional<SigningKey> current(String domain) throws StoreException {
        String d = domain.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Cached c = cache.get(d);
        if (c != null && now.isBefore(c.until())) return c.key();
        Optional<SigningKey> key = keys.signingKey(d).map(SigningKeys::decoded);
        cache.put(d, new Cached(key, now.plus(TTL)));
        return key;
    }

    private static SigningKey decoded(DkimKey k) {
        return new SigningKey(k.domainName(), k.selector(), DkimKeyPairs.privateKey(k.privateKey()), DkimKeyPairs.publicKey(k.publicKey()));
    }
}
