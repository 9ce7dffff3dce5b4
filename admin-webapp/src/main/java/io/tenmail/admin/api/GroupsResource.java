package io.tenmail.admin.api;

import io.tenmail.admin.api.dto.CreateGroupRequest;
import io.tenmail.admin.api.dto.GroupDto;
import io.tenmail.admin.api.dto.UpdateGroupRequest;
import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Group;
import io.tenmail.storage.model.SendPolicy;
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

/** /groups: group mailboxes (mail to the group reaches every member once), by address. */
@Singleton
@Path("/groups")
@Produces(MediaType.APPLICATION_JSON)
public final class GroupsResource {
    /** A group reachable from anywhere, like a role address (sales@, info@), unless told otherwise. */
    static final SendPolicy DEFAULT_POLICY = SendPolicy.ANYONE;

    private final DirectoryAdmin directory;
    private final Scope scope;

    @Inject
    GroupsResource(DirectoryAdmin directory, Scope scope) {
        this.directory = directory;
        this.scope = scope;
    }

    /** The groups of one domain, of one tenant, or of every tenant. */
    @GET
    public List<GroupDto> list(@QueryParam("domain") String domain, @QueryParam("tenant") String tenant,
                               @Context SecurityContext security) throws StoreException {
        List<Group> found = new ArrayList<>();
        for (Scope.Part part : scope.listing(Who.of(security), domain, tenant)) {
            found.addAll(directory.groups(part.tenant(), part.domain()));
        }
        return found.stream().map(GroupDto::from).toList();
    }

    @POST
    @Audited("group.create")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateGroupRequest body, @Context UriInfo uri,
                           @Context SecurityContext security) throws StoreException {
        EmailAddress address = Input.address("address", body.address());
        String displayName = Input.displayName("displayName", body.displayName());
        List<EmailAddress> members = Input.addresses("members", body.members(), true);
        SendPolicy policy = body.sendPolicy() == null ? DEFAULT_POLICY : Input.sendPolicy("sendPolicy", body.sendPolicy());
        Group g = directory.createGroup(scope.tenantOf(Who.of(security), address), address, displayName, members, policy);
        return Response.created(uri.getAbsolutePathBuilder().segment(g.address().toString()).build())
                .entity(GroupDto.from(g)).build();
    }

    @GET
    @Path("{address}")
    public GroupDto get(@PathParam("address") String address, @Context SecurityContext security) throws StoreException {
        return GroupDto.from(group(Who.of(security), address));
    }

    /** Replaces display name, members and policy; all three are required. */
    @PUT
    @Audited("group.update")
    @Path("{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupDto update(@PathParam("address") String address, UpdateGroupRequest body,
                           @Context SecurityContext security) throws StoreException {
        String displayName = Input.displayName("displayName", Input.required("displayName", body.displayName()));
        List<EmailAddress> members = Input.addresses("members", body.members(), true);
        SendPolicy policy = Input.sendPolicy("sendPolicy", body.sendPolicy());
        Group g = group(Who.of(security), address);
        return GroupDto.from(directory.updateGroup(g.tenant(), g.id(), displayName, members, policy));
    }

    @DELETE
    @Audited("group.delete")
    @Path("{address}")
    public void delete(@PathParam("address") String address, @Context SecurityContext security) throws StoreException {
        Group g = group(Who.of(security), address);
        directory.deleteGroup(g.tenant(), g.id());
    }

    /** The port finds groups by id; the API names them by address, so look within the domain. */
    private Group group(AdminPrincipal who, String pathAddress) throws StoreException {
        EmailAddress address = Input.pathAddress("group", pathAddress);
        Domain d = scope.domainOf(who, address);
        return directory.groups(d.tenant(), Optional.of(d.id())).stream()
                .filter(g -> g.address().key().equals(address.key()))
                .findFirst()
                .orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND, "group " + address + " not found"));
    }
}
