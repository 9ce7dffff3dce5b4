package io.tenmail.admin.api.dto;

/** POST /domains: {@code {name, tenant?}}; without a tenant, one named after the domain is created. */
public record CreateDomainRequest(String name, Long tenant) {
}
