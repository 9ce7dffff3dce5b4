package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.admin.api.dto.AccountDto;
import io.tenmail.admin.api.dto.AppPasswordDto;
import io.tenmail.admin.api.dto.ChangePasswordRequest;
import io.tenmail.admin.api.dto.CreateAppPasswordRequest;
import io.tenmail.admin.api.dto.LastLoginDto;
import io.tenmail.admin.api.dto.NewAppPasswordDto;
import io.tenmail.admin.api.dto.PasswordPolicyDto;
import io.tenmail.admin.api.dto.SelfDto;
import io.tenmail.admin.autoconfig.ClientConfigs;
import io.tenmail.admin.api.errors.InvalidInputException;
import io.tenmail.admin.api.errors.TooManyAttemptsException;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AppPasswordId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
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

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;

/**
 * /self: self-service of the caller's own account, for every role that is an account (users and
 * domain administrators): see it, change its password (proving the current one), manage its app
 * passwords, and see its last login per protocol. The platform administrator has no account: 404.
 */
@Singleton
@Path("/self")
@Produces(MediaType.APPLICATION_JSON)
public final class SelfResource {
    private final DirectoryAdmin directory;
    private final PasswordRules passwords;
    private final AccountUsage usage;
    private final LoginThrottle throttle;
    private final MailSetup mail;
    private final Clock clock = Clock.systemUTC();

    @Inject
    SelfResource(DirectoryAdmin directory, PasswordRules passwords, AccountUsage usage, LoginThrottle throttle, MailSetup mail) {
        this.directory = directory;
        this.passwords = passwords;
        this.usage = usage;
        this.throttle = throttle;
        this.mail = mail;
    }

    /**
     * An Apple configuration profile (iPhone, iPad, macOS Mail) for the caller's account, as a
     * download; the device asks for the password (or an app password) when it is installed.
     */
    @GET
    @Path("mobileconfig")
    @Produces("application/x-apple-aspen-config")
    public Response mobileconfig(@Context SecurityContext security) throws StoreException {
        Account a = own(Who.of(security));
        ClientConfigs configs = mail.configs().orElseThrow(() ->
                new StoreException(StoreException.Reason.NOT_FOUND, "this server has no mail client settings"));
        return Response.ok(configs.appleProfile(a.address(), a.displayName()))
                .header("Content-Disposition", "attachment; filename=\"" + a.address().localPart().replaceAll("[^A-Za-z0-9._-]", "_")
                        + ".mobileconfig\"")
                .build();
    }

    @GET
    public SelfDto get(@Context SecurityContext security) throws StoreException {
        AdminPrincipal who = Who.of(security);
        Account a = own(who);
        return new SelfDto(AccountDto.from(a, usage.usedBytes(a)), who.role().name(), PasswordPolicyDto.from(passwords.effective(a.tenant())));
    }

    /**
     * Changes the password, given the current one (400 naming {@code currentPassword} when it is
     * wrong; wrong guesses count against the login throttle, 429 past it).
     */
    @PUT
    @Audited("self.password.change")
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public void changePassword(ChangePasswordRequest body, @Context HttpServletRequest http, @Context SecurityContext security)
            throws StoreException {
        Account a = own(Who.of(security));
        String current = Input.password("currentPassword", body.currentPassword());
        String next = Input.password("newPassword", body.newPassword());
        InetAddress client = SessionResource.clientAddress(http);
        LoginThrottle.Verdict verdict = throttle.check(client, a.address().key());
        if (!verdict.allowed()) throw new TooManyAttemptsException(verdict.retryAfter());
        if (directory.checkPassword(a.address(), current).filter(x -> x.id().equals(a.id())).isEmpty()) {
            throttle.failed(client, a.address().key());
            throw new InvalidInputException("currentPassword", "is not the current password");
        }
        throttle.succeeded(client, a.address().key());
        passwords.check(a.tenant(), "newPassword", next);
        directory.setPassword(a.tenant(), a.id(), next);
    }

    @GET
    @Path("app-passwords")
    public List<AppPasswordDto> appPasswords(@Context SecurityContext security) throws StoreException {
        Account a = own(Who.of(security));
        return directory.appPasswords(a.tenant(), a.id()).stream().map(AppPasswordDto::from).toList();
    }

    /** Creates an app password ("authorization code") for a mail client; the secret is in this response only. */
    @POST
    @Audited("self.app-password.create")
    @Path("app-passwords")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAppPassword(CreateAppPasswordRequest body, @Context UriInfo uri, @Context SecurityContext security)
            throws StoreException {
        Account a = own(Who.of(security));
        NewAppPasswordDto created = AppPasswordRequests.create(directory, a, body, clock);
        return Response.created(uri.getAbsolutePathBuilder().segment(String.valueOf(created.appPassword().id())).build())
                .entity(created).build();
    }

    @DELETE
    @Audited("self.app-password.delete")
    @Path("app-passwords/{id}")
    public void deleteAppPassword(@PathParam("id") String id, @Context SecurityContext security) throws StoreException {
        AppPasswordId appPassword = new AppPasswordId(Input.pathId("app password", id));
        Account a = own(Who.of(security));
        directory.deleteAppPassword(a.tenant(), a.id(), appPassword);
    }

    /** The last successful login per protocol (SMTP, IMAP, POP3, and WEB for this console). */
    @GET
    @Path("logins")
    public List<LastLoginDto> logins(@Context SecurityContext security) throws StoreException {
        Account a = own(Who.of(security));
        return directory.lastLogins(a.tenant(), a.id()).stream().map(LastLoginDto::from).toList();
    }

    private Account own(AdminPrincipal who) throws StoreException {
        if (who.account().isEmpty()) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "the platform administrator has no account of its own");
        }
        AuditNotes.tenant(who.tenant().orElseThrow());
        AuditNotes.target(who.name());
        return directory.account(who.tenant().orElseThrow(), who.account().get());
    }
}
