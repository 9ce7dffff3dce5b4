package io.tenmail.admin.api.dto;

/** PUT /domains/{name}/catch-all: {@code {target}}, an address, or null to remove the catch-all. */
public record CatchAllRequest(String target) {
}
