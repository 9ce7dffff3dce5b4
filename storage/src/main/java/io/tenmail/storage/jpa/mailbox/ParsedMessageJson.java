package io.tenmail.storage.jpa.mailbox;

import io.tenmail.storage.model.ParsedMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The stored form of a {@link ParsedMessage}: JSON of the record as it is (JSON-B handles records),
 * nulls left out. Readers accept missing members as null, so fields added to the record later
 * read as null from older rows. Thread-safe.
 */
final class ParsedMessageJson {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
    /**
     * The last structure written and its JSON: local delivery appends one message (one parse
     * object) to each recipient's mailbox in turn, and the insert-if-absent needs the JSON each
     * time (ADR 0021). Compared by identity; parses are immutable records.
     */
    private static final AtomicReference<Written> LAST = new AtomicReference<>();

    private record Written(ParsedMessage parsed, String json) {
    }

    private ParsedMessageJson() {
    }

    static String write(ParsedMessage parsed) {
        Written last = LAST.get();
        if (last != null && last.parsed() == parsed) return last.json();
        String json = JSONB.toJson(parsed);
        LAST.set(new Written(parsed, json));
        return json;
    }

    static ParsedMessage read(String json) {
        return JSONB.fromJson(json, ParsedMessage.class);
    }
}
