package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.admin.api.dto.SpamPolicyDto;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.SpamPolicy;
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

/**
 * /domains/{name}/spam-policy (issue 7, docs/spam.md): which spam checks run on mail to the domain
 * and its junk and reject thresholds. The platform administrator and the domain administrators of
 * the owning tenant; another tenant's domain is 404. (A resource of its own rather than methods of
 * DomainsResource: the spam filter's endpoints stay together.)
 */
@Singleton
@Path("/domains/{name}/spam-policy")
@Produces(MediaType.APPLICATION_JSON)
public final class DomainSpamResource {
    private final DirectoryAdmin directory;
    private final Scope scope;

    @Inject
    DomainSpamResource(DirectoryAdmin directory, Scope scope) {
        this.directory = directory;
        this.scope = scope;
    }

    @GET
    public SpamPolicyDto policy(@PathParam("name") String name, @Context SecurityContext security) throws StoreException {
        Domain d = domain(Who.of(security), name);
        return SpamPolicyDto.from(directory.spamPolicy(d.tenant(), d.id()));
    }

    /** Changes the fields given; the others keep their values. */
    @PUT
    @Audited("domain.spam-policy.set")
    @Consumes(MediaType.APPLICATION_JSON)
    public SpamPolicyDto setPolicy(@PathParam("name") String name, SpamPolicyDto body, @Context SecurityContext security)
            throws StoreException {
        Domain d = domain(Who.of(security), name);
        SpamPolicy policy = SpamFilterInput.policy(body, directory.spamPolicy(d.tenant(), d.id()));
        directory.setSpamPolicy(d.tenant(), d.id(), policy);
        return SpamPolicyDto.from(policy);
    }

    private Domain domain(AdminPrincipal who, String pathName) throws StoreException {
        Domain d = scope.domainNamed(who, Input.pathDomain(pathName));
        AuditNotes.target(d.name());
        return d;
    }
}
