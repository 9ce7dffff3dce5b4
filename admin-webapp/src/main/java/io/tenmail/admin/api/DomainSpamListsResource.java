package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.admin.api.dto.SpamListsDto;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Domain;
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
 * /domains/{name}/spam-lists (issue 7, docs/spam.md): the allow and block lists of the tenant that
 * owns the domain — one pair per tenant, shared by all its domains, reached through any of them.
 * The platform administrator and the domain administrators of the owning tenant; another
 * tenant's domain is 404.
 */
@Singleton
@Path("/domains/{name}/spam-lists")
@Produces(MediaType.APPLICATION_JSON)
public final class DomainSpamListsResource {
    private final DirectoryAdmin directory;
    private final Scope scope;

    @Inject
    DomainSpamListsResource(DirectoryAdmin directory, Scope scope) {
        this.directory = directory;
        this.scope = scope;
    }

    @GET
    public SpamListsDto lists(@PathParam("name") String name, @Context SecurityContext security) throws StoreException {
        Domain d = domain(Who.of(security), name);
        return SpamListsDto.from(directory.spamList(d.tenant(), Optional.empty()));
    }

    /** Replaces the tenant's allow and block lists. */
    @PUT
    @Audited("tenant.spam-lists.set")
    @Consumes(MediaType.APPLICATION_JSON)
    public SpamListsDto setLists(@PathParam("name") String name, SpamListsDto body, @Context SecurityContext security) throws StoreException {
        Domain d = domain(Who.of(security), name);
        directory.setSpamList(d.tenant(), Optional.empty(), SpamFilterInput.lists(body));
        return SpamListsDto.from(directory.spamList(d.tenant(), Optional.empty()));
    }

    private Domain domain(AdminPrincipal who, String pathName) throws StoreException {
        Domain d = scope.domainNamed(who, Input.pathDomain(pathName));
        AuditNotes.target(d.name());
        return d;
    }
}
