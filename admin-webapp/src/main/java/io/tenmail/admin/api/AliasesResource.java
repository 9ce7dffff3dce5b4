package io.tenmail.admin.api;

import io.tenmail.admin.api.dto.AliasDto;
import io.tenmail.admin.api.dto.CreateAliasRequest;
import io.tenmail.admin.api.dto.UpdateAliasRequest;
import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Alias;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.EmailAddress;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** /aliases: addresses that forward to other addresses, by address. */
@Singleton
@Path("/aliases")
@Produces(MediaType.APPLICATION_JSON)
public final class AliasesResource {
    private final DirectoryAdmin directory;
    private final Scope scope;

    @Inject
    AliasesResource(DirectoryAdmin directory, Scope scope) {
        this.directory = directory;
        this.scope = scope;
    }

    /** The aliases of one domain, of one tenant, or of every tenant. */
    @GET
    public List<AliasDto> list(@QueryParam("domain") String domain, @QueryParam("tenant") String tenant,
                               @Context SecurityContext security) throws StoreException {
        List<Alias> found = new ArrayList<>();
        for (Scope.Part part : scope.listing(Who.of(security), domain, tenant)) {
            found.addAll(directory.aliases(part.tenant(), part.domain()));
        }
        return found.stream().map(AliasDto::from).toList();
    }

    @POST
    @Audited("alias.create")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateAliasRequest body, @Context UriInfo uri,
                           @Context SecurityContext security) throws StoreException {
        EmailAddress address = Input.address("address", body.address());
        List<EmailAddress> targets = Input.addresses("targets", body.targets(), false);
        Alias a = directory.createAlias(scope.tenantOf(Who.of(security), address), address, targets);
        return Response.created(uri.getAbsolutePathBuilder().segment(a.address().toString()).build())
                .entity(AliasDto.from(a)).build();
    }

    @GET
    @Path("{address}")
    public AliasDto get(@PathParam("address") String address, @Context SecurityContext security) throws StoreException {
        return AliasDto.from(alias(Who.of(security), address));
    }

    /** Replaces the targets. */
    @PUT
    @Audited("alias.update")
    @Path("{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AliasDto update(@PathParam("address") String address, UpdateAliasRequest body,
                           @Context SecurityContext security) throws StoreException {
        List<EmailAddress> targets = Input.addresses("targets", body.targets(), false);
        Alias a = alias(Who.of(security), address);
        return AliasDto.from(directory.updateAlias(a.tenant(), a.id(), targets));
    }

    @DELETE
    @Audited("alias.delete")
    @Path("{address}")
    public void delete(@PathParam("address") String address, @Context SecurityContext security) throws StoreException {
        Alias a = alias(Who.of(security), address);
        directory.deleteAlias(a.tenant(), a.id());
    }

    /** The port finds aliases by id; the API names them by address, so look within the domain. */
    private Alias alias(AdminPrincipal who, String pathAddress) throws StoreException {
        EmailAddress address = Input.pathAddress("alias", pathAddress);
        Domain d = scope.domainOf(who, address);
        return directory.aliases(d.tenant(), Optional.of(d.id())).stream()
                .filter(a -> a.address().key().equals(address.key()))
                .findFirst()
                .orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND, "alias " + address + " not found"));
    }
}
