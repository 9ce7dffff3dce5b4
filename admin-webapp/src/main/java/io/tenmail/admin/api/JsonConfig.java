package io.tenmail.admin.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Type;

/**
 * The one JSON-B configuration of the API. Null values are written out ({@code "catchAll": null}),
 * so every object of a type has the same members; times are ISO-8601 (JSON-B's default for
 * {@link java.time.Instant}). Booleans must be JSON {@code true} or {@code false}: Yasson would
 * otherwise read any string, {@code "maybe"} included, as false, and quietly disable an account.
 */
@Provider
public final class JsonConfig implements ContextResolver<Jsonb> {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(true)
            .withDeserializers(new StrictBoolean()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    static final class StrictBoolean implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            // Yasson's parser does not support currentEvent(); getValue() reads the current value.
            return switch (parser.getValue().getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NULL -> null;
                default -> throw new JsonbException("expected true or false");
            };
        }
    }
}
