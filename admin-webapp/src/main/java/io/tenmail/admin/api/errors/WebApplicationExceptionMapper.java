package io.tenmail.admin.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What JAX-RS refuses before a resource runs (unknown path 404, wrong method 405, wrong media type
 * 415, 406) keeps its status and headers (e.g. {@code Allow}) but gets a JSON body.
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger log = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            String ref = ErrorResponses.newReference();
            log.error("internal error, ref {}", ref, e);
            return ErrorResponses.of(500, "internal error, ref " + ref);
        }
        // Jersey itself answers an empty body with a 400 caused by NoContentException.
        String message = e.getCause() instanceof NoContentException ? "body: request body is missing" : message(status);
        log.info("{} {}: {}", status, uriInfo.getPath(), message);
        return Response.fromResponse(original).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponses.dto(ErrorCodes.of(status, message), message)).build();
    }

    private String message(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "authentication required";
            case 403 -> "forbidden";
            case 404 -> "not found: /" + uriInfo.getPath();
            case 405 -> "method not allowed";
            case 406 -> "not acceptable: this API produces application/json";
            case 413 -> "request body too large";
            case 415 -> "unsupported media type: send application/json";
            default -> Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase(java.util.Locale.ROOT)
                    : "request refused";
        };
    }
}
