package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.Tenant;

import java.time.Instant;

/** {@code Tenant {id, name, maxAccounts, maxStorageBytes, suspended, created}}; limits of 0 mean none. */
public record TenantDto(long id, String name, long maxAccounts, long maxStorageBytes, boolean suspended, Instant created) {
    public static TenantDto from(Tenant t) {
        return new TenantDto(t.id().value(), t.name(), t.maxAccounts(), t.maxStorageBytes(), t.suspended(), t.created());
    }
}
