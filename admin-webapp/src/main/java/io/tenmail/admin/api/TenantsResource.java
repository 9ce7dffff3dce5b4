package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.admin.api.dto.AccountDto;
import io.tenmail.admin.api.dto.CreateTenantRequest;
import io.tenmail.admin.api.dto.PasswordPoliciesDto;
import io.tenmail.admin.api.dto.PasswordPolicyDto;
import io.tenmail.admin.api.dto.TenantDto;
import io.tenmail.admin.api.dto.UpdateTenantRequest;
import io.tenmail.admin.api.errors.InvalidInputException;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.PasswordPolicy;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /tenants: the organisations that own domains. The platform administrator creates, changes and
 * deletes them and appoints their domain administrators; a domain administrator sees only their
 * own tenant and may tighten its password policy.
 */
@Singleton
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantsResource {
    private final DirectoryAdmin directory;
    private final Scope scope;
    private final PasswordRules passwords;
    private final AccountUsage usage;

    @Inject
    TenantsResource(DirectoryAdmin directory, Scope scope, PasswordRules passwords, AccountUsage usage) {
        this.directory = directory;
        this.scope = scope;
        this.passwords = passwords;
        this.usage = usage;
    }

    @GET
    public List<TenantDto> list(@Context SecurityContext security) throws StoreException {
        AdminPrincipal who = Who.of(security).requireAdmin();
        if (who.isPlatform()) return directory.tenants().stream().map(TenantDto::from).toList();
        return List.of(TenantDto.from(directory.tenant(who.tenant().orElseThrow())));
    }

    @POST
    @Audited("tenant.create")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateTenantRequest body, @Context UriInfo uri,
                           @Context SecurityContext security) throws StoreException {
        Who.of(security).requirePlatform();
        Tenant t = directory.createTenant(Input.name("name", body.name()),
                Input.nonNegative("maxAccounts", body.maxAccounts(), 0),
                Input.nonNegative("maxStorageBytes", body.maxStorageBytes(), 0));
        AuditNotes.tenant(t.id());
        return Response.created(uri.getAbsolutePathBuilder().segment(String.valueOf(t.id().value())).build())
                .entity(TenantDto.from(t)).build();
    }

    @GET
    @Path("{id}")
    public TenantDto get(@PathParam("id") String id, @Context SecurityContext security) throws StoreException {
        return TenantDto.from(scope.tenant(Who.of(security), tenantId(id)));
    }

    @PUT
    @Audited("tenant.update")
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TenantDto update(@PathParam("id") String id, UpdateTenantRequest body,
                            @Context SecurityContext security) throws StoreException {
        Tenant t = platformOnly(security, id);
        return TenantDto.from(directory.updateTenant(t.id(), Input.name("name", body.name()),
                Input.requiredNonNegative("maxAccounts", body.maxAccounts()),
                Input.requiredNonNegative("maxStorageBytes", body.maxStorageBytes()),
                Input.required("suspended", body.suspended())));
    }

    @DELETE
    @Audited("tenant.delete")
    @Path("{id}")
    public void delete(@PathParam("id") String id, @Context SecurityContext security) throws StoreException {
        directory.deleteTenant(platformOnly(security, id).id());
    }

    // domain administrators

    @GET
    @Path("{id}/domain-admins")
    public List<AccountDto> domainAdmins(@PathParam("id") String id, @Context SecurityContext security) throws StoreException {
        Tenant t = scope.tenant(Who.of(security), tenantId(id));
        List<AccountDto> result = new ArrayList<>();
        for (Account a : directory.domainAdmins(t.id())) result.add(AccountDto.from(a, usage.usedBytes(a)));
        return result;
    }

    /** Appoints an account of the tenant as one of its domain administrators (platform administrator only). */
    @PUT
    @Audited("domain-admin.appoint")
    @Path("{id}/domain-admins/{address}")
    public AccountDto appoint(@PathParam("id") String id, @PathParam("address") String address,
                              @Context SecurityContext security) throws StoreException {
        Tenant t = platformOnly(security, id);
        Account a = accountOf(t, address);
        AuditNotes.target(a.address().toString());
        directory.appointDomainAdmin(t.id(), a.id());
        return AccountDto.from(a, usage.usedBytes(a));
    }

    @DELETE
    @Audited("domain-admin.dismiss")
    @Path("{id}/domain-admins/{address}")
    public void dismiss(@PathParam("id") String id, @PathParam("address") String address,
                        @Context SecurityContext security) throws StoreException {
        Tenant t = platformOnly(security, id);
        Account a = accountOf(t, address);
        AuditNotes.target(a.address().toString());
        directory.dismissDomainAdmin(t.id(), a.id());
    }

    private Account accountOf(Tenant t, String pathAddress) throws StoreException {
        EmailAddress address = Input.pathAddress("account", pathAddress);
        return directory.findAccount(t.id(), address)
                .orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND, "account " + address + " not found in tenant " + t.id().value()));
    }

    // password policy

    @GET
    @Path("{id}/password-policy")
    public PasswordPoliciesDto passwordPolicy(@PathParam("id") String id,
                                              @Context SecurityContext security) throws StoreException {
        Tenant t = scope.tenant(Who.of(security), tenantId(id));
        return policies(t.id());
    }

    /** Sets the tenant's own policy, which may only be stricter than the platform's (400 otherwise). */
    @PUT
    @Audited("password-policy.set")
    @Path("{id}/password-policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public PasswordPoliciesDto setPasswordPolicy(@PathParam("id") String id, PasswordPolicyDto body,
                                                 @Context SecurityContext security) throws StoreException {
        int minLength = (int) Input.requiredNonNegative("minLength", body.minLength() == null ? null : (long) body.minLength());
        int minClasses = (int) Input.requiredNonNegative("minClasses", body.minClasses() == null ? null : (long) body.minClasses());
        if (minLength < 1 || minLength > PasswordPolicy.MAX_LENGTH) {
            throw new InvalidInputException("minLength", "must be between 1 and " + PasswordPolicy.MAX_LENGTH);
        }
        if (minClasses < 1 || minClasses > PasswordPolicy.CLASSES) {
            throw new InvalidInputException("minClasses", "must be between 1 and " + PasswordPolicy.CLASSES);
        }
        PasswordPolicy policy = new PasswordPolicy(minLength, minClasses);
        PasswordPolicy platform = passwords.platform();
        if (!platform.isTightenedBy(policy)) {
            throw new InvalidInputException(policy.minLength() < platform.minLength() ? "minLength" : "minClasses",
                    "a tenant may only tighten the platform policy (at least " + platform.minLength() + " characters from "
                            + platform.minClasses() + " classes)");
        }
        Tenant t = scope.tenant(Who.of(security), tenantId(id));
        directory.setPasswordPolicy(t.id(), Optional.of(policy));
        AuditNotes.detail("minLength=" + minLength + " minClasses=" + minClasses);
        return policies(t.id());
    }

    /** Removes the tenant's own policy: the platform's applies again. */
    @DELETE
    @Audited("password-policy.remove")
    @Path("{id}/password-policy")
    public PasswordPoliciesDto removePasswordPolicy(@PathParam("id") String id,
                                                    @Context SecurityContext security) throws StoreException {
        Tenant t = scope.tenant(Who.of(security), tenantId(id));
        directory.setPasswordPolicy(t.id(), Optional.empty());
        return policies(t.id());
    }

    private PasswordPoliciesDto policies(TenantId t) throws StoreException {
        Optional<PasswordPolicy> own = directory.passwordPolicy(t);
        return new PasswordPoliciesDto(PasswordPolicyDto.from(passwords.platform()), PasswordPolicyDto.from(own.orElse(null)),
                PasswordPolicyDto.from(passwords.effective(t)));
    }

    /** The tenant for a platform-only change: another tenant is 404 for a domain administrator, their own 403. */
    private Tenant platformOnly(SecurityContext security, String id) throws StoreException {
        AdminPrincipal who = Who.of(security);
        Tenant t = scope.tenant(who, tenantId(id));
        who.requirePlatform();
        return t;
    }

    private static TenantId tenantId(String path) throws StoreException {
        return new TenantId(Input.pathId("tenant", path));
    }
}
