package io.tenmail.admin.api.auth;

import io.tenmail.admin.api.errors.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Locale;

/**
 * RFC 6750 bearer-token authentication: every resource method needs {@code Authorization: Bearer
 * <token>} unless it is annotated {@link PermitAll}. A missing or wrong token gets 401 with
 * {@code WWW-Authenticate: Bearer}. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the time taken says nothing about the token, not even its length.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ContainerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String REALM = "tenmail";

    private final byte[] platformTokenDigest;

    @Context
    private ResourceInfo resourceInfo;

    public BearerTokenFilter(String platformToken) {
        if (platformToken == null || platformToken.isBlank()) throw new IllegalArgumentException("platform token is missing");
        this.platformTokenDigest = sha256(platformToken.strip());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isOpen()) return;
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = bearerToken(header);
        if (token == null) {
            refuse(request, "authentication required: send Authorization: Bearer <token>",
                    "Bearer realm=\"" + REALM + "\"");
            return;
        }
        if (!MessageDigest.isEqual(sha256(token), platformTokenDigest)) {
            // RFC 6750 §3.1: invalid_token when a token was presented but is not accepted.
            refuse(request, "invalid token", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
            return;
        }
        request.setSecurityContext(new TokenSecurityContext(AdminPrincipal.PLATFORM, request.getSecurityContext().isSecure()));
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
        request.abortWith(jakarta.ws.rs.core.Response.fromResponse(ErrorResponses.of(401, message))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private record TokenSecurityContext(AdminPrincipal principal, boolean secure) implements SecurityContext {
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
            return "Bearer";
        }
    }
}
