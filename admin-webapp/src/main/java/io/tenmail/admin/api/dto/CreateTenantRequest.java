package io.tenmail.admin.api.dto;

/** POST /tenants: {@code {name, maxAccounts?, maxStorageBytes?}}; absent limits mean none (0). */
public record CreateTenantRequest(String name, Long maxAccounts, Long maxStorageBytes) {
}
