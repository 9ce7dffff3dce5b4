package io.tenmail.admin.api.auth;

import io.tenmail.admin.api.errors.ErrorResponses;
import io.tenmail.admin.api.errors.StoreFailure;
import io.tenmail.storage.ApiTokens;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.ApiToken;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, for every resource method not annotated {@link PermitAll}:
 * <ul>
 *   <li>{@code Authorization: Bearer <token>} (RFC 6750): the platform administrator's token, or
 *       an API token ({@code tmk_...}). A missing or wrong token gets 401 with
 *       {@code WWW-Authenticate: Bearer}. The platform token is compared in constant time
 *       ({@link PlatformToken}).</li>
 *   <li>otherwise the console's session cookie; for an unsafe method (anything but GET, HEAD,
 *       OPTIONS) also the session's CSRF token in {@value #CSRF_HEADER} (a forged cross-site
 *       request carries the cookie but cannot read the token). Bearer requests need no CSRF token:
 *       a browser never adds an Authorization header by itself.</li>
 * </ul>
 * Accounts behind sessions and API tokens are re-read on every request ({@link Callers}).
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(AuthenticationFilter.class);
    public static final String COOKIE = "tenmail_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String REALM = "tenmail";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final PlatformToken platformToken;
    private final ApiTokens apiTokens;
    private final ConsoleSessions sessions;
    private final Callers callers;

    @Context
    private ResourceInfo resourceInfo;

    public AuthenticationFilter(PlatformToken platformToken, ApiTokens apiTokens, ConsoleSessions sessions, Callers callers) {
        this.platformToken = platformToken;
        this.apiTokens = apiTokens;
        this.sessions = sessions;
        this.callers = callers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isOpen()) return;
        boolean secure = request.getSecurityContext().isSecure();
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            String token = bearerToken(header);
            if (token == null) {
                refuse(request, "authentication required: send Authorization: Bearer <token>", "Bearer realm=\"" + REALM + "\"");
                return;
            }
            Optional<AdminPrincipal> who = byToken(token);
            if (who.isEmpty()) {
                // RFC 6750 §3.1: invalid_token when a token was presented but is not accepted.
                refuse(request, "invalid token", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
                return;
            }
            request.setSecurityContext(new CallerContext(who.get(), secure, "Bearer"));
            return;
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        Optional<ConsoleSessions.Session> session = sessions.find(cookie == null ? null : cookie.getValue());
        if (session.isEmpty()) {
            refuse(request, cookie == null ? "authentication required: log in (POST /api/v1/session) or send Authorization: Bearer <token>"
                    : "session expired or logged out; log in again", "Bearer realm=\"" + REALM + "\"");
            return;
        }
        Optional<AdminPrincipal> who = current(session.get().principal());
        if (who.isEmpty()) {
            sessions.close(session.get().id());
            refuse(request, "this account can no longer log in", "Bearer realm=\"" + REALM + "\"");
            return;
        }
        if (!SAFE.contains(request.getMethod()) && !ConsoleSessions.csrfMatches(session.get(), request.getHeaderString(CSRF_HEADER))) {
            log.info("403 {} {}: CSRF token missing or wrong for {}", request.getMethod(), request.getUriInfo().getPath(), who.get().name());
            request.abortWith(ErrorResponses.of(403, "CSRF token missing or wrong: send the token from GET /api/v1/session in "
                    + CSRF_HEADER));
            return;
        }
        request.setProperty(SessionAttributes.SESSION, session.get());
        request.setSecurityContext(new CallerContext(who.get(), secure, "Session"));
    }

    private Optional<AdminPrincipal> byToken(String token) {
        if (platformToken.matches(token)) return Optional.of(AdminPrincipal.PLATFORM);
        try {
            Optional<ApiToken> t = apiTokens.authenticate(token);
            if (t.isEmpty()) return Optional.empty();
            ApiToken found = t.get();
            if (found.account().isEmpty()) return Optional.of(AdminPrincipal.platform(Via.API_TOKEN, Optional.of(found.id())));
            return callers.forAccount(found.tenant().orElseThrow(), found.account().get(), Role.parse(found.role()), Via.API_TOKEN,
                    Optional.of(found.id()));
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
    }

    /**
     * The session's caller as the directory says now: an account disabled or dismissed since the
     * login loses its access at once (and one appointed since gains it).
     */
    private Optional<AdminPrincipal> current(AdminPrincipal atLogin) {
        if (atLogin.isPlatform()) return Optional.of(atLogin);
        try {
            return callers.forAccount(atLogin.tenant().orElseThrow(), atLogin.account().orElseThrow(), Role.PLATFORM_ADMIN, Via.SESSION,
                    Optional.empty());
        } catch (StoreException e) {
            throw new StoreFailure(e);
        }
    }

    private boolean isOpen() {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) return false;
        return method.isAnnotationPresent(PermitAll.class) || resourceInfo.getResourceClass().isAnnotationPresent(PermitAll.class);
    }

    /** The token of {@code Bearer <token>} (scheme case-insensitive, RFC 7235 §2.1), or null. */
    static String bearerToken(String header) {
        if (header == null) return null;
        String h = header.strip();
        int space = h.indexOf(' ');
        if (space < 0 || !h.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) return null;
        String token = h.substring(space + 1).strip();
        return token.isEmpty() ? null : token;
    }

    private static void refuse(ContainerRequestContext request, String message, String challenge) {
        log.info("401 {} {}: {}", request.getMethod(), request.getUriInfo().getPath(), message);
        request.abortWith(Response.fromResponse(ErrorResponses.of(401, message))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build());
    }

    private record CallerContext(AdminPrincipal principal, boolean secure, String scheme) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return principal.role().name().equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }
}
