package io.tenmail.admin.api.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's login sessions, in memory: a session id (256 random bits, the cookie's value)
 * names who logged in and the session's CSRF token. A session ends at logout, after
 * {@code idleTimeout} without a request, or {@code maxAge} after login, whichever comes first.
 *
 * <p>Why in memory: a session is worth less than the round trip to the database on every
 * request, and a restart logging everyone out is acceptable for an admin console. Several nodes
 * behind a load balancer need sticky sessions (or a shared store behind this class).
 *
 * <p>Thread-safe (one lock; sessions are few). Bounded: past {@code maxSessions} the least
 * recently used session is dropped, so a login flood cannot exhaust memory.
 */
public final class ConsoleSessions {
    /** What a session knows: who (as at login; re-checked on each request) and its CSRF token. */
    public record Session(String id, AdminPrincipal principal, String csrfToken, Instant created, Instant expires) {
    }

    private final Duration idleTimeout;
    private final Duration maxAge;
    private final int maxSessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Access order: the eldest entry is the least recently used. */
    private final LinkedHashMap<String, Entry> sessions = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Entry {
        final Session session;
        Instant lastSeen;

        Entry(Session session, Instant lastSeen) {
            this.session = session;
            this.lastSeen = lastSeen;
        }
    }

    public ConsoleSessions(Duration idleTimeout, Duration maxAge, int maxSessions, Clock clock) {
        this.idleTimeout = Objects.requireNonNull(idleTimeout);
        this.maxAge = Objects.requireNonNull(maxAge);
        if (maxSessions < 1) throw new IllegalArgumentException("maxSessions must be positive");
        this.maxSessions = maxSessions;
        this.clock = Objects.requireNonNull(clock);
    }

    /** 30 minutes idle, 12 hours at most, 10,000 sessions. */
    public static ConsoleSessions withDefaults() {
        return new ConsoleSessions(Duration.ofMinutes(30), Duration.ofHours(12), 10_000, Clock.systemUTC());
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public synchronized Session open(AdminPrincipal principal) {
        Instant now = clock.instant();
        Session s = new Session(randomToken(), principal, randomToken(), now, now.plus(maxAge));
        sessions.put(s.id(), new Entry(s, now));
        Iterator<Map.Entry<String, Entry>> eldest = sessions.entrySet().iterator();
        while (sessions.size() > maxSessions && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
        return s;
    }

    /** The live session with this id, marking it used; empty (and forgotten) when it has expired. */
    public synchronized Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Entry e = sessions.get(id);
        if (e == null) return Optional.empty();
        Instant now = clock.instant();
        if (!now.isBefore(e.session.expires()) || !now.isBefore(e.lastSeen.plus(idleTimeout))) {
            sessions.remove(id);
            return Optional.empty();
        }
        e.lastSeen = now;
        return Optional.of(e.session);
    }

    public synchronized void close(String id) {
        if (id != null) sessions.remove(id);
    }

    /** Constant-time comparison of a presented CSRF token with the session's. */
    public static boolean csrfMatches(Session session, String presented) {
        if (presented == null) return false;
        return MessageDigest.isEqual(session.csrfToken().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                presented.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
