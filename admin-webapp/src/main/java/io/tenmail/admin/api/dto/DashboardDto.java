package io.tenmail.admin.api.dto;

import java.util.List;

/**
 * {@code Dashboard {tenants: [TenantSummary], queue: {size, errors} | null}}: queue figures only
 * for the platform administrator. Limits of 0 mean none.
 */
public record DashboardDto(List<TenantSummary> tenants, QueueSummary queue) {
    public record TenantSummary(long id, String name, boolean suspended, int domains, long accounts, long maxAccounts,
                                long storageUsedBytes, long maxStorageBytes) {
    }

    /** @param size entries waiting for delivery; errors entries in the error repository */
    public record QueueSummary(long size, long errors) {
    }
}
