package io.tenmail.storage.model;

import java.time.Instant;

/**
 * An organisation owning domains. Limits of 0 mean "no limit".
 *
 * @param maxAccounts     the most accounts the tenant may have across its domains
 * @param maxStorageBytes the most bytes of mail its accounts may hold together
 */
public record Tenant(TenantId id, String name, long maxAccounts, long maxStorageBytes, boolean suspended, Instant created) {
}
