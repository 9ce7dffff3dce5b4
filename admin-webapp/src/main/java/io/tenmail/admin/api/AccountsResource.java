package io.tenmail.admin.api;

import io.tenmail.admin.api.dto.AccountDto;
import io.tenmail.admin.api.dto.AccountPageDto;
import io.tenmail.admin.api.dto.AppPasswordDto;
import io.tenmail.admin.api.dto.CreateAccountRequest;
import io.tenmail.admin.api.dto.CreateAppPasswordRequest;
import io.tenmail.admin.api.dto.NewAppPasswordDto;
import io.tenmail.admin.api.dto.PasswordRequest;
import io.tenmail.admin.api.dto.PatchAccountRequest;
import io.tenmail.admin.api.errors.InvalidInputException;
import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.DirectoryAdmin.AccountChange;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AccountOrder;
import io.tenmail.storage.model.AppPasswordId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Page;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** /accounts: mailbox accounts by address, their passwords and app passwords. */
@Singleton
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountsResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final DirectoryAdmin directory;
    private final Scope scope;
    private final AccountUsage usage;
    private final PasswordRules passwords;
    private final Clock clock = Clock.systemUTC();

    @Inject
    AccountsResource(DirectoryAdmin directory, Scope scope, AccountUsage usage, PasswordRules passwords) {
        this.directory = directory;
        this.scope = scope;
        this.usage = usage;
        this.passwords = passwords;
    }

    /**
     * One page of accounts, ordered by {@code sort} (default: address) within a tenant. With
     * {@code domain}, that domain's accounts; with {@code tenant}, that tenant's; with neither,
     * every tenant's, tenant by tenant.
     */
    @GET
    public AccountPageDto list(@QueryParam("domain") String domain, @QueryParam("tenant") String tenant,
                               @QueryParam("search") String search, @QueryParam("sort") String sortParam,
                               @QueryParam("offset") String offsetParam,
                               @QueryParam("limit") String limitParam, @Context SecurityContext security) throws StoreException {
        int offset = Input.intParam("offset", offsetParam, 0, 0, Integer.MAX_VALUE);
        int limit = Input.intParam("limit", limitParam, DEFAULT_LIMIT, 1, MAX_LIMIT);
        String term = search == null || search.isBlank() ? null : search.strip();
        AccountOrder order = order(sortParam);
        Page<Account> page = page(scope.listing(Who.of(security), domain, tenant), term, order, offset, limit);
        List<AccountDto> items = new ArrayList<>(page.items().size());
        for (Account a : page.items()) items.add(view(a));
        return new AccountPageDto(items, page.total(), offset, limit);
    }

    /**
     * One page of the parts' lists concatenated (one domain, one tenant, or every tenant in the
     * order {@code tenants()} returns them). Parts wholly before the page are asked only for their
     * count (a one-item page).
     */
    private static AccountOrder order(String sort) {
        if (sort == null || sort.isBlank()) return AccountOrder.BY_ADDRESS;
        try {
            return AccountOrder.parse(sort);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sort", e.getMessage());
        }
    }

    private Page<Account> page(List<Scope.Part> parts, String search, AccountOrder order, int offset, int limit)
            throws StoreException {
        List<Account> items = new ArrayList<>();
        long before = 0;
        for (Scope.Part part : parts) {
            int remaining = limit - items.size();
            long localOffset = Math.max(0, offset - before);
            boolean wanted = remaining > 0 && localOffset <= Integer.MAX_VALUE;
            Page<Account> p = directory.accounts(part.tenant(), part.domain(), search, order,
                    wanted ? (int) localOffset : 0, wanted ? remaining : 1);
            if (wanted) items.addAll(p.items());
            before += p.total();
        }
        return new Page<>(items.size() > limit ? items.subList(0, limit) : items, before, offset, limit);
    }

    @POST
    @Audited("account.create")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateAccountRequest body, @Context UriInfo uri,
                           @Context SecurityContext security) throws StoreException {
        EmailAddress address = Input.address("address", body.address());
        String password = Input.password("password", body.password());
        String displayName = Input.displayName("displayName", body.displayName());
        long quota = Input.nonNegative("quotaBytes", body.quotaBytes(), 0);
        TenantId tenant = scope.tenantOf(Who.of(security), address);
        passwords.check(tenant, "password", password);
        Account a = directory.createAccount(tenant, address, displayName, password, quota);
        return Response.created(uri.getAbsolutePathBuilder().segment(a.address().toString()).build())
                .entity(view(a)).build();
    }

    @GET
    @Path("{address}")
    public AccountDto get(@PathParam("address") String address, @Context SecurityContext security) throws StoreException {
        return view(account(Who.of(security), address));
    }

    /** Changes only the fields present in the body. */
    @PATCH
    @Audited("account.update")
    @Path("{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountDto update(@PathParam("address") String address, PatchAccountRequest body,
                             @Context SecurityContext security) throws StoreException {
        AccountChange change = new AccountChange(
                Optional.ofNullable(body.displayName()).map(n -> Input.displayName("displayName", n)),
                Optional.ofNullable(body.enabled()),
                Optional.ofNullable(body.quotaBytes()).map(q -> Input.nonNegative("quotaBytes", q, 0)),
                Optional.ofNullable(body.protocols()).map(p -> Input.protocols("protocols", p)),
                Optional.ofNullable(body.appPasswordRequired()));
        Account a = account(Who.of(security), address);
        return view(directory.updateAccount(a.tenant(), a.id(), change));
    }

    @DELETE
    @Audited("account.delete")
    @Path("{address}")
    public void delete(@PathParam("address") String address, @Context SecurityContext security) throws StoreException {
        Account a = account(Who.of(security), address);
        directory.deleteAccount(a.tenant(), a.id());
    }

    @PUT
    @Audited("account.password.reset")
    @Path("{address}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public void setPassword(@PathParam("address") String address, PasswordRequest body,
                            @Context SecurityContext security) throws StoreException {
        String password = Input.password("password", body.password());
        Account a = account(Who.of(security), address);
        passwords.check(a.tenant(), "password", password);
        directory.setPassword(a.tenant(), a.id(), password);
    }

    @GET
    @Path("{address}/app-passwords")
    public List<AppPasswordDto> appPasswords(@PathParam("address") String address,
                                             @Context SecurityContext security) throws StoreException {
        Account a = account(Who.of(security), address);
        return directory.appPasswords(a.tenant(), a.id()).stream().map(AppPasswordDto::from).toList();
    }

    /** Creates an app password; the response is the only time its secret is shown. */
    @POST
    @Audited("app-password.create")
    @Path("{address}/app-passwords")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAppPassword(@PathParam("address") String address, CreateAppPasswordRequest body,
                                      @Context UriInfo uri, @Context SecurityContext security) throws StoreException {
        Account a = account(Who.of(security), address);
        NewAppPasswordDto created = AppPasswordRequests.create(directory, a, body, clock);
        return Response.created(uri.getAbsolutePathBuilder().segment(String.valueOf(created.appPassword().id())).build())
                .entity(created).build();
    }

    @DELETE
    @Audited("app-password.delete")
    @Path("{address}/app-passwords/{id}")
    public void deleteAppPassword(@PathParam("address") String address, @PathParam("id") String id,
                                  @Context SecurityContext security) throws StoreException {
        AppPasswordId appPassword = new AppPasswordId(Input.pathId("app password", id));
        Account a = account(Who.of(security), address);
        directory.deleteAppPassword(a.tenant(), a.id(), appPassword);
    }

    private Account account(AdminPrincipal who, String pathAddress) throws StoreException {
        EmailAddress address = Input.pathAddress("account", pathAddress);
        TenantId tenant = scope.tenantOf(who, address);
        return directory.findAccount(tenant, address)
                .orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND, "account " + address + " not found"));
    }

    private AccountDto view(Account a) throws StoreException {
        return AccountDto.from(a, usage.usedBytes(a));
    }

}
