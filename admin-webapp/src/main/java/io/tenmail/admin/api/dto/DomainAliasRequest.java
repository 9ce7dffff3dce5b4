package io.tenmail.admin.api.dto;

/** POST /domains/{name}/aliases: {@code {name}}, the alias domain name. */
public record DomainAliasRequest(String name) {
}
