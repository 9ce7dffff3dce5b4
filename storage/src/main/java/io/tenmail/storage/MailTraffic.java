package io.tenmail.storage;

import io.tenmail.storage.model.TenantId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Messages in and out per tenant and UTC day, for the console's dashboard: "in" counts deliveries
 * into local mailboxes (one per recipient), "out" recipients accepted by remote servers. Nodes add
 * their counts every few seconds ({@link io.tenmail.storage.traffic.TrafficCounter}) with
 * {@code UPDATE ... SET n = n + ?}, so concurrent nodes never lose each other's counts.
 * Thread-safe; each method is one transaction.
 */
public interface MailTraffic {

    /** Messages in and out. */
    record Counts(long in, long out) {
        public static final Counts NONE = new Counts(0, 0);

        public Counts plus(Counts other) {
            return new Counts(in + other.in, out + other.out);
        }
    }

    /** What one node counted for a tenant (empty: mail of no hosted tenant, e.g. bounces). */
    record Increment(Optional<TenantId> tenant, Counts counts) {
    }

    /** Adds the increments to the day's rows, creating them when missing. */
    void add(LocalDate day, List<Increment> increments) throws StoreException;

    /** The tenant's counts for the day; NONE without mail. */
    Counts of(TenantId tenant, LocalDate day) throws StoreException;

    /** Every tenant's counts for the day together, with mail of no tenant. */
    Counts total(LocalDate day) throws StoreException;

    /** Deletes the rows of every day before {@code day} (retention); returns how many rows went. */
    long forgetBefore(LocalDate day) throws StoreException;
}
