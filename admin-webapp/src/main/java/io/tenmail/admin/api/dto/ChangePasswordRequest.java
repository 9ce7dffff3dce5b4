package io.tenmail.admin.api.dto;

/** Body of PUT /self/password. */
public record ChangePasswordRequest(String currentPassword, String newPassword) {
}
