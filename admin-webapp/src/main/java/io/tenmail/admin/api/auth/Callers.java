package io.tenmail.admin.api.auth;

import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.ApiTokenId;
import io.tenmail.storage.model.TenantId;

import java.util.Optional;

/**
 * Who an account is now: re-read on every request made with a session or an API token, so that
 * disabling an account, suspending its tenant or dismissing a domain administrator takes effect
 * at the next request, not at the next login. Thread-safe.
 */
public final class Callers {
    private final DirectoryAdmin directory;

    public Callers(DirectoryAdmin directory) {
        this.directory = directory;
    }

    /** The account's role now ({@code DOMAIN_ADMIN} if appointed, else {@code USER}). */
    public Role roleOf(Account a) throws StoreException {
        return directory.isDomainAdmin(a.tenant(), a.id()) ? Role.DOMAIN_ADMIN : Role.USER;
    }

    /**
     * The principal of an account that may still log in, acting with at most {@code maxRole};
     * empty when the account is gone or disabled, or its tenant suspended.
     */
    public Optional<AdminPrincipal> forAccount(TenantId tenant, AccountId account, Role maxRole, Via via,
                                               Optional<ApiTokenId> token) throws StoreException {
        Account a;
        try {
            a = directory.account(tenant, account);
            if (!a.enabled() || directory.tenant(tenant).suspended()) return Optional.empty();
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.NOT_FOUND) return Optional.empty();
            throw e;
        }
        return Optional.of(AdminPrincipal.account(roleOf(a).atMost(maxRole), tenant, account, a.address(), via, token));
    }
}
