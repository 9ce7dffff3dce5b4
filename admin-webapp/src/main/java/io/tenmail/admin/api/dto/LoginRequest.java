package io.tenmail.admin.api.dto;

/** Body of POST /session: {@code {address, password}} of an account, or {@code {token}} of the platform administrator. */
public record LoginRequest(String address, String password, String token) {
}
