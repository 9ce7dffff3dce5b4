package io.tenmail.admin.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Client mistakes in a request: 400, logged at INFO (never ERROR: nothing for an operator to do). */
@Provider
public final class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    private static final Logger log = LoggerFactory.getLogger(InvalidInputMapper.class);

    @Override
    public Response toResponse(InvalidInputException e) {
        log.info("bad request: {}", e.getMessage());
        return ErrorResponses.of(400, e.getMessage());
    }
}
