package io.tenmail.storage.traffic;

import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.MailTraffic;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.TenantId;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts {@link TrafficEvent}s in memory (a counter increment per message, no transaction) and adds
 * them to {@link MailTraffic} every {@link #FLUSH_INTERVAL}, one transaction for all tenants. Mail
 * out is counted by sender domain and turned into the domain's tenant at flush time (a domain
 * look-up, cached). A flush that fails keeps its counts for the next one; counts of the last
 * interval before the node stops are added at shutdown, as far as the database is still there
 * (at worst a few seconds of counts are lost: the dashboard is a gauge, not a ledger). The day is
 * the UTC day of the flush. Starts its flushing thread with the first event. Thread-safe.
 */
@ApplicationScoped
public class TrafficCounter {
    private static final Logger log = LoggerFactory.getLogger(TrafficCounter.class);
    public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(5);
    private static final int MAX_CACHED_DOMAINS = 10_000;

    private record Key(TrafficEvent.Direction direction, Optional<TenantId> tenant, String senderDomain) {
    }

    private final ConcurrentMap<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Optional<TenantId>> tenantOfDomain = new ConcurrentHashMap<>();
    private MailTraffic traffic;
    private DirectoryAdmin directory;
    private Clock clock;
    private ScheduledExecutorService flusher;
    /** Set once the flusher runs: the delivery path reads it without taking the lock. */
    private volatile boolean flushing;

    protected TrafficCounter() {   // for CDI's proxy
    }

    @Inject
    public TrafficCounter(MailTraffic traffic, DirectoryAdmin directory) {
        this(traffic, directory, Clock.systemUTC());
    }

    public TrafficCounter(MailTraffic traffic, DirectoryAdmin directory, Clock clock) {
        this.traffic = traffic;
        this.directory = directory;
        this.clock = clock;
    }

    /** Counts one message; cheap enough for every delivery. */
    public void counted(@Observes TrafficEvent event) {
        counts.computeIfAbsent(new Key(event.direction(), event.tenant(), event.senderDomain()), k -> new LongAdder()).increment();
        if (!flushing) startFlushing();
    }

    private synchronized void startFlushing() {
        if (flusher != null) return;
        flushing = true;
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "traffic-counter");
            t.setDaemon(true);
            return t;
        });
        long ms = FLUSH_INTERVAL.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (StoreException | RuntimeException e) {
            log.warn("message counts not saved, will retry: {}", e.getMessage());
        }
    }

    /** Adds what was counted since the last flush to the database; on failure the counts stay for the next. */
    public void flush() throws StoreException {
        Map<Key, Long> taken = new HashMap<>();
        for (Map.Entry<Key, LongAdder> e : counts.entrySet()) {
            long n = e.getValue().sumThenReset();
            if (n > 0) taken.put(e.getKey(), n);
        }
        if (taken.isEmpty()) return;
        try {
            Map<Optional<TenantId>, MailTraffic.Counts> byTenant = new HashMap<>();
            for (Map.Entry<Key, Long> e : taken.entrySet()) {
                Key k = e.getKey();
                boolean in = k.direction() == TrafficEvent.Direction.IN;
                Optional<TenantId> tenant = in ? k.tenant() : tenantOf(k.senderDomain());
                MailTraffic.Counts c = in ? new MailTraffic.Counts(e.getValue(), 0) : new MailTraffic.Counts(0, e.getValue());
                byTenant.merge(tenant, c, MailTraffic.Counts::plus);
            }
            List<MailTraffic.Increment> increments = new ArrayList<>();
            byTenant.forEach((t, c) -> increments.add(new MailTraffic.Increment(t, c)));
            traffic.add(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), increments);
        } catch (StoreException | RuntimeException e) {
            taken.forEach((k, n) -> counts.computeIfAbsent(k, x -> new LongAdder()).add(n));   // for the next flush
            throw e;
        }
    }

    private Optional<TenantId> tenantOf(String domain) throws StoreException {
        if (domain.isEmpty()) return Optional.empty();
        Optional<TenantId> cached = tenantOfDomain.get(domain);
        if (cached != null) return cached;
        Optional<TenantId> found = directory.findDomain(domain).map(Domain::tenant);
        if (tenantOfDomain.size() >= MAX_CACHED_DOMAINS) tenantOfDomain.clear();
        tenantOfDomain.put(domain, found);
        return found;
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            if (flusher != null) flusher.shutdownNow();
        }
        flushQuietly();
    }
}
