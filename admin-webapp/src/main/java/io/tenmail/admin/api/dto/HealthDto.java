package io.tenmail.admin.api.dto;

/** {@code {"status":"up"}}. */
public record HealthDto(String status) {
}
