package io.tenmail.admin.api.dto;

/** {@code Self {account: Account, role, passwordPolicy: PasswordPolicy}}: the caller's own account and what a new password must be. */
public record SelfDto(AccountDto account, String role, PasswordPolicyDto passwordPolicy) {
}
