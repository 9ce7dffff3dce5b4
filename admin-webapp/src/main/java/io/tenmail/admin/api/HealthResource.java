package io.tenmail.admin.api;

import io.tenmail.admin.api.dto.HealthDto;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /health: whether the API answers, for load balancers and scripts; needs no token. */
@Singleton
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private static final HealthDto UP = new HealthDto("up");

    @GET
    @PermitAll
    public HealthDto health() {
        return UP;
    }
}
