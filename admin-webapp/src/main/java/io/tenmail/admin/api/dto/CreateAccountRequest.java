package io.tenmail.admin.api.dto;

/** POST /accounts: {@code {address, password, displayName?, quotaBytes?}}; no quota means unlimited (0). */
public record CreateAccountRequest(String address, String password, String displayName, Long quotaBytes) {
}
