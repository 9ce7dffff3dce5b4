package io.tenmail.admin.api;

import io.tenmail.admin.api.errors.InvalidInputException;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.PasswordPolicy;
import io.tenmail.storage.model.TenantId;

/**
 * The password policy of a tenant: the platform default ({@code tenmail.admin.password-min-length},
 * {@code tenmail.admin.password-min-classes}) tightened by the tenant's own, if it has one.
 * Enforced wherever a password is set through the API: account creation, reset, self-change.
 */
final class PasswordRules {
    private final PasswordPolicy platform;
    private final DirectoryAdmin directory;

    PasswordRules(PasswordPolicy platform, DirectoryAdmin directory) {
        this.platform = platform;
        this.directory = directory;
    }

    PasswordPolicy platform() {
        return platform;
    }

    PasswordPolicy effective(TenantId tenant) throws StoreException {
        return directory.passwordPolicy(tenant).map(platform::tightenedBy).orElse(platform);
    }

    /** 400 naming {@code field} when {@code password} does not meet the tenant's policy. */
    void check(TenantId tenant, String field, String password) throws StoreException {
        PasswordPolicy policy = effective(tenant);
        var problem = policy.problem(password);
        if (problem.isPresent()) {
            throw new InvalidInputException(field, problem.get() + " (password policy: at least " + policy.minLength()
                    + " characters from at least " + policy.minClasses() + (policy.minClasses() == 1 ? " character class)" : " character classes)"));
        }
    }
}
