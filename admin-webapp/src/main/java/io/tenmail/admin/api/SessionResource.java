package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.admin.api.auth.AuthenticationFilter;
import io.tenmail.admin.api.auth.Callers;
import io.tenmail.admin.api.auth.ConsoleSessions;
import io.tenmail.admin.api.auth.PlatformToken;
import io.tenmail.admin.api.auth.Role;
import io.tenmail.admin.api.auth.Via;
import io.tenmail.admin.api.dto.LoginRequest;
import io.tenmail.admin.api.dto.SessionDto;
import io.tenmail.admin.api.errors.ErrorResponses;
import io.tenmail.admin.api.errors.TooManyAttemptsException;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.DirectoryAdmin;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.EmailAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * /session: the console's login. POST with an account's address and password (never an app
 * password: those are for mail clients) or with the platform administrator's token opens a
 * session and sets its cookie ({@code HttpOnly; SameSite=Strict}, {@code Secure} when the request
 * came over HTTPS); the answer carries the CSRF token that unsafe requests must echo in
 * {@code X-CSRF-Token}. Failed logins are throttled per client address and per account
 * ({@link LoginThrottle}, shared with the mail protocols): 429 with Retry-After.
 */
@Singleton
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {
    private static final Logger log = LoggerFactory.getLogger(SessionResource.class);
    /** The throttle's account key for logins with the platform token. */
    static final String PLATFORM_KEY = "platform administrator";

    private final DirectoryAdmin directory;
    private final ConsoleSessions sessions;
    private final LoginThrottle throttle;
    private final PlatformToken platformToken;
    private final Callers callers;

    @Inject
    SessionResource(DirectoryAdmin directory, ConsoleSessions sessions, LoginThrottle throttle, PlatformToken platformToken,
                    Callers callers) {
        this.directory = directory;
        this.sessions = sessions;
        this.throttle = throttle;
        this.platformToken = platformToken;
        this.callers = callers;
    }

    @POST
    @PermitAll
    @Audited("session.login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest body, @Context HttpServletRequest http,
                          @Context SecurityContext security) throws StoreException {
        InetAddress client = clientAddress(http);
        if (body.token() != null && !body.token().isBlank()) {
            AuditNotes.actor("platform");
            AuditNotes.target("platform");
            allowed(client, PLATFORM_KEY);
            if (!platformToken.matches(body.token())) return refused(client, PLATFORM_KEY, "wrong token");
            throttle.succeeded(client, PLATFORM_KEY);
            AuditNotes.actorRole(Role.PLATFORM_ADMIN.name());
            return opened(sessions.open(AdminPrincipal.platform(Via.SESSION, Optional.empty())), security.isSecure());
        }
        EmailAddress address = Input.address("address", body.address());
        String password = Input.password("password", body.password());
        AuditNotes.actor(address.toString());
        AuditNotes.target(address.toString());
        allowed(client, address.key());
        Optional<Account> account = directory.checkPassword(address, password);
        if (account.isEmpty()) return refused(client, address.key(), "wrong address or password, or the account is disabled");
        throttle.succeeded(client, address.key());
        Account a = account.get();
        AuditNotes.tenant(a.tenant());
        directory.recordLogin(a.tenant(), a.id(), "WEB", Optional.of(client.getHostAddress()));
        AdminPrincipal who = AdminPrincipal.account(callers.roleOf(a), a.tenant(), a.id(), a.address(), Via.SESSION, Optional.empty());
        AuditNotes.actorRole(who.role().name());
        return opened(sessions.open(who), security.isSecure());
    }

    private void allowed(InetAddress client, String key) {
        LoginThrottle.Verdict verdict = throttle.check(client, key);
        if (!verdict.allowed()) throw new TooManyAttemptsException(verdict.retryAfter());
    }

    private Response refused(InetAddress client, String key, String message) {
        throttle.failed(client, key);
        log.info("console login refused for {} from {}", key, client.getHostAddress());
        return ErrorResponses.of(401, message);
    }

    private Response opened(ConsoleSessions.Session s, boolean secure) {
        NewCookie cookie = new NewCookie.Builder(AuthenticationFilter.COOKIE).value(s.id()).path("/").httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.ok(view(s.principal(), Optional.of(s))).cookie(cookie).build();
    }

    /** Who is calling; with a cookie session also its CSRF token (the console reads it after a reload). */
    @GET
    public SessionDto whoAmI(@CookieParam(AuthenticationFilter.COOKIE) String sessionId, @Context SecurityContext security) {
        AdminPrincipal who = Who.of(security);
        return view(who, who.via() == Via.SESSION ? sessions.find(sessionId) : Optional.empty());
    }

    /** Logs out: the session ends and the browser is told to drop the cookie. */
    @DELETE
    @Audited("session.logout")
    public Response logout(@CookieParam(AuthenticationFilter.COOKIE) String sessionId, @Context SecurityContext security) {
        Who.of(security);
        sessions.close(sessionId);
        NewCookie expired = new NewCookie.Builder(AuthenticationFilter.COOKIE).value("").path("/").httpOnly(true)
                .secure(security.isSecure()).sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
        return Response.noContent().cookie(expired).build();
    }

    private static SessionDto view(AdminPrincipal who, Optional<ConsoleSessions.Session> session) {
        return new SessionDto(who.role().name(), who.tenant().map(t -> t.value()).orElse(null),
                who.address().map(EmailAddress::toString).orElse(null), who.via().name(),
                session.map(ConsoleSessions.Session::csrfToken).orElse(null), session.map(ConsoleSessions.Session::expires).orElse(null));
    }

    static InetAddress clientAddress(HttpServletRequest http) {
        try {
            // getRemoteAddr is a literal IP address: no DNS look-up happens here
            return InetAddress.getByName(http.getRemoteAddr());
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }
}
