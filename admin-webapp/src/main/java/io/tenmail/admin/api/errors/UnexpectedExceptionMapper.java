package io.tenmail.admin.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bugs and the unexpected: logged at ERROR with the stack and a reference; the client sees only the reference. */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger log = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        String ref = ErrorResponses.newReference();
        log.error("internal error, ref {}", ref, e);
        return ErrorResponses.of(500, "internal error, ref " + ref);
    }
}
