package io.tenmail.storage;

import io.tenmail.storage.model.DkimKey;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.TenantId;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DKIM signing keys of the hosted domains, one active key per domain plus the retired ones still
 * published. {@link DirectoryAdmin#createDomain} makes a domain's first key in the same
 * transaction; a domain made before keys were stored gets one on first use ({@link #signingKey},
 * {@link #published}). {@link #rotate} makes a new active key and retires the old one, which stays
 * in {@link #published} for {@link #GRACE} so mail signed with it shortly before still verifies
 * while it waits in queues; after that it is deleted at the next rotation. Keys are RSA 2048
 * (RFC 8301 §3.2), selectors {@code tm<yyyyMMdd>} with {@code -2}, {@code -3}... on the same day.
 * A tenant's domain is addressed by (tenant, id): another tenant's domain is NOT_FOUND. Each
 * method is one transaction; thread-safe.
 *
 * <p>Reasons thrown: NOT_FOUND (no such domain in that tenant), INVALID, TEMPORARY.
 */
public interface DkimKeys {
    /** How long a retired key stays published after rotation. */
    Duration GRACE = Duration.ofDays(7);

    /** The domain's keys to publish: the active one first, then retired ones within {@link #GRACE}, newest first. */
    List<DkimKey> published(TenantId tenant, DomainId domain) throws StoreException;

    /** A new active key for the domain; the active one becomes RETIRED. */
    DkimKey rotate(TenantId tenant, DomainId domain) throws StoreException;

    /**
     * The active key of the domain with this primary name, made now if the domain has none; empty
     * when no hosted domain has this primary name (alias names do not sign: their mail would need
     * their own published key).
     */
    Optional<DkimKey> signingKey(String domainName) throws StoreException;

    /**
     * Imports keys made elsewhere (the PEM files older versions kept under {@code <data>/dkim}),
     * PKCS#8 DER by selector, {@code active} naming the one to sign with, the others retired now.
     * Does nothing, and answers false, when the domain does not exist or already has keys: an
     * import happens at most once.
     */
    boolean importKeys(String domainName, String active, Map<String, byte[]> privateKeys) throws StoreException;
}
