package io.tenmail.admin.api.errors;

import io.tenmail.storage.StoreException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the storage {@link StoreException.Reason} to an HTTP status, once for the whole API
 * (STYLE.md §6). NOT_ALLOWED is 409, not the table's 403: from {@code DirectoryAdmin} it means "a
 * tenant limit is reached", which the API contract lists with the other conflicts (duplicate, in
 * use, limit); the caller is authorised, the state of the data refuses.
 */
@Provider
public final class StoreExceptionMapper implements ExceptionMapper<StoreException> {
    private static final Logger log = LoggerFactory.getLogger(StoreExceptionMapper.class);

    static int status(StoreException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, IN_USE, NOT_ALLOWED, OVER_QUOTA -> 409;
            case INVALID -> 400;
            case TOO_BIG -> 413;
            case TEMPORARY -> 503;
        };
    }

    @Override
    public Response toResponse(StoreException e) {
        int status = status(e.reason());
        if (e.reason() == StoreException.Reason.TEMPORARY) {
            // The message may carry database details: log them, tell the client only to retry.
            String ref = ErrorResponses.newReference();
            log.warn("storage unavailable, ref {}: {}", ref, e.getMessage(), e);
            return Response.fromResponse(ErrorResponses.of(status, ErrorCodes.of(503, "ref " + ref),
                            "storage temporarily unavailable, try again later (ref " + ref + ")"))
                    .header("Retry-After", "5").build();
        }
        log.info("refused: {} {}", e.reason(), e.getMessage());
        return ErrorResponses.of(status, ErrorCodes.of(e.reason(), e.getMessage()), e.getMessage());
    }
}
