package io.tenmail.admin.api.dto;

import io.tenmail.storage.model.PasswordPolicy;

/** {@code PasswordPolicy {minLength, minClasses}}: also the body of PUT /tenants/{id}/password-policy. */
public record PasswordPolicyDto(Integer minLength, Integer minClasses) {
    public static PasswordPolicyDto from(PasswordPolicy p) {
        return p == null ? null : new PasswordPolicyDto(p.minLength(), p.minClasses());
    }
}
