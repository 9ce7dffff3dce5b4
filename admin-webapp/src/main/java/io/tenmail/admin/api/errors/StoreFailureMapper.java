package io.tenmail.admin.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link StoreFailure} answers as its StoreException would. */
@Provider
public final class StoreFailureMapper implements ExceptionMapper<StoreFailure> {
    private final StoreExceptionMapper stores = new StoreExceptionMapper();

    @Override
    public Response toResponse(StoreFailure e) {
        return stores.toResponse(e.store());
    }
}
