package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.admin.api.dto.SpamListsDto;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Optional;

/**
 * /accounts/{address}/spam-lists (issue 7): one account's own allow and block lists, which come
 * before its tenant's. Administrators of the account's tenant, and — self-service — the account
 * itself, whatever its role; any other user is refused (403) as on every /accounts path.
 */
@Singleton
@Path("/accounts/{address}/spam-lists")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountSpamResource {
    private final DirectoryAdmin directory;
    private final Scope scope;

    @Inject
    AccountSpamResource(DirectoryAdmin directory, Scope scope) {
        this.directory = directory;
        this.scope = scope;
    }

    @GET
    public SpamListsDto lists(@PathParam("address") String address, @Context SecurityContext security) throws StoreException {
        Account a = account(Who.of(security), address);
        return SpamListsDto.from(directory.spamList(a.tenant(), Optional.of(a.id())));
    }

    /** Replaces the account's allow and block lists. */
    @PUT
    @Audited("account.spam-lists.set")
    @Consumes(MediaType.APPLICATION_JSON)
    public SpamListsDto setLists(@PathParam("address") String address, SpamListsDto body, @Context SecurityContext security)
            throws StoreException {
        Account a = account(Who.of(security), address);
        directory.setSpamList(a.tenant(), Optional.of(a.id()), SpamFilterInput.lists(body));
        return SpamListsDto.from(directory.spamList(a.tenant(), Optional.of(a.id())));
    }

    private Account account(AdminPrincipal who, String pathAddress) throws StoreException {
        EmailAddress address = Input.pathAddress("account", pathAddress);
        if (who.account().isPresent() && who.address().filter(own -> own.key().equals(address.key())).isPresent()) {
            AuditNotes.tenant(who.tenant().orElseThrow());
            AuditNotes.target(who.name());
            return directory.account(who.tenant().orElseThrow(), who.account().get());
        }
        TenantId tenant = scope.tenantOf(who, address);
        return directory.findAccount(tenant, address)
                .orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND, "account " + address + " not found"));
    }
}
