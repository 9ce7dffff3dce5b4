package io.tenmail.admin.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B configuration of the API. Null values are written out ({@code "catchAll": null}),
 * so every object of a type has the same members; times are ISO-8601 (JSON-B's default for
 * {@link java.time.Instant}).
 */
@Provider
public final class JsonConfig implements ContextResolver<Jsonb> {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
