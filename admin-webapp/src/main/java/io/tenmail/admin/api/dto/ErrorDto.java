package io.tenmail.admin.api.dto;

/** {@code {"error": "human readable message"}}: the body of every error response. */
public record ErrorDto(String error) {
}
