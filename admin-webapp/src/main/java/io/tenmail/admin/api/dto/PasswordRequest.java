package io.tenmail.admin.api.dto;

/** PUT /accounts/{address}/password: {@code {password}}. */
public record PasswordRequest(String password) {
}
