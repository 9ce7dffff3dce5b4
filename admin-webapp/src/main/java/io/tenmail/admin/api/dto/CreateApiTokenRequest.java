package io.tenmail.admin.api.dto;

/** Body of POST /tokens: {@code {label, expires?}} (ISO-8601, in the future; absent: never). */
public record CreateApiTokenRequest(String label, String expires) {
}
