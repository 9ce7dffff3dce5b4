package io.tenmail.admin.api;

import io.tenmail.admin.api.auth.AdminPrincipal;
import io.tenmail.admin.api.auth.Via;
import io.tenmail.admin.api.dto.ApiTokenDto;
import io.tenmail.admin.api.dto.CreateApiTokenRequest;
import io.tenmail.admin.api.dto.NewApiTokenDto;
import io.tenmail.admin.api.errors.AccessDeniedException;
import io.tenmail.admin.api.errors.InvalidInputException;
import io.tenmail.storage.ApiTokens;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.model.ApiTokenId;
import io.tenmail.storage.model.NewApiToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * /tokens: the caller's own API tokens for automation. A token acts with the role its creator had
 * when creating it, and never with more than its owner has now (a dismissed domain administrator's
 * tokens drop to user). The secret is in the POST's answer only; the server keeps its SHA-256.
 * A request made with an API token cannot create tokens, so a leaked token cannot make itself a
 * longer-lived successor.
 */
@Singleton
@Path("/tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class TokensResource {
    private final ApiTokens tokens;
    private final Clock clock = Clock.systemUTC();

    @Inject
    TokensResource(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    public List<ApiTokenDto> list(@Context SecurityContext security) throws StoreException {
        return tokens.tokens(Who.of(security).tokenOwner()).stream().map(ApiTokenDto::from).toList();
    }

    @POST
    @Audited("token.create")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateApiTokenRequest body, @Context UriInfo uri,
                           @Context SecurityContext security) throws StoreException {
        AdminPrincipal who = Who.of(security);
        if (who.via() == Via.API_TOKEN) throw new AccessDeniedException("an API token cannot create API tokens; log in or use the platform token");
        String label = Input.name("label", body.label());
        Optional<Instant> expires = Optional.ofNullable(body.expires()).map(e -> Input.instant("expires", e));
        if (expires.isPresent() && !expires.get().isAfter(clock.instant())) throw new InvalidInputException("expires", "must be in the future");
        NewApiToken created = tokens.create(who.tokenOwner(), who.role().name(), label, expires);
        AuditNotes.detail("role=" + who.role().name() + " label=" + label);
        return Response.created(uri.getAbsolutePathBuilder().segment(String.valueOf(created.token().id().value())).build())
                .entity(new NewApiTokenDto(ApiTokenDto.from(created.token()), created.secret())).build();
    }

    @DELETE
    @Audited("token.revoke")
    @Path("{id}")
    public void revoke(@PathParam("id") String id, @Context SecurityContext security) throws StoreException {
        tokens.revoke(Who.of(security).tokenOwner(), new ApiTokenId(Input.pathId("API token", id)));
    }
}
