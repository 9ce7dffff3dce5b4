package io.tenmail.admin.api.dto;

import java.time.Instant;

/**
 * {@code Session {role, tenant, address, via, csrfToken, expires}}: who the caller is. tenant and
 * address are null for the platform administrator; csrfToken and expires only for a cookie session.
 */
public record SessionDto(String role, Long tenant, String address, String via, String csrfToken, Instant expires) {
}
