package io.tenmail.admin.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** RFC 6585 §4: 429 Too Many Requests, with the seconds to wait in {@code Retry-After}. */
@Provider
public final class TooManyAttemptsMapper implements ExceptionMapper<TooManyAttemptsException> {
    @Override
    public Response toResponse(TooManyAttemptsException e) {
        return Response.fromResponse(ErrorResponses.of(429, e.getMessage()))
                .header("Retry-After", Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)).build();
    }
}
