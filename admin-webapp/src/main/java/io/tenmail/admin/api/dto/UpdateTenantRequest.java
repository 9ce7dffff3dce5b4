package io.tenmail.admin.api.dto;

/** PUT /tenants/{id}: {@code {name, maxAccounts, maxStorageBytes, suspended}}, all required. */
public record UpdateTenantRequest(String name, Long maxAccounts, Long maxStorageBytes, Boolean suspended) {
}
