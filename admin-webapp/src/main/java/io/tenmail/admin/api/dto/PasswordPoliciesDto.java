package io.tenmail.admin.api.dto;

/**
 * {@code {platform, tenant, effective}}: the platform default, the tenant's own tightening (null
 * when it has none) and what applies to the tenant's passwords.
 */
public record PasswordPoliciesDto(PasswordPolicyDto platform, PasswordPolicyDto tenant, PasswordPolicyDto effective) {
}
