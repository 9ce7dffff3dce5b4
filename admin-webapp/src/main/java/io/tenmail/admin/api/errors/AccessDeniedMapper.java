package io.tenmail.admin.api.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AccessDeniedException} is 403 with its message. */
@Provider
public final class AccessDeniedMapper implements ExceptionMapper<AccessDeniedException> {
    private static final Logger log = LoggerFactory.getLogger(AccessDeniedMapper.class);

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(AccessDeniedException e) {
        log.info("403 {}: {}", uriInfo.getPath(), e.getMessage());
        return ErrorResponses.of(403, e.getMessage());
    }
}
