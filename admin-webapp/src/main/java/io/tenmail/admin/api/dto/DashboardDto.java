package io.tenmail.admin.api.dto;

import java.util.List;

/**
 * {@code Dashboard {tenants: [TenantSummary], queue: {size, errors} | null, today: {in, out}}}:
 * queue figures only for the platform administrator. Limits of 0 mean none. {@code today} counts
 * messages of the current UTC day: per tenant in its summary; at the top, the caller's tenants
 * together, or for the platform administrator every tenant's plus mail of none (bounces).
 */
public record DashboardDto(List<TenantSummary> tenants, QueueSummary queue, Traffic today) {
    public record TenantSummary(long id, String name, boolean suspended, int domains, long accounts, long maxAccounts,
                                long storageUsedBytes, long maxStorageBytes, Traffic today) {
    }

    /** @param in deliveries into local mailboxes; out recipients accepted by remote servers */
    public record Traffic(long in, long out) {
    }

    /** @param size entries waiting for delivery; errors entries in the error repository */
    public record QueueSummary(long size, long errors) {
    }
}
