package io.tenmail.admin.api;

import io.tenmail.admin.api.dto.CreateTenantRequest;
import io.tenmail.admin.api.dto.TenantDto;
import io.tenmail.admin.api.dto.UpdateTenantRequest;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Tenant;
import io.tenmail.storage.model.TenantId;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** /tenants: the organisations that own domains (platform administrator only). */
@Singleton
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantsResource {
    private final DirectoryAdmin directory;

    @Inject
    TenantsResource(DirectoryAdmin directory) {
        this.directory = directory;
    }

    @GET
    public List<TenantDto> list() throws StoreException {
        return directory.tenants().stream().map(TenantDto::from).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateTenantRequest body, @Context UriInfo uri) throws StoreException {
        Tenant t = directory.createTenant(Input.name("name", body.name()),
                Input.nonNegative("maxAccounts", body.maxAccounts(), 0),
                Input.nonNegative("maxStorageBytes", body.maxStorageBytes(), 0));
        return Response.created(uri.getAbsolutePathBuilder().segment(String.valueOf(t.id().value())).build())
                .entity(TenantDto.from(t)).build();
    }

    @GET
    @Path("{id}")
    public TenantDto get(@PathParam("id") String id) throws StoreException {
        return TenantDto.from(directory.tenant(tenantId(id)));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TenantDto update(@PathParam("id") String id, UpdateTenantRequest body) throws StoreException {
        TenantId tenant = tenantId(id);
        return TenantDto.from(directory.updateTenant(tenant, Input.name("name", body.name()),
                Input.requiredNonNegative("maxAccounts", body.maxAccounts()),
                Input.requiredNonNegative("maxStorageBytes", body.maxStorageBytes()),
                Input.required("suspended", body.suspended())));
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") String id) throws StoreException {
        directory.deleteTenant(tenantId(id));
    }

    private static TenantId tenantId(String path) throws StoreException {
        return new TenantId(Input.pathId("tenant", path));
    }
}
