package io.tenmail.smtp.policy;

import io.tenmail.protocol.limits.ConnectionLimits;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.storage.model.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Rate limits of the SMTP listeners (docs/smtp.md, "Rate limits"). Per client address, on the MX
 * listener: new connections per minute (refused with {@code 421 4.7.1} before the greeting) and
 * messages per minute from clients that did not log in ({@code 451 4.7.1} at MAIL). Per logged-in
 * account, on every listener, so that a stolen password cannot spray the internet: messages per
 * hour and per day (counted at MAIL) and recipients per hour and per day (counted at RCPT). An
 * hourly limit answers {@code 451 4.7.1} (the client retries later); a daily one {@code 550 5.7.1}
 * (the user should hear about it now, not after a day of retries), as large providers do. Every
 * refusal of an account logs a WARN line naming the account and the limit, for the administrator.
 *
 * <p>Counters are fixed windows ({@link WindowCounter}) in memory, per node, bounded by
 * {@link RateLimitSettings#trackedKeys()}. Thread-safe.
 */
public final class RateLimits {
    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final RateLimitSettings settings;
    private final WindowCounter ipConnections;
    private final WindowCounter ipMessages;
    private final WindowCounter accountMessagesHour;
    private final WindowCounter accountMessagesDay;
    private final WindowCounter accountRecipientsHour;
    private final WindowCounter accountRecipientsDay;

    public RateLimits(RateLimitSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        int keys = settings.trackedKeys();
        ipConnections = new WindowCounter(Duration.ofMinutes(1), keys, clock);
        ipMessages = new WindowCounter(Duration.ofMinutes(1), keys, clock);
        accountMessagesHour = new WindowCounter(Duration.ofHours(1), keys, clock);
        accountMessagesDay = new WindowCounter(Duration.ofDays(1), keys, clock);
        accountRecipientsHour = new WindowCounter(Duration.ofHours(1), keys, clock);
        accountRecipientsDay = new WindowCounter(Duration.ofDays(1), keys, clock);
    }

    /** No limits at all. */
    public static RateLimits none() {
        return new RateLimits(RateLimitSettings.NONE, Clock.systemUTC());
    }

    public RateLimitSettings settings() {
        return settings;
    }

    /** A new connection: the reply that refuses it, or empty to greet. */
    public Optional<Reply> connection(ListenerRole role, InetAddress client) {
        if (role != ListenerRole.MX || settings.ipConnectionsPerMinute() == 0 || exempt(client)) return Optional.empty();
        String key = ConnectionLimits.key(client);
        if (ipConnections.tryAdd(key, 1, settings.ipConnectionsPerMinute())) return Optional.empty();
        log.info("rate limit: refused connection from {}: more than {} connections per minute", key, settings.ipConnectionsPerMinute());
        return Optional.of(Reply.of(421, "4.7.1", "Too many connections from your address, try again later"));
    }

    /** MAIL: the reply that refuses a new message, or empty to go on. */
    public Optional<Reply> message(SmtpSession session) {
        Optional<Principal> who = session.principal();
        if (who.isPresent()) {
            String account = who.get().address().toString();
            Optional<Reply> refusal = perAccount(account, 1, accountMessagesHour, settings.accountMessagesPerHour(),
                    accountMessagesDay, settings.accountMessagesPerDay(), "messages");
            if (refusal.isPresent()) log.warn("rate limit: account {} (tenant {}) refused at MAIL: {}", account,
                    who.get().tenant().value(), refusal.get().lines().get(0));
            return refusal;
        }
        if (session.role() != ListenerRole.MX || settings.ipMessagesPerMinute() == 0 || exempt(session.clientAddress())) return Optional.empty();
        String key = ConnectionLimits.key(session.clientAddress());
        if (ipMessages.tryAdd(key, 1, settings.ipMessagesPerMinute())) return Optional.empty();
        log.info("rate limit: refused MAIL from {}: more than {} messages per minute", key, settings.ipMessagesPerMinute());
        return Optional.of(Reply.of(451, "4.7.1", "Too many messages from your address, try again later"));
    }

    /** RCPT: the reply that refuses one more recipient, or empty to go on. */
    public Optional<Reply> recipient(SmtpSession session) {
        Optional<Principal> who = session.principal();
        if (who.isEmpty()) return Optional.empty();
        String account = who.get().address().toString();
        Optional<Reply> refusal = perAccount(account, 1, accountRecipientsHour, settings.accountRecipientsPerHour(),
                accountRecipientsDay, settings.accountRecipientsPerDay(), "recipients");
        if (refusal.isPresent()) log.warn("rate limit: account {} (tenant {}) refused at RCPT: {}", account,
                who.get().tenant().value(), refusal.get().lines().get(0));
        return refusal;
    }

    private static Optional<Reply> perAccount(String key, int amount, WindowCounter hour, int perHour, WindowCounter day, int perDay,
                                              String what) {
        // the day is checked first so that an hour's allowance is not spent on a message the day refuses
        if (perDay > 0 && day.count(key) + amount > perDay) {
            return Optional.of(Reply.of(550, "5.7.1", "Daily sending limit reached: at most " + perDay + " " + what
                    + " per day from this account"));
        }
        if (perHour > 0 && !hour.tryAdd(key, amount, perHour)) {
            return Optional.of(Reply.of(451, "4.7.1", "Sending limit reached: at most " + perHour + " " + what
                    + " per hour from this account, try again later"));
        }
        if (perDay > 0) day.tryAdd(key, amount, perDay);
        return Optional.empty();
    }

    private boolean exempt(InetAddress client) {
        for (var network : settings.exemptNetworks()) if (network.contains(client)) return true;
        return false;
    }
}
