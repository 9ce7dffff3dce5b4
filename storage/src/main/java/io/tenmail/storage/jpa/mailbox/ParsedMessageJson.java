package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.model.ParsedMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/**
 * The stored form of a {@link ParsedMessage}: JSON of the record as it is (JSON-B handles records),
 * nulls left out. Readers accept missing members as null, so fields added to the record later
 * read as null from older rows. Thread-safe.
 */
final class ParsedMessageJson {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private ParsedMessageJson() {
    }

    static String write(ParsedMessage parsed) {
        return JSONB.toJson(parsed);
    }

    static ParsedMessage read(String json) {
        return JSONB.fromJson(json, ParsedMessage.class);
    }
}
